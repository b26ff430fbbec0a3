import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException, MAX_CLIENT_REFERENCE_LENGTH } from '@keurmerk/common';
import { FindingService, MAX_REPAIR_DESCRIPTION_LENGTH } from '@keurmerk/inspections';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { readMultipart } from '../http/upload';
import { FindingDto, FindingQueryDto, ReviewDto } from './dto/finding.dto';
import { UPLOAD_SCHEMA } from './dto/inspection.dto';

@ApiTags('Inspecties')
@Controller('v1/bevindingen')
export class FindingsController {
  constructor(private readonly findings: FindingService) {}

  @Get()
  @Access('beheerder', 'certificeerder', 'auditor', 'verhuurder', 'gemeente')
  @ApiOperation({ summary: 'Findings, scoped like locations; filter by location, inspection or status' })
  @ApiCollectionResponse(FindingDto)
  async list(
    @Query() query: FindingQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<FindingDto>> {
    const page = await this.findings.list(caller, pageRequestOf(query), {
      locationId: query.locatieId,
      inspectionId: query.inspectieId,
      status: query.status,
    });
    return collection(request, reply, page, (f) => FindingDto.of(f));
  }

  @Get(':id')
  @Access('beheerder', 'certificeerder', 'auditor', 'verhuurder', 'gemeente')
  @ApiOperation({ summary: 'One finding with its repair reports' })
  @ApiOkResponse({ type: FindingDto })
  async get(@UuidParam() id: string, @Caller() caller: Principal): Promise<FindingDto> {
    const { finding, reports } = await this.findings.get(caller, id);
    return FindingDto.of(finding, reports);
  }

  @Post(':id/herstelmeldingen')
  @Access('verhuurder')
  @ApiOperation({ summary: 'Report a repair, with evidence (the landlord)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_SCHEMA({ omschrijving: { type: 'string', maxLength: MAX_REPAIR_DESCRIPTION_LENGTH } }, ['omschrijving']) })
  @ApiCreatedResponse({ type: FindingDto })
  async reportRepair(@UuidParam() id: string, @Req() request: FastifyRequest, @Caller() caller: PersonPrincipal): Promise<FindingDto> {
    const { file, fields } = await readMultipart(request, {
      fileField: 'bestand',
      fields: ['omschrijving', 'clientReferentie'],
      requiredFields: ['omschrijving'],
    });
    if (fields.omschrijving.length > MAX_REPAIR_DESCRIPTION_LENGTH) {
      throw AppException.invalidField('omschrijving', 'too-long', `At most ${MAX_REPAIR_DESCRIPTION_LENGTH} characters.`);
    }
    if (fields.clientReferentie && fields.clientReferentie.length > MAX_CLIENT_REFERENCE_LENGTH) {
      throw AppException.invalidField('clientReferentie', 'too-long', `At most ${MAX_CLIENT_REFERENCE_LENGTH} characters.`);
    }
    await this.findings.reportRepair(caller, id, {
      description: fields.omschrijving,
      evidence: file,
      clientReference: fields.clientReferentie,
    });
    const { finding, reports } = await this.findings.get(caller, id);
    return FindingDto.of(finding, reports);
  }

  @Post(':id/beoordelingen')
  @Access('auditor', 'certificeerder')
  @ApiOperation({ summary: 'Accept or reject the reported repair; accepted closes the finding' })
  @ApiCreatedResponse({ type: FindingDto })
  async review(@UuidParam() id: string, @Body() body: ReviewDto, @Caller() caller: PersonPrincipal): Promise<FindingDto> {
    const { finding, reports } = await this.findings.review(caller, id, { accepted: body.akkoord, explanation: body.toelichting });
    return FindingDto.of(finding, reports);
  }
}
