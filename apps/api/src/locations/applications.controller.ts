import { Body, Controller, Get, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { ApplicationService } from '@keurmerk/locations';
import { Access, Caller } from '../http/access';
import { ApiCollectionResponse, Collection, collection, PageQueryDto, pageRequestOf } from '../http/paging';
import { UuidParam } from '../http/params';
import { readMultipart } from '../http/upload';
import { contentDisposition } from '../http/content-disposition';
import { ApplicationDto, ApplicationQueryDto, CreateApplicationDto } from './dto/application.dto';
import { ACCEPTED_CONTENT_TYPES, DocumentDto } from '../http/document.dto';
import { DOCUMENT_UPLOAD_SCHEMA } from './dto/application-document.dto';

@ApiTags('Aanvragen')
@Controller('v1/aanvragen')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationService) {}

  @Post()
  @Access('verhuurder')
  @ApiOperation({ summary: 'Apply for the mark for one of your locations; a location has at most one open application' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ description: 'No location of yours has this id.' })
  @ApiConflictResponse({ description: 'The location already has an open application.' })
  async create(@Body() body: CreateApplicationDto, @Caller() caller: PersonPrincipal): Promise<ApplicationDto> {
    return ApplicationDto.of(await this.applications.create(caller, body.locatieId));
  }

  @Get()
  @Access('verhuurder', 'beheerder', 'certificeerder')
  @ApiOperation({ summary: 'List applications: a landlord its own, staff all' })
  @ApiCollectionResponse(ApplicationDto)
  async list(
    @Query() query: ApplicationQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<ApplicationDto>> {
    const page = await this.applications.list(caller, pageRequestOf(query), { locationId: query.locatieId, status: query.status });
    return collection(request, reply, page, ApplicationDto.of);
  }

  @Get(':id')
  @Access('verhuurder', 'beheerder', 'certificeerder')
  @ApiOperation({ summary: 'One application, if it is yours to see' })
  @ApiOkResponse({ type: ApplicationDto })
  async get(@UuidParam() id: string, @Caller() caller: PersonPrincipal): Promise<ApplicationDto> {
    return ApplicationDto.of(await this.applications.getVisible(caller, id));
  }

  @Post(':id/documenten')
  @Access('verhuurder', 'beheerder')
  @ApiOperation({
    summary: 'Add a document (PDF, JPEG or PNG, at most 10 MiB, typed by its content) to an open application',
    description: 'Name which required document it is with `soort`; without it the document counts as `overig`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: DOCUMENT_UPLOAD_SCHEMA })
  @ApiCreatedResponse({ type: DocumentDto, description: 'Stored; a retry with the same clientReferentie answers the first document.' })
  @ApiConflictResponse({ description: 'The application is closed, or the clientReferentie was used for a different upload.' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 10 MiB.' })
  async addDocument(@UuidParam() id: string, @Caller() caller: PersonPrincipal, @Req() request: FastifyRequest): Promise<DocumentDto> {
    const { file, fields } = await readMultipart(request, { fileField: 'bestand', fields: ['clientReferentie', 'soort'] });
    return DocumentDto.of(await this.applications.addDocument(caller, id, file, fields.clientReferentie, fields.soort));
  }

  @Get(':id/documenten')
  @Access('verhuurder', 'beheerder', 'certificeerder')
  @ApiOperation({ summary: "An application's documents, oldest first" })
  @ApiCollectionResponse(DocumentDto)
  async listDocuments(
    @UuidParam() id: string,
    @Query() query: PageQueryDto,
    @Caller() caller: PersonPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<DocumentDto>> {
    return collection(request, reply, await this.applications.listDocuments(caller, id, pageRequestOf(query)), DocumentDto.of);
  }

  @Get(':id/documenten/:documentId')
  @Access('verhuurder', 'beheerder', 'certificeerder')
  @ApiOperation({ summary: 'The content of a document, as stored' })
  @ApiProduces(...ACCEPTED_CONTENT_TYPES)
  @ApiOkResponse({
    description: 'The bytes as uploaded, with the content type found in them.',
    schema: { type: 'string', format: 'binary' },
    headers: { 'Content-Disposition': { description: 'attachment; filename="<bestandsnaam>"', schema: { type: 'string' } } },
  })
  async document(
    @UuidParam() id: string,
    @UuidParam('documentId') documentId: string,
    @Caller() caller: PersonPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, bytes } = await this.applications.documentContent(caller, id, documentId);
    // Private papers (contracts, permits): no shared cache may keep them.
    reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(bytes, {
      type: document.contentType,
      disposition: contentDisposition(document.fileName),
      length: bytes.length,
    });
  }
}
