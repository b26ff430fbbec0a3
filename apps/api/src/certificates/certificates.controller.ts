import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { CertificateLifecycleService, CertificateQueryService, PublishedKeysService } from '@keurmerk/certificates';
import { actorOf } from '@keurmerk/events';
import { Access, Caller } from '../http/access';
import { contentDisposition } from '../http/content-disposition';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { CertificateDto, CertificateNumberParam, CertificateQueryDto, StatusChangeDto } from './certificate.dto';

@ApiTags('Certificaten')
@Controller('v1/certificaten')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificateQueryService,
    private readonly lifecycle: CertificateLifecycleService,
  ) {}

  @Get()
  @Access('beheerder', 'certificeerder', 'auditor', 'verhuurder', 'gemeente', 'api-key')
  @ApiOperation({ summary: 'Certificates the caller may see (scoped like locations)' })
  @ApiCollectionResponse(CertificateDto)
  async list(
    @Query() query: CertificateQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<CertificateDto>> {
    const page = await this.certificates.list(caller, pageRequestOf(query), { status: query.status, municipalityCode: query.gemeentecode });
    return collection(request, reply, page, CertificateDto.of);
  }

  @Get(':nummer')
  @Access('anyone')
  @ApiOperation({ summary: 'The public view of a certificate' })
  @ApiOkResponse({ type: CertificateDto })
  async get(@CertificateNumberParam() number: string): Promise<CertificateDto> {
    return CertificateDto.of(await this.certificates.getPublic(number, 'nummer'));
  }

  @Get(':nummer/pdf')
  @Access('anyone')
  @ApiOperation({ summary: 'The PAdES-signed certificate with its information card' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The signed PDF.', schema: { type: 'string', format: 'binary' } })
  async pdf(@CertificateNumberParam() number: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { certificate, bytes } = await this.certificates.pdf(number);
    reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', contentDisposition(`${certificate.number}.pdf`, 'inline'))
      .header('ETag', `"${certificate.pdfSha256}"`)
      .header('Cache-Control', 'public, max-age=300');
    return bytes;
  }

  @Get(':nummer/vc')
  @Access('anyone')
  @ApiOperation({
    summary: 'The certificate as a signed credential (compact JWS); keys at /.well-known/jwks.json',
    description:
      'Signed at issuance (and at a re-issue): its `status` is the status then; `credentialStatus.id` is where the live status is.',
  })
  @ApiProduces('application/vc+jwt')
  @ApiOkResponse({ description: 'A compact JWS with header typ vc+jwt and kid.', schema: { type: 'string' } })
  async credential(@CertificateNumberParam() number: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const jws = await this.certificates.credential(number);
    reply.header('Content-Type', 'application/vc+jwt');
    return jws;
  }

  @Post(':nummer/statuswijzigingen')
  @Access('beheerder', 'certificeerder')
  @ApiOperation({ summary: 'Suspend, reinstate or withdraw a certificate; illegal transitions are 409' })
  @ApiCreatedResponse({ type: CertificateDto })
  async changeStatus(
    @CertificateNumberParam() number: string,
    @Body() body: StatusChangeDto,
    @Caller() caller: PersonPrincipal,
  ): Promise<CertificateDto> {
    await this.certificates.getPublic(number, 'nummer');
    await this.lifecycle.changeStatus(number, body.status, body.reden, actorOf(caller));
    return CertificateDto.of(await this.certificates.getPublic(number));
  }
}

/** The public keys of every certificate and credential this scheme ever signed (RFC 7517), as the issuer published them. */
@Controller('.well-known')
export class JwksController {
  constructor(private readonly published: PublishedKeysService) {}

  @Get('jwks.json')
  @Access('anyone')
  @ApiExcludeEndpoint()
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=300')
  keys(): Promise<object> {
    return this.published.jwks();
  }
}
