import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException } from '@keurmerk/common';
import { ComplaintService } from '@keurmerk/complaints';
import { actorOf } from '@keurmerk/events';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { JsonOnly } from '../http/json-only.guard';
import { UuidParam } from '../http/params';
import { clientKey } from '../http/rate-limiter';
import { InspectionDto } from '../inspections/dto/inspection.dto';
import { ComplaintRateLimiter } from './complaint-rate-limiter';
import {
  CloseComplaintDto,
  ComplaintDto,
  ComplaintQueryDto,
  ComplaintReceiptDto,
  NewComplaintDto,
  PlanComplaintInspectionDto,
} from './complaint.dto';
import { parseComplaintInput } from './complaint-input';

@ApiTags('Verificatie')
@Controller('v1/meldingen')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly limiter: ComplaintRateLimiter,
  ) {}

  @Post()
  @Access('anyone')
  @JsonOnly()
  @ApiOperation({
    summary: 'A resident’s complaint about a certificate number or an address; answers with a reference',
    description: 'No name or contact details are asked or kept. Well-formed complaints are limited per client address (5 per 10 minutes).',
  })
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiResponse({ status: 415, description: 'The body is not application/json (a form from another site cannot send JSON without CORS).' })
  @ApiResponse({
    status: 429,
    description: 'Too many complaints from this address; retry after the Retry-After seconds.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
  })
  async submit(
    @Body() body: NewComplaintDto,
    @Caller() caller: Principal | undefined,
    @Req() request: FastifyRequest,
  ): Promise<ComplaintReceiptDto> {
    const { input, problems } = parseComplaintInput({ ...body });
    if (!input) throw AppException.invalid(problems);
    this.limiter.take(clientKey(request));
    return { referentie: (await this.complaints.submit(input, actorOf(caller))).reference };
  }

  @Get()
  @Access('beheerder')
  @ApiOperation({ summary: 'Complaints, newest first, by status or location' })
  @ApiCollectionResponse(ComplaintDto)
  async list(
    @Query() query: ComplaintQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<ComplaintDto>> {
    const page = await this.complaints.list(caller, pageRequestOf(query), { status: query.status, locationId: query.locatieId });
    return collection(request, reply, page, ComplaintDto.of);
  }

  @Get(':id')
  @Access('beheerder')
  @ApiOperation({ summary: 'One complaint' })
  @ApiOkResponse({ type: ComplaintDto })
  async get(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<ComplaintDto> {
    return ComplaintDto.of(await this.complaints.get(caller, id));
  }

  @Post(':id/inspecties')
  @Access('beheerder')
  @ApiOperation({
    summary: 'Plans an unannounced inspection of the complaint’s location; the complaint is then in hand',
    description:
      'An auditor with a conflict of interest or lapsed accreditation, a complaint without a known location, closed, or already answered ' +
      'with an inspection: 409.',
  })
  @ApiCreatedResponse({ type: InspectionDto })
  @ApiResponse({ status: 409, description: 'The auditor may not inspect this location, or the complaint does not allow planning.' })
  async planInspection(
    @UuidParam() id: string,
    @Body() body: PlanComplaintInspectionDto,
    @Caller() caller: PersonPrincipal,
  ): Promise<InspectionDto> {
    return InspectionDto.of(
      (await this.complaints.planInspection(caller, id, { auditorId: body.auditorId, plannedAt: new Date(body.gepland) })).inspection,
    );
  }

  @Post(':id/afhandelingen')
  @Access('beheerder')
  @ApiOperation({ summary: 'Closes a complaint with a note; closed is final (409 after)' })
  @ApiCreatedResponse({ type: ComplaintDto })
  @ApiResponse({ status: 409, description: 'The complaint is already closed.' })
  async close(@UuidParam() id: string, @Body() body: CloseComplaintDto, @Caller() caller: PersonPrincipal): Promise<ComplaintDto> {
    return ComplaintDto.of(await this.complaints.close(caller, id, body.toelichting));
  }
}
