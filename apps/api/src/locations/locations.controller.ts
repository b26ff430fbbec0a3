import { Body, Controller, Get, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { LocationOperationsService, LocationService } from '@keurmerk/locations';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import {
  ChangedLocationDto,
  ChangeLocationDto,
  CreateLocationDto,
  DeregistrationDto,
  LocationDto,
  LocationQueryDto,
  ReasonDto,
  TransferDto,
  TransferLocationDto,
} from './dto/location.dto';

@ApiTags('Locaties')
@Controller('v1/locaties')
export class LocationsController {
  constructor(
    private readonly locations: LocationService,
    private readonly operations: LocationOperationsService,
  ) {}

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

  @Patch(':id')
  @Access('verhuurder', 'beheerder')
  @ApiOperation({
    summary:
      'Change beds, housing type or new build. A change of type or new build, or beds raised above the certified maximum, ' +
      'opens a wijziging planning request; the certificate keeps its maximum until a new decision.',
  })
  @ApiOkResponse({ type: ChangedLocationDto })
  @ApiConflictResponse({ description: 'The location is deregistered.' })
  async change(@UuidParam() id: string, @Body() body: ChangeLocationDto, @Caller() caller: PersonPrincipal): Promise<ChangedLocationDto> {
    const { location, planningRequestId } = await this.operations.change(caller, id, {
      requestedBeds: body.aantalSlaapplaatsen,
      housingType: body.soortHuisvesting,
      newBuild: body.nieuwbouw,
    });
    return { ...LocationDto.of(location), ...(planningRequestId ? { planningsverzoekId: planningRequestId } : {}) };
  }

  @Post(':id/afmeldingen')
  @Access('verhuurder', 'beheerder')
  @ApiOperation({ summary: 'Deregister a location: its certificate is withdrawn and its address is free again' })
  @ApiCreatedResponse({ type: DeregistrationDto })
  @ApiConflictResponse({ description: 'The location is already deregistered.' })
  async deregister(@UuidParam() id: string, @Body() body: ReasonDto, @Caller() caller: PersonPrincipal): Promise<DeregistrationDto> {
    const { location, withdrawnCertificate } = await this.operations.deregister(caller, id, body.reden);
    return {
      locatieId: location.id,
      status: location.status,
      afgemeldOp: location.deregisteredAt!.toISOString(),
      reden: location.deregistrationReason!,
      ...(withdrawnCertificate ? { ingetrokkenCertificaat: withdrawnCertificate } : {}),
    };
  }

  @Post(':id/overdrachten')
  @Access('beheerder')
  @ApiOperation({ summary: 'Transfer a location to another landlord: its certificate is withdrawn, the new holder applies anew' })
  @ApiCreatedResponse({ type: TransferDto })
  @ApiConflictResponse({ description: 'The location is deregistered, or already held by that organisation.' })
  async transfer(@UuidParam() id: string, @Body() body: TransferLocationDto, @Caller() caller: PersonPrincipal): Promise<TransferDto> {
    const result = await this.operations.transfer(caller, id, { organisationId: body.organisatieId, reason: body.reden });
    return {
      locatieId: result.location.id,
      vanOrganisatieId: result.fromOrganisationId,
      naarOrganisatieId: result.location.organisationId,
      reden: body.reden.trim(),
      ...(result.withdrawnCertificate ? { ingetrokkenCertificaat: result.withdrawnCertificate } : {}),
    };
  }
}
