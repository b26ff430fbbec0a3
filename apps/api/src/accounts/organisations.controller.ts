import { Body, Controller, Get, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountService, type PersonPrincipal } from '@keurmerk/accounts';
import { actorOf } from '@keurmerk/events';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { CreateOrganisationDto, OrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';

@ApiTags('Beheer')
@Controller('v1/organisaties')
export class OrganisationsController {
  constructor(private readonly accounts: AccountService) {}

  @Post()
  @Access('beheerder')
  @ApiOperation({ summary: 'Register a landlord or an inspection body' })
  @ApiCreatedResponse({ type: OrganisationDto })
  async create(@Body() body: CreateOrganisationDto, @Caller() caller: PersonPrincipal): Promise<OrganisationDto> {
    return OrganisationDto.of(
      await this.accounts.createOrganisation(
        {
          name: body.naam,
          kvkNumber: body.kvkNummer,
          kind: body.soort,
          accreditationValidUntil: body.accreditatieGeldigTot,
        },
        actorOf(caller),
      ),
    );
  }

  @Get()
  @Access('beheerder', 'certificeerder')
  @ApiOperation({ summary: 'List organisations' })
  @ApiCollectionResponse(OrganisationDto)
  async list(
    @Query() query: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<OrganisationDto>> {
    return collection(request, reply, await this.accounts.listOrganisations(pageRequestOf(query)), OrganisationDto.of);
  }

  @Patch(':id')
  @Access('beheerder')
  @ApiOperation({ summary: 'Rename an organisation, or renew or end the accreditation of an inspection body' })
  @ApiOkResponse({ type: OrganisationDto })
  async update(@UuidParam() id: string, @Body() body: UpdateOrganisationDto, @Caller() caller: PersonPrincipal): Promise<OrganisationDto> {
    return OrganisationDto.of(
      await this.accounts.updateOrganisation(caller, id, { name: body.naam, accreditationValidUntil: body.accreditatieGeldigTot }),
    );
  }

  @Get(':id')
  @Access('beheerder', 'certificeerder', 'verhuurder', 'auditor')
  @ApiOperation({ summary: 'One organisation; landlords and auditors see only their own' })
  @ApiOkResponse({ type: OrganisationDto })
  async get(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<OrganisationDto> {
    return OrganisationDto.of(await this.accounts.getVisibleOrganisation(caller, id));
  }
}
