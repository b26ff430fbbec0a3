import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { AppException, MAX_CLIENT_REFERENCE_LENGTH } from '@keurmerk/common';
import {
  InspectionExceptionCode,
  inspectionNotFound,
  InspectionReportService,
  InspectionService,
  type InspectionEntity,
} from '@keurmerk/inspections';
import { CRITERION_CODE_PATTERN } from '@keurmerk/norm';
import { Access, Caller } from '../http/access';
import { contentDisposition } from '../http/content-disposition';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { readMultipart } from '../http/upload';
import {
  AnswerDto,
  AnswerInputDto,
  DecideDto,
  DecisionDto,
  EvidenceDto,
  FindingSummaryDto,
  InspectionDto,
  InspectionQueryDto,
  PlanInspectionDto,
  SubmissionDto,
  UPLOAD_SCHEMA,
} from './dto/inspection.dto';

function criterionParam(code: string): string {
  if (!CRITERION_CODE_PATTERN.test(code)) throw AppException.invalidField('criteriumCode', 'pattern', 'A criterion code looks like RU-01.');
  return code;
}

@ApiTags('Inspecties')
@Controller('v1/inspecties')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionService,
    private readonly reports: InspectionReportService,
  ) {}

  private async withFindings(inspection: InspectionEntity): Promise<InspectionDto> {
    if (!inspection.result) return InspectionDto.of(inspection);
    const findings = await this.inspections.findingsOf(inspection.id);
    return InspectionDto.of(inspection, findings.map(FindingSummaryDto.of));
  }

  @Post()
  @Access('beheerder')
  @ApiOperation({ summary: 'Plan an inspection with an auditor; conflicts of interest and lapsed accreditation are refused (409)' })
  @ApiCreatedResponse({ type: InspectionDto })
  async plan(@Body() body: PlanInspectionDto, @Caller() caller: PersonPrincipal): Promise<InspectionDto> {
    return InspectionDto.of(
      await this.inspections.plan(caller, {
        locationId: body.locatieId,
        auditorId: body.auditorId,
        kind: body.soort,
        plannedAt: new Date(body.gepland),
      }),
    );
  }

  @Get()
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({ summary: 'Inspections: an auditor its assigned ones, a landlord its locations’, staff all' })
  @ApiCollectionResponse(InspectionDto)
  async list(
    @Query() query: InspectionQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<InspectionDto>> {
    const page = await this.inspections.list(caller, pageRequestOf(query), { status: query.status, locationId: query.locatieId });
    return collection(request, reply, page, (i) => InspectionDto.of(i));
  }

  @Get(':id')
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({ summary: 'One inspection with its result once submitted' })
  @ApiOkResponse({ type: InspectionDto })
  async get(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<InspectionDto> {
    return this.withFindings(await this.inspections.get(caller, id));
  }

  @Get(':id/rapport')
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({
    summary:
      'The inspection report (PDF): every answer and measurement, findings with remarks and deadlines, score, maximum residents, ' +
      'and the decision with its explanation. A landlord gets it once the inspection is decided (404 before).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report.', schema: { type: 'string', format: 'binary' } })
  async report(
    @UuidParam() id: string,
    @Caller() caller: PersonPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.reports.pdf(caller, id);
    reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', contentDisposition(`inspectierapport-${id.toLowerCase()}.pdf`, 'inline'))
      .header('Cache-Control', 'private, no-store');
    return pdf;
  }

  @Get(':id/antwoorden')
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({ summary: 'The answers given so far' })
  @ApiOkResponse({ type: [AnswerDto] })
  async answers(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<AnswerDto[]> {
    return (await this.inspections.answers(caller, id)).map((a) => ({
      criteriumCode: a.criterionCode,
      resultaat: a.result,
      meetwaarde: a.measurement,
      personenOndersteund: a.personsSupported,
      opmerking: a.remark,
      beantwoordOp: a.answeredAt.toISOString(),
    }));
  }

  @Put(':id/antwoorden/:criteriumCode')
  @Access('auditor')
  @ApiOperation({ summary: 'Answer one criterion (the assigned auditor); measured values are judged by the platform' })
  @ApiBody({ type: AnswerInputDto })
  @ApiParam({ name: 'criteriumCode', schema: { type: 'string', pattern: CRITERION_CODE_PATTERN.source, example: 'RU-01' } })
  @ApiOkResponse({ type: AnswerDto })
  async answer(
    @UuidParam() id: string,
    @Param('criteriumCode') code: string,
    @Body() body: unknown,
    @Caller() caller: PersonPrincipal,
  ): Promise<AnswerDto> {
    const answer = await this.inspections.answer(caller, id, criterionParam(code), body);
    return {
      criteriumCode: answer.criterionCode,
      resultaat: answer.result,
      meetwaarde: answer.measurement,
      personenOndersteund: answer.personsSupported,
      opmerking: answer.remark,
      beantwoordOp: answer.answeredAt.toISOString(),
    };
  }

  @Post(':id/bewijsstukken')
  @Access('auditor')
  @ApiOperation({ summary: 'Add photo or document evidence to a criterion (the assigned auditor)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: UPLOAD_SCHEMA({ criteriumCode: { type: 'string', pattern: CRITERION_CODE_PATTERN.source, example: 'BV-01' } }, [
      'criteriumCode',
    ]),
  })
  @ApiCreatedResponse({ type: EvidenceDto })
  async addEvidence(@UuidParam() id: string, @Req() request: FastifyRequest, @Caller() caller: PersonPrincipal): Promise<EvidenceDto> {
    const { file, fields } = await readMultipart(request, {
      fileField: 'bestand',
      fields: ['criteriumCode', 'clientReferentie'],
      requiredFields: ['criteriumCode'],
    });
    if (fields.clientReferentie && fields.clientReferentie.length > MAX_CLIENT_REFERENCE_LENGTH) {
      throw AppException.invalidField('clientReferentie', 'too-long', `At most ${MAX_CLIENT_REFERENCE_LENGTH} characters.`);
    }
    return EvidenceDto.of(
      await this.inspections.addEvidence(caller, id, criterionParam(fields.criteriumCode.trim()), file, fields.clientReferentie),
    );
  }

  @Get(':id/bewijsstukken')
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({ summary: 'The evidence of an inspection' })
  @ApiOkResponse({ type: [EvidenceDto] })
  async evidence(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<EvidenceDto[]> {
    return (await this.inspections.evidence(caller, id)).map(EvidenceDto.of);
  }

  @Get(':id/bewijsstukken/:documentId')
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({ summary: 'The bytes of one piece of evidence' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string', format: 'binary' } })
  async evidenceContent(
    @UuidParam() id: string,
    @UuidParam('documentId') documentId: string,
    @Caller() caller: PersonPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { document, bytes } = await this.inspections.evidenceContent(caller, id, documentId);
    reply.header('Content-Type', document.contentType).header('Content-Disposition', contentDisposition(document.fileName));
    return bytes;
  }

  @Post(':id/indieningen')
  @Access('auditor')
  @ApiOperation({ summary: 'Submit: evaluates the answers and freezes them; unanswered criteria are listed (400)' })
  @ApiCreatedResponse({ type: SubmissionDto })
  async submit(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<SubmissionDto> {
    const { result, findings } = await this.inspections.submit(caller, id);
    return {
      status: 'ingediend',
      uitslag: {
        score: result.score,
        knockOuts: result.knockOuts,
        majors: result.majors,
        minors: result.minors,
        berekendMaximumBewoners: result.maximumResidents,
        bevindingen: findings.map(FindingSummaryDto.of),
      },
    };
  }

  @Post(':id/besluiten')
  @HttpCode(201)
  @Access('certificeerder')
  @ApiOperation({ summary: 'Decide (four eyes): toekennen or afwijzen; one decision per inspection' })
  @ApiCreatedResponse({ type: DecisionDto })
  async decide(@UuidParam() id: string, @Body() body: DecideDto, @Caller() caller: PersonPrincipal): Promise<DecisionDto> {
    const { decision, certificateNumber } = await this.inspections.decide(caller, id, {
      outcome: body.uitkomst,
      explanation: body.toelichting,
    });
    return {
      uitkomst: decision.outcome,
      ...(certificateNumber ? { certificaatnummer: certificateNumber } : {}),
      toelichting: decision.explanation,
      besluitDoor: decision.decidedBy,
      besluitOp: decision.decidedAt.toISOString(),
    };
  }

  @Get(':id/besluit')
  @Access('auditor', 'beheerder', 'certificeerder', 'verhuurder')
  @ApiOperation({ summary: 'The decision on an inspection, once made' })
  @ApiOkResponse({ type: DecisionDto })
  async decision(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<DecisionDto> {
    const decision = await this.inspections.decisionOf(caller, id);
    if (!decision) throw inspectionNotFound(InspectionExceptionCode.NotDecided, 'A decision on this inspection');
    return {
      uitkomst: decision.outcome,
      toelichting: decision.explanation,
      besluitDoor: decision.decidedBy,
      besluitOp: decision.decidedAt.toISOString(),
    };
  }
}
