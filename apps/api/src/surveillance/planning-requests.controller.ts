import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { PlanningRequestService } from '@keurmerk/surveillance';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { PlanningRequestDto, PlanningRequestQueryDto } from './surveillance.dto';

@ApiTags('Toezicht')
@Controller('v1/planningsverzoeken')
export class PlanningRequestsController {
  constructor(private readonly planning: PlanningRequestService) {}

  @Get()
  @Access('beheerder')
  @ApiOperation({
    summary: 'Inspections that must be planned, by deadline: re-inspections before expiry, the sample, complaints, changes, objections',
    description:
      'A request becomes ingepland when an inspection of its location with its soort is planned; verlopen marks an open one past its ' +
      'last day.',
  })
  @ApiCollectionResponse(PlanningRequestDto)
  async list(
    @Query() query: PlanningRequestQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<PlanningRequestDto>> {
    return collection(
      request,
      reply,
      await this.planning.list(caller, pageRequestOf(query), { status: query.status }),
      PlanningRequestDto.of,
    );
  }
}
