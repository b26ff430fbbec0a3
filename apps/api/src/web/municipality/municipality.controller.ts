import { Readable } from 'node:stream';
import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { municipalityOf } from '@keurmerk/accounts';
import {
  CERTIFICATE_SEARCH_MAX_LENGTH,
  CERTIFICATE_STATUSES,
  type CertificateFilter,
  CertificateQueryService,
  type CertificateStatus,
  type PublicCertificate,
} from '@keurmerk/certificates';
import { AppException } from '@keurmerk/common';
import { addDays, amsterdamInstant, dateInAmsterdam, startOfAmsterdamDay } from '@keurmerk/norm';
import { PublicRegisterService } from '@keurmerk/verification';
import { csvField, registerCsvLines } from '../../verification/register-csv';
import { contentDisposition } from '../../http/content-disposition';
import { pageRequest } from '../shared/page-parts';
import { sendPage } from '../layout';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { municipalityText } from './municipality.texts';
import { certificatesPage, changesPage } from './municipality.views';

type Fields = Record<string, unknown>;

const CHANGES_DEFAULT_DAYS = 30;

/** The municipality of the signed-in municipal user: every list below is of that area only. */
export function ownMunicipality(web: SignedInContext): string {
  const code = municipalityOf(web.user.principal);
  if (!code) throw AppException.forbidden('This account belongs to no municipality.');
  return code;
}

/**
 * A municipality's certificates and the status changes in its area. The services limit the area
 * (CertificateQueryService.list and PublicRegisterService.changes with the municipal principal); the CSV is
 * the open register's own export, of this municipality's valid certificates.
 */
@WebController('app/gemeente', 'gemeente')
export class MunicipalityPagesController {
  constructor(
    private readonly certificates: CertificateQueryService,
    private readonly register: PublicRegisterService,
  ) {}

  @Get()
  async home(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const code = ownMunicipality(web);
    const { status, search } = listFilter(query);
    const found = await this.certificates.list(web.user.principal, pageRequest(query.pagina), { status, search });
    sendPage(reply, web, certificatesPage(web, { code, found, status, search }));
  }

  /** The list as filtered on the page, every page of it, with each certificate's status: streamed in number order. */
  @Get('lijst.csv')
  listCsv(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): void {
    const code = ownMunicipality(web);
    const stream = Readable.from(listCsvLines(this.certificates.listAll(web.user.principal, listFilter(query))), { objectMode: false });
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', contentDisposition(`keurmerk-${code}-lijst-${dateInAmsterdam(web.now)}.csv`))
      .header('Cache-Control', 'no-store')
      .send(stream);
  }

  /** The municipality's valid certificates as the open register's CSV, streamed: memory stays flat however many. */
  @Get('export.csv')
  exportCsv(@Web() web: SignedInContext, @Res() reply: FastifyReply): void {
    const code = ownMunicipality(web);
    const stream = Readable.from(registerCsvLines(this.register.validCertificates({ municipalityCode: code })), { objectMode: false });
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', contentDisposition(`keurmerk-${code}-${dateInAmsterdam(web.now)}.csv`))
      .header('Cache-Control', 'no-store')
      .send(stream);
  }

  @Get('wijzigingen')
  async changes(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    ownMunicipality(web);
    const given = typeof query.sinds === 'string' ? query.sinds.trim() : '';
    // Calendar days in Amsterdam: 30 × 24 hours back reaches one day too far across spring's clock change.
    const fallback = addDays(dateInAmsterdam(web.now), -CHANGES_DEFAULT_DAYS);
    const givenInstant = given ? amsterdamInstant(given, '00:00') : undefined;
    const error = given && !givenInstant ? municipalityText(web).enterValidDateSuch1 : undefined;
    const sinceDate = givenInstant ? given : fallback;
    const since = givenInstant ?? startOfAmsterdamDay(fallback);
    const found = await this.register.changes(web.user.principal, since, pageRequest(query.pagina));
    sendPage(reply, web, changesPage(web, { found, given, sinceDate, error }), error ? 400 : 200);
  }
}

/** The list's filters from the query string; anything unknown is no filter. */
function listFilter(query: Fields): Required<Pick<CertificateFilter, 'search'>> & Pick<CertificateFilter, 'status'> {
  const status = CERTIFICATE_STATUSES.includes(query.status as CertificateStatus) ? (query.status as CertificateStatus) : undefined;
  // A certificate number, a postcode (with house number), or part of a street, place or holder.
  const search = typeof query.zoek === 'string' ? query.zoek.trim().slice(0, CERTIFICATE_SEARCH_MAX_LENGTH) : '';
  return { status, search };
}

const LIST_CSV_COLUMNS = [
  'certificaatnummer',
  'status',
  'statusGewijzigdOp',
  'geldigVanaf',
  'geldigTot',
  'maximaalAantalBewoners',
  'postcode',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'straatnaam',
  'woonplaats',
  'houderNaam',
  'houderKvkNummer',
  'normVersie',
];

async function* listCsvLines(certificates: AsyncGenerator<PublicCertificate>): AsyncGenerator<string> {
  yield `${LIST_CSV_COLUMNS.join(',')}\r\n`;
  for await (const c of certificates) {
    const a = c.content.address;
    const fields = [
      c.number,
      c.status,
      c.statusChangedAt.toISOString(),
      c.validFrom,
      c.validUntil,
      c.maximumResidents,
      a.postcode,
      a.houseNumber,
      a.houseLetter ?? null,
      a.houseNumberAddition ?? null,
      a.street,
      a.city,
      c.content.holderName,
      c.content.holderKvkNumber,
      c.normVersion,
    ];
    yield `${fields.map(csvField).join(',')}\r\n`;
  }
}
