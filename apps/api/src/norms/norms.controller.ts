import { Body, Controller, Get, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import type { NormDocument } from '@keurmerk/norm';
import { NormVersionService } from '@keurmerk/norm-versions';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { NormDocumentDto, NormDraftDto } from './dto/norm-document.dto';
import { NormPublicationDto, NormVersionDto } from './dto/norm-version.dto';
import { ApiVersionParam, VersionParam } from './version.param';

@ApiTags('Normen')
@Controller('v1/normen')
export class NormsController {
  constructor(private readonly norms: NormVersionService) {}

  @Get()
  @Access('anyone')
  @ApiOperation({ summary: 'The norm versions, newest first (concepts only for a beheerder)' })
  @ApiCollectionResponse(NormVersionDto)
  async list(
    @Query() query: PageQueryDto,
    @Caller() caller: Principal | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<NormVersionDto>> {
    return collection(request, reply, await this.norms.listVisible(caller, pageRequestOf(query)), NormVersionDto.of);
  }

  @Get(':versie')
  @Access('anyone')
  @ApiVersionParam()
  @ApiOperation({ summary: 'One norm version with its sections and criteria (a concept only for a beheerder)' })
  @ApiOkResponse({ type: NormDocumentDto, description: 'The version in the shape POST and PUT accept.' })
  async get(@VersionParam() version: string, @Caller() caller: Principal | undefined): Promise<NormDocument> {
    return NormDocumentDto.of(await this.norms.getVisible(caller, version));
  }

  @Post()
  @Access('beheerder')
  @ApiOperation({ summary: 'Create a concept version of the norm' })
  @ApiBody({ type: NormDraftDto })
  @ApiCreatedResponse({ type: NormDocumentDto, description: 'The concept as stored.' })
  @ApiConflictResponse({ description: 'This version exists already.' })
  async create(@Body() body: unknown, @Caller() caller: PersonPrincipal): Promise<NormDocument> {
    return NormDocumentDto.of(await this.norms.createDraft(caller, body));
  }

  @Put(':versie')
  @Access('beheerder')
  @ApiVersionParam()
  @ApiOperation({ summary: 'Replace a concept version; a published version cannot change (409)' })
  @ApiBody({ type: NormDraftDto })
  @ApiOkResponse({ type: NormDocumentDto, description: 'The concept as stored.' })
  @ApiConflictResponse({ description: 'The version is published and cannot change.' })
  async update(@VersionParam() version: string, @Body() body: unknown, @Caller() caller: PersonPrincipal): Promise<NormDocument> {
    return NormDocumentDto.of(await this.norms.updateDraft(caller, version, body));
  }

  @Post(':versie/publicaties')
  @Access('beheerder')
  @ApiVersionParam()
  @ApiOperation({ summary: 'Publish a concept version; publishing twice is a conflict (409)' })
  @ApiCreatedResponse({ type: NormPublicationDto, description: 'Published: from now on it can be pinned to inspections.' })
  @ApiConflictResponse({ description: 'The version is published already.' })
  async publish(@VersionParam() version: string, @Caller() caller: PersonPrincipal): Promise<NormPublicationDto> {
    return NormPublicationDto.of(await this.norms.publish(caller, version));
  }
}
