import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException } from '@keurmerk/common';
import { ObjectionService, parseObjectionInput } from '@keurmerk/objections';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { NewObjectionDto, ObjectionDecisionInputDto, ObjectionDto, ObjectionQueryDto } from './objection.dto';

@ApiTags('Bezwaren')
@Controller('v1/bezwaren')
export class ObjectionsController {
  constructor(private readonly objections: ObjectionService) {}

  @Post()
  @Access('verhuurder')
  @ApiOperation({
    summary: 'The landlord objects against a refusal, a suspension or a withdrawal at its location, within 42 days of it',
    description:
      'Exactly one of inspectieId (a refused inspection) and certificaatnummer (a suspended or withdrawn certificate). ' +
      'Not the landlord’s ' +
      'location: 404. Nothing to contest, the 42 days passed, or objected against already: 409. The beslistermijn is 42 days on.',
  })
  @ApiCreatedResponse({ type: ObjectionDto })
  @ApiResponse({ status: 409, description: 'Nothing to contest, the term has passed, or this effect has an objection already.' })
  async file(@Body() body: NewObjectionDto, @Caller() caller: PersonPrincipal): Promise<ObjectionDto> {
    const { input, problems } = parseObjectionInput({ ...body });
    if (!input) throw AppException.invalid(problems);
    return ObjectionDto.of(await this.objections.file(caller, input));
  }

  @Get()
  @Access('verhuurder', 'beheerder', 'certificeerder', 'gemeente', 'auditor')
  @ApiOperation({
    summary: 'Objections, scoped like locaties: undecided first by beslistermijn (overdue ones lead), then decided ones, newest first',
  })
  @ApiCollectionResponse(ObjectionDto)
  async list(
    @Query() query: ObjectionQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<ObjectionDto>> {
    const page = await this.objections.list(caller, pageRequestOf(query), { status: query.status, locationId: query.locatieId });
    return collection(request, reply, page, ObjectionDto.of);
  }

  @Get(':id')
  @Access('verhuurder', 'beheerder', 'certificeerder', 'gemeente', 'auditor')
  @ApiOperation({ summary: 'One objection with its decision once decided' })
  @ApiOkResponse({ type: ObjectionDto })
  async get(@UuidParam() id: string, @Caller() caller: Principal): Promise<ObjectionDto> {
    return ObjectionDto.of(await this.objections.get(caller, id));
  }

  @Post(':id/beslissingen')
  @Access('certificeerder')
  @ApiOperation({
    summary: 'Decides an objection: by a certificeerder who neither decided nor inspected the contested case (403 otherwise), once (409)',
    description:
      'gegrond undoes the effect through the normal paths: after a refusal the inspection may be decided again by another ' +
      'certificeerder; ' +
      'a suspension is reinstated; after a withdrawal a certificate for the rest of the old validity is issued.',
  })
  @ApiCreatedResponse({ type: ObjectionDto })
  @ApiResponse({ status: 403, description: 'The certificeerder took part in the contested case.' })
  @ApiResponse({ status: 409, description: 'The objection has been decided already.' })
  async decide(@UuidParam() id: string, @Body() body: ObjectionDecisionInputDto, @Caller() caller: PersonPrincipal): Promise<ObjectionDto> {
    return ObjectionDto.of(
      await this.objections.decide(caller, id, { outcome: body.uitkomst, explanation: body.toelichting, reinspection: body.herinspectie }),
    );
  }
}
