import { Readable } from 'node:stream';
import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { municipalityOf } from '@keurmerk/accounts';
import { CERTIFICATE_STATUSES, type CertificateFilter, CertificateQueryService, type CertificateStatus, type PublicCertificate } from '@keurmerk/certificates';
import { AppException } from '@keurmerk/common';
import { dateInAmsterdam } from '@keurmerk/norm';
import { PublicRegisterService } from '@keurmerk/verification';
import { csvField, registerCsvLines } from '../../verification/register-csv';
import { addressLine, amsterdamInstant, pageRequest, pager, selectField } from '../admin/page-parts';
import { emptyState, errorSummary, field, html, page, sendPage } from '../layout';
import { statusBadge, statusText } from '../labels';
import { formatDate, formatDateTime, formatNumber, type SignedInContext, t } from '../web-context';
import { Web, WebController } from '../web.guard';

type Fields = Record<string, unknown>;

const HOME_PATH = '/app/gemeente';
const CHANGES_PATH = '/app/gemeente/wijzigingen';
const CHANGES_DEFAULT_DAYS = 30;
const MAX_SEARCH = 100;

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
    const shown = new URLSearchParams(Object.entries({ status, zoek: search }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const body = html`
      <p class="lead">${t(web, `Keurmerkcertificaten van locaties in uw gemeente (${code}).`, `Quality-mark certificates of locations in your municipality (${code}).`)}</p>
      <div class="filters">
        <form method="get" action="${HOME_PATH}" class="inline-form">
          ${field({ name: 'zoek', type: 'search', label: t(web, 'Zoeken', 'Search'), value: search || undefined, hint: t(web, 'Certificaatnummer, postcode en huisnummer, straat, plaats of houder', 'Certificate number, postcode and house number, street, place or holder'), attributes: html` maxlength="${MAX_SEARCH}"` })}
          ${selectField({ name: 'status', label: t(web, 'Status', 'Status'), value: status, empty: t(web, 'Alle statussen', 'All statuses'), choices: CERTIFICATE_STATUSES.map((s) => ({ value: s, label: statusText(web, 'certificate', s) })) })}
          <button type="submit" class="button--secondary">${t(web, 'Filteren', 'Filter')}</button>
        </form>
      </div>
      <p class="actions"><a class="button button--secondary" href="${HOME_PATH}/lijst.csv${shown.size > 0 ? `?${shown.toString()}` : ''}" download>${t(web, 'Deze lijst downloaden (CSV)', 'Download this list (CSV)')}</a>
        <a class="button button--secondary" href="${HOME_PATH}/export.csv" download>${t(web, 'Geldige certificaten downloaden (CSV)', 'Download valid certificates (CSV)')}</a>
        <span class="muted">${t(web, 'De lijst met de gekozen zoekopdracht en status; de geldige certificaten in het formaat van het open register.', 'The list with the chosen search and status; the valid certificates in the open register’s format.')}</span></p>
      ${found.total === 0
        ? emptyState(
            status || search
              ? t(web, 'Geen certificaten gevonden met deze zoekopdracht of status.', 'No certificates match this search or status.')
              : t(web, 'Er zijn nog geen certificaten in uw gemeente.', 'There are no certificates in your municipality yet.'),
          )
        : html`<p>${found.total === 1 ? t(web, '1 certificaat', '1 certificate') : t(web, `${formatNumber(web, found.total)} certificaten`, `${formatNumber(web, found.total)} certificates`)}</p>
          <div class="table-wrap"><table class="stack">
          <thead><tr><th>${t(web, 'Certificaat', 'Certificate')}</th><th>${t(web, 'Adres', 'Address')}</th><th>${t(web, 'Status', 'Status')}</th><th>${t(web, 'Geldig tot', 'Valid until')}</th><th class="num">${t(web, 'Max. bewoners', 'Max. residents')}</th><th>${t(web, 'Houder', 'Holder')}</th></tr></thead>
          <tbody>${found.items.map((c) => html`<tr>
            <td data-label="${t(web, 'Certificaat', 'Certificate')}"><a href="/controleer/${c.number}">${c.number}</a></td>
            <td data-label="${t(web, 'Adres', 'Address')}">${addressLine(c.content.address)}</td>
            <td data-label="${t(web, 'Status', 'Status')}">${statusBadge(web, 'certificate', c.status)}</td>
            <td data-label="${t(web, 'Geldig tot', 'Valid until')}">${formatDate(web, c.validUntil)}</td>
            <td class="num" data-label="${t(web, 'Max. bewoners', 'Max. residents')}">${formatNumber(web, c.maximumResidents)}</td>
            <td data-label="${t(web, 'Houder', 'Holder')}">${c.content.holderName}</td></tr>`)}</tbody>
        </table></div>`}
      ${pager(web, HOME_PATH, found, { status, zoek: search || undefined })}`;
    sendPage(reply, web, page(web, { title: t(web, 'Certificaten', 'Certificates'), body, styles: ['municipality.css'] }));
  }

  /** The list as filtered on the page, every page of it, with each certificate's status: streamed in number order. */
  @Get('lijst.csv')
  listCsv(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): void {
    const code = ownMunicipality(web);
    const stream = Readable.from(listCsvLines(this.certificates.listAll(web.user.principal, listFilter(query))), { objectMode: false });
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="keurmerk-${code}-lijst-${dateInAmsterdam(web.now)}.csv"`)
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
      .header('Content-Disposition', `attachment; filename="keurmerk-${code}-${dateInAmsterdam(web.now)}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(stream);
  }

  @Get('wijzigingen')
  async changes(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    ownMunicipality(web);
    const given = typeof query.sinds === 'string' ? query.sinds.trim() : '';
    const fallback = dateInAmsterdam(new Date(web.now.getTime() - CHANGES_DEFAULT_DAYS * 24 * 3600_000));
    const givenInstant = given ? amsterdamInstant(given, '00:00') : undefined;
    const error = given && !givenInstant ? t(web, 'Vul een geldige datum in, zoals 1-12-2026.', 'Enter a valid date, such as 1-12-2026.') : undefined;
    const sinceDate = givenInstant ? given : fallback;
    const found = await this.register.changes(web.user.principal, amsterdamInstant(sinceDate, '00:00')!, pageRequest(query.pagina));
    const body = html`${errorSummary(web, error ? { sinds: error } : {})}
      <div class="filters">
        <form method="get" action="${CHANGES_PATH}" class="inline-form">
          ${field({ name: 'sinds', label: t(web, 'Wijzigingen sinds', 'Changes since'), type: 'date', value: given || sinceDate, error })}
          <button type="submit" class="button--secondary">${t(web, 'Tonen', 'Show')}</button>
        </form>
      </div>
      ${found.total === 0
        ? emptyState(t(web, `Geen statuswijzigingen sinds ${formatDate(web, sinceDate)}.`, `No status changes since ${formatDate(web, sinceDate)}.`))
        : html`<p>${t(web, `${formatNumber(web, found.total)} wijzigingen sinds ${formatDate(web, sinceDate)}, oudste eerst.`, `${formatNumber(web, found.total)} changes since ${formatDate(web, sinceDate)}, oldest first.`)}</p>
          <div class="table-wrap"><table class="stack">
          <thead><tr><th>${t(web, 'Tijdstip', 'When')}</th><th>${t(web, 'Certificaat', 'Certificate')}</th><th>${t(web, 'Van', 'From')}</th><th>${t(web, 'Naar', 'To')}</th><th>${t(web, 'Reden', 'Reason')}</th></tr></thead>
          <tbody>${found.items.map((c) => html`<tr>
            <td data-label="${t(web, 'Tijdstip', 'When')}">${formatDateTime(web, c.occurredAt)}</td>
            <td data-label="${t(web, 'Certificaat', 'Certificate')}"><a href="/controleer/${c.certificateNumber}">${c.certificateNumber}</a></td>
            <td data-label="${t(web, 'Van', 'From')}">${c.fromStatus ? statusBadge(web, 'certificate', c.fromStatus) : '—'}</td>
            <td data-label="${t(web, 'Naar', 'To')}">${statusBadge(web, 'certificate', c.toStatus)}</td>
            <td data-label="${t(web, 'Reden', 'Reason')}">${c.reason}</td></tr>`)}</tbody>
        </table></div>`}
      ${pager(web, CHANGES_PATH, found, { sinds: sinceDate })}`;
    sendPage(reply, web, page(web, { title: t(web, 'Statuswijzigingen', 'Status changes'), body, styles: ['municipality.css'] }), error ? 400 : 200);
  }
}

/** The list's filters from the query string; anything unknown is no filter. */
function listFilter(query: Fields): Required<Pick<CertificateFilter, 'search'>> & Pick<CertificateFilter, 'status'> {
  const status = CERTIFICATE_STATUSES.includes(query.status as CertificateStatus) ? (query.status as CertificateStatus) : undefined;
  // A certificate number, a postcode (with house number), or part of a street, place or holder.
  const search = typeof query.zoek === 'string' ? query.zoek.trim().slice(0, MAX_SEARCH) : '';
  return { status, search };
}

const LIST_CSV_COLUMNS = ['certificaatnummer', 'status', 'statusGewijzigdOp', 'geldigVanaf', 'geldigTot', 'maximaalAantalBewoners', 'postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging', 'straatnaam', 'woonplaats', 'houderNaam', 'houderKvkNummer', 'normVersie'];

async function* listCsvLines(certificates: AsyncGenerator<PublicCertificate>): AsyncGenerator<string> {
  yield `${LIST_CSV_COLUMNS.join(',')}\r\n`;
  for await (const c of certificates) {
    const a = c.content.address;
    const fields = [c.number, c.status, c.statusChangedAt.toISOString(), c.validFrom, c.validUntil, c.maximumResidents, a.postcode, a.houseNumber, a.houseLetter ?? null, a.houseNumberAddition ?? null, a.street, a.city, c.content.holderName, c.content.holderKvkNumber, c.normVersion];
    yield `${fields.map(csvField).join(',')}\r\n`;
  }
}
