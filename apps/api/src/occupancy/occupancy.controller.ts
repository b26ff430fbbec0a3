import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { OccupancyService } from '@keurmerk/occupancy';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { CreateOccupancyReportDto, OccupancyReportDto } from './occupancy.dto';

@ApiTags('Locaties')
@Controller('v1/locaties/:id/bezettingen')
export class OccupancyController {
  constructor(private readonly occupancy: OccupancyService) {}

  @Post()
  @Access('verhuurder')
  @ApiOperation({
    summary: 'Report the residents living at your location on a day (at least monthly)',
    description:
      'A report above the certified maximum opens an unannounced planning request (reden melding) and shows at once to the ' +
      'municipality. A second report for the same peildatum replaces the first.',
  })
  @ApiCreatedResponse({ type: OccupancyReportDto })
  async report(
    @UuidParam() id: string,
    @Body() body: CreateOccupancyReportDto,
    @Caller() caller: PersonPrincipal,
  ): Promise<OccupancyReportDto> {
    return OccupancyReportDto.of(
      await this.occupancy.report(caller, id, { referenceDate: body.peildatum, residents: body.aantalBewoners }),
    );
  }

  @Get()
  @Access('verhuurder', 'gemeente', 'beheerder')
  @ApiOperation({
    summary: 'The reported residents of a location, the latest peildatum first: its landlord, its municipality, the beheerder',
  })
  @ApiCollectionResponse(OccupancyReportDto)
  async list(
    @UuidParam() id: string,
    @Query() query: PageQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<OccupancyReportDto>> {
    return collection(request, reply, await this.occupancy.list(caller, id, pageRequestOf(query)), OccupancyReportDto.of);
  }
}
