import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { LocationService } from '@keurmerk/locations';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { CreateLocationDto, LocationDto, LocationQueryDto } from './dto/location.dto';

@ApiTags('Locaties')
@Controller('v1/locaties')
export class LocationsController {
  constructor(private readonly locations: LocationService) {}

  @Post()
  @Access('verhuurder', 'beheerder')
  @ApiOperation({ summary: 'Register a location: a landlord its own, the beheerder for the landlord named in organisatieId' })
  @ApiCreatedResponse({ type: LocationDto })
  @ApiConflictResponse({ description: 'A location at this address is already registered.' })
  async create(@Body() body: CreateLocationDto, @Caller() caller: PersonPrincipal): Promise<LocationDto> {
    const location = await this.locations.create(caller, {
      organisationId: body.organisatieId,
      address: {
        postcode: body.adres.postcode,
        houseNumber: body.adres.huisnummer,
        houseLetter: body.adres.huisletter,
        houseNumberAddition: body.adres.huisnummertoevoeging,
        street: body.adres.straatnaam,
        city: body.adres.woonplaats,
      },
      municipalityCode: body.gemeentecode,
      bagId: body.bagNummeraanduidingId,
      housingType: body.soortHuisvesting,
      newBuild: body.nieuwbouw,
      requestedBeds: body.aantalSlaapplaatsen,
    });
    return LocationDto.of(location);
  }

  @Get()
  @Access('beheerder', 'certificeerder', 'verhuurder', 'auditor', 'gemeente', 'api-key')
  @ApiOperation({
    summary: 'List locations: a landlord its own, a municipality those in its gemeentecode, an auditor those of its inspections, staff all',
  })
  @ApiCollectionResponse(LocationDto)
  async list(
    @Query() query: LocationQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<LocationDto>> {
    const page = await this.locations.list(caller, pageRequestOf(query), {
      municipalityCode: query.gemeentecode,
      postcode: query.postcode,
    });
    return collection(request, reply, page, LocationDto.of);
  }

  @Get(':id')
  @Access('beheerder', 'certificeerder', 'verhuurder', 'auditor', 'gemeente', 'api-key')
  @ApiOperation({ summary: 'One location, if it is yours to see' })
  @ApiOkResponse({ type: LocationDto })
  async get(@UuidParam() id: string, @Caller() caller: Principal): Promise<LocationDto> {
    return LocationDto.of(await this.locations.getVisible(caller, id));
  }
}
