import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@keurmerk/accounts';
import {
  AppErrorCode,
  AppException,
  contractAddress,
  HOUSE_LETTER_PATTERN,
  HOUSE_NUMBER_ADDITION_PATTERN,
  InvalidParam,
  MAX_POSTCODE_INPUT_LENGTH,
} from '@keurmerk/common';
import {
  DocumentCheckService,
  PublicRegisterService,
  type RegisterRow,
  type Verdict,
  VerificationService,
  type VerificationRequest,
} from '@keurmerk/verification';
import { CERTIFICATE_NUMBER_SCHEMA_PATTERN, CertificateDto } from '../certificates/certificate.dto';
import { contentDisposition } from '../http/content-disposition';
import { Access, Caller } from '../http/access';
import { parseBoundedTimestamp, SINCE_BOUNDS } from '../http/bounds';
import { ApiCollectionResponse, Collection, collection, pageRequestOf } from '../http/paging';
import { BulkVerdictsDto, BulkVerificationDto, ChangeDto, ChangesQueryDto, DocumentCheckDto, VerdictDto } from './verification.dto';
import { parseVerificationRequest, requireVerificationRequest } from './verification-input';
import { registerCsvLines } from './register-csv';

export function verdictDto(verdict: Verdict): VerdictDto {
  return {
    voldoet: verdict.complies,
    redenen: verdict.reasons.map((r) => ({ code: r.code, omschrijving: r.description })),
    certificaat: verdict.certificate ? CertificateDto.of(verdict.certificate) : null,
  };
}

/** One renderer for the single-verification answer, so the service can keep what it rendered. */
export const renderVerdict = (verdict: Verdict): string => JSON.stringify(verdictDto(verdict));

@ApiTags('Verificatie')
@Controller('v1')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly documents: DocumentCheckService,
    private readonly register: PublicRegisterService,
  ) {}

  @Get('verificaties')
  @Access('anyone')
  @ApiOperation({ summary: 'The permit precondition check, by certificate number or by address' })
  @ApiOkResponse({ type: VerdictDto })
  @ApiQuery({
    name: 'certificaatnummer',
    required: false,
    schema: { type: 'string', pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN, example: 'KM-2026-000123-3' },
    description: 'Either a certificate number, or postcode and huisnummer.',
  })
  @ApiQuery({ name: 'postcode', required: false, schema: { type: 'string', maxLength: MAX_POSTCODE_INPUT_LENGTH, example: '2671 AB' } })
  @ApiQuery({ name: 'huisnummer', required: false, schema: { type: 'integer', minimum: 1, maximum: 99999 } })
  @ApiQuery({ name: 'huisletter', required: false, schema: { type: 'string', pattern: HOUSE_LETTER_PATTERN.source, example: 'A' } })
  @ApiQuery({
    name: 'huisnummertoevoeging',
    required: false,
    schema: { type: 'string', pattern: HOUSE_NUMBER_ADDITION_PATTERN.source, example: '2HG' },
  })
  @ApiQuery({ name: 'aantalBewoners', required: false, schema: { type: 'integer', minimum: 1, maximum: 10000 } })
  async verify(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    // The hottest route: validated once, by the same parser bulk uses (a repeated parameter is refused
    // as a wrong type there), not by a DTO pass as well; answered with JSON rendered once per
    // certificate and day (Fastify sends a string typed as JSON as it is).
    const text = await this.verification.verifyRendered(requireVerificationRequest({ ...query }), renderVerdict);
    void reply.type('application/json; charset=utf-8');
    return text;
  }

  @Post('bulkverificaties')
  @HttpCode(200)
  @Access('api-key')
  @ApiOperation({ summary: 'Up to 1000 verifications in one call, answered in order (municipal API key)' })
  @ApiOkResponse({ type: BulkVerdictsDto })
  async bulk(@Body() body: BulkVerificationDto): Promise<BulkVerdictsDto> {
    const problems: InvalidParam[] = [];
    const requests: VerificationRequest[] = [];
    body.verzoeken.forEach((item, index) => {
      const parsed = parseVerificationRequest(item, `verzoeken[${index}].`);
      problems.push(...parsed.problems);
      if (parsed.request) requests.push(parsed.request);
    });
    if (problems.length > 0) throw AppException.invalid(problems);
    return { resultaten: (await this.verification.verifyMany(requests)).map(verdictDto) };
  }

  @Post('verificaties/documenten')
  @HttpCode(200)
  @Access('anyone')
  @ApiOperation({ summary: 'Check a certificate PDF: signature, whole document, registry hash, current status' })
  @ApiConsumes('application/pdf')
  @ApiBody({ description: 'The PDF, at most 5 MiB.', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: DocumentCheckDto })
  async checkDocument(@Req() request: FastifyRequest): Promise<DocumentCheckDto> {
    const body = request.body;
    if (!Buffer.isBuffer(body))
      throw new AppException(AppErrorCode.UnsupportedMediaType, 'Send the PDF itself, with Content-Type: application/pdf.');
    if (body.length === 0) throw AppException.invalidField('body', 'empty', 'The request body is empty; send the PDF.');
    const check = await this.documents.check(body);
    return {
      handtekeningGeldig: check.signatureValid,
      documentOngewijzigd: check.documentUnchanged,
      certificaatnummer: check.certificateNumber,
      voldoet: check.documentUnchanged && (check.verdict?.complies ?? false),
      certificaat: check.verdict?.certificate ? CertificateDto.of(check.verdict.certificate) : null,
      ...(check.problem ? { probleem: check.problem } : {}),
    };
  }

  @Get('mutaties')
  @Access('api-key', 'gemeente', 'beheerder')
  @ApiOperation({ summary: 'Every certificate status change since a moment, oldest first (a municipality: its own area)' })
  @ApiCollectionResponse(ChangeDto)
  async changes(
    @Query() query: ChangesQueryDto,
    @Caller() caller: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Collection<ChangeDto>> {
    const problems: InvalidParam[] = [];
    const since = parseBoundedTimestamp(query.sinds, SINCE_BOUNDS);
    if (!since) {
      const range = `from ${SINCE_BOUNDS['x-earliest']} to ${SINCE_BOUNDS['x-latest']}`;
      problems.push({ name: 'sinds', code: 'format', reason: `sinds must be an RFC 3339 timestamp ${range}, e.g. 2026-12-01T00:00:00Z.` });
    }
    if (query.gemeentecode !== undefined && !/^GM[0-9]{4}$/.test(query.gemeentecode)) {
      problems.push({ name: 'gemeentecode', code: 'pattern', reason: 'gemeentecode must be GM followed by 4 digits.' });
    }
    if (problems.length > 0) throw AppException.invalid(problems);
    const page = await this.register.changes(caller, since!, pageRequestOf(query), query.gemeentecode);
    return collection(request, reply, page, (c) => ({
      id: c.id,
      certificaatnummer: c.certificateNumber,
      gemeentecode: c.municipalityCode,
      vorigeStatus: c.fromStatus,
      status: c.toStatus,
      reden: c.reason,
      ...(c.supersededBy ? { vervangenDoor: c.supersededBy } : {}),
      tijdstip: c.occurredAt.toISOString(),
    }));
  }

  @Get('register')
  @Access('anyone')
  @ApiOperation({ summary: 'The open register: every geldig certificate, streamed as JSON or CSV (Accept)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'All valid certificates.', schema: { type: 'array', items: { type: 'object' } } })
  registerExport(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const csv = /\btext\/csv\b/.test(String(request.headers.accept ?? ''));
    const rows = this.register.validCertificates();
    const stream = Readable.from(inChunks(csv ? registerCsvLines(rows) : jsonChunks(rows)), { objectMode: false });
    void reply
      .header('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('Content-Disposition', contentDisposition(`keurmerk-register.${csv ? 'csv' : 'json'}`, 'inline'))
      .header('Cache-Control', 'public, max-age=60')
      .send(stream);
  }
}

/**
 * Rows joined into chunks of about 64 KiB: one socket write per chunk instead of one per row, which
 * at a million rows was most of the export's time and garbage (docs/performance.md).
 */
async function* inChunks(pieces: AsyncGenerator<string>, size = 64 * 1024): AsyncGenerator<string> {
  let chunk = '';
  for await (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function* jsonChunks(rows: AsyncGenerator<RegisterRow>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const r of rows) {
    const item = {
      certificaatnummer: r.number,
      status: 'geldig',
      geldigVanaf: r.validFrom,
      geldigTot: r.validUntil,
      maximaalAantalBewoners: r.maximumResidents,
      adres: contractAddress(r),
      gemeentecode: r.municipalityCode,
      houder: { naam: r.holderName, kvkNummer: r.holderKvkNumber },
      normVersie: r.normVersion,
    };
    yield `${first ? '' : ','}${JSON.stringify(item)}`;
    first = false;
  }
  yield ']';
}
