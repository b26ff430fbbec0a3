import { Readable } from 'node:stream';
import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { municipalityOf } from '@keurmerk/accounts';
import { CERTIFICATE_STATUSES, type CertificateFilter, CertificateService, type CertificateStatus, type PublicCertificate } from '@keurmerk/certificates';
import { AppException } from '@keurmerk/common';
import { dateInAmsterdam } from '@keurmerk/norm';
import { PublicRegisterService } from '@keurmerk/verification';
import { csvField, registerCsvLines } from '../../verification/register-csv';
import { contentDisposition } from '../../http/content-disposition';
import { addressLine, amsterdamInstant, pageRequest, pager, selectField } from '../shared/page-parts';
import { emptyState, errorSummary, field, html, page, sendPage } from '../layout';
import { statusBadge, statusText } from '../labels';
import { formatDate, formatDateTime, formatNumber, type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { municipalityText } from './municipality.texts';

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
 * (CertificateService.list and PublicRegisterService.changes with the municipal principal); the CSV is
 * the open register's own export, of this municipality's valid certificates.
 */
@WebController('app/gemeente', 'gemeente')
export class MunicipalityPagesController {
  constructor(
    private readonly certificates: CertificateService,
    private readonly register: PublicRegisterService,
  ) {}

  @Get()
  async home(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    const code = ownMunicipality(web);
    const { status, search } = listFilter(query);
    const found = await this.certificates.list(web.user.principal, pageRequest(query.pagina), { status, search });
    const shown = new URLSearchParams(Object.entries({ status, zoek: search }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const body = html`
      <p class="lead">${municipalityText(web).qualityMarkCertificatesLocationsYour(code)}</p>
      <div class="filters">
        <form method="get" action="${HOME_PATH}" class="inline-form">
          ${field({ name: 'zoek', type: 'search', label: municipalityText(web).search, value: search || undefined, hint: municipalityText(web).certificateNumberPostcodeHouseNumber, attributes: html` maxlength="${MAX_SEARCH}"` })}
          ${selectField({ name: 'status', label: municipalityText(web).status, value: status, empty: municipalityText(web).allStatuses, choices: CERTIFICATE_STATUSES.map((s) => ({ value: s, label: statusText(web, 'certificate', s) })) })}
          <button type="submit" class="button--secondary">${municipalityText(web).filter}</button>
        </form>
      </div>
      <p class="actions"><a class="button button--secondary" href="${HOME_PATH}/lijst.csv${shown.size > 0 ? `?${shown.toString()}` : ''}" download>${municipalityText(web).downloadThisListCsv}</a>
        <a class="button button--secondary" href="${HOME_PATH}/export.csv" download>${municipalityText(web).downloadValidCertificatesCsv}</a>
        <span class="muted">${municipalityText(web).theListChosenSearchStatus}</span></p>
      ${found.total === 0
        ? emptyState(
            status || search
              ? municipalityText(web).noCertificatesMatchSearchStatus
              : municipalityText(web).thereNoCertificatesYourMunicipality,
          )
        : html`<p>${found.total === 1 ? municipalityText(web).n1Certificate : municipalityText(web).certificatesCount(formatNumber(web, found.total))}</p>
          <div class="table-wrap"><table class="stack">
          <thead><tr><th>${municipalityText(web).certificate}</th><th>${municipalityText(web).address}</th><th>${municipalityText(web).status}</th><th>${municipalityText(web).validUntil}</th><th class="num">${municipalityText(web).maxResidents}</th><th>${municipalityText(web).holder}</th></tr></thead>
          <tbody>${found.items.map((c) => html`<tr>
            <td data-label="${municipalityText(web).certificate}"><a href="/controleer/${c.number}">${c.number}</a></td>
            <td data-label="${municipalityText(web).address}">${addressLine(c.content.address)}</td>
            <td data-label="${municipalityText(web).status}">${statusBadge(web, 'certificate', c.status)}</td>
            <td data-label="${municipalityText(web).validUntil}">${formatDate(web, c.validUntil)}</td>
            <td class="num" data-label="${municipalityText(web).maxResidents}">${formatNumber(web, c.maximumResidents)}</td>
            <td data-label="${municipalityText(web).holder}">${c.content.holderName}</td></tr>`)}</tbody>
        </table></div>`}
      ${pager(web, HOME_PATH, found, { status, zoek: search || undefined })}`;
    sendPage(reply, web, page(web, { title: municipalityText(web).certificatesTitle, body, styles: ['municipality.css'] }));
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
    const fallback = dateInAmsterdam(new Date(web.now.getTime() - CHANGES_DEFAULT_DAYS * 24 * 3600_000));
    const givenInstant = given ? amsterdamInstant(given, '00:00') : undefined;
    const error = given && !givenInstant ? municipalityText(web).enterValidDateSuch1 : undefined;
    const sinceDate = givenInstant ? given : fallback;
    const found = await this.register.changes(web.user.principal, amsterdamInstant(sinceDate, '00:00')!, pageRequest(query.pagina));
    const body = html`${errorSummary(web, error ? { sinds: error } : {})}
      <div class="filters">
        <form method="get" action="${CHANGES_PATH}" class="inline-form">
          ${field({ name: 'sinds', label: municipalityText(web).changesSince, type: 'date', value: given || sinceDate, error })}
          <button type="submit" class="button--secondary">${municipalityText(web).show}</button>
        </form>
      </div>
      ${found.total === 0
        ? emptyState(municipalityText(web).noStatusChangesSince(formatDate(web, sinceDate)))
        : html`<p>${municipalityText(web).changesSinceOldestFirst(formatNumber(web, found.total), formatDate(web, sinceDate))}</p>
          <div class="table-wrap"><table class="stack">
          <thead><tr><th>${municipalityText(web).when}</th><th>${municipalityText(web).certificate}</th><th>${municipalityText(web).from}</th><th>${municipalityText(web).to}</th><th>${municipalityText(web).reason}</th></tr></thead>
          <tbody>${found.items.map((c) => html`<tr>
            <td data-label="${municipalityText(web).when}">${formatDateTime(web, c.occurredAt)}</td>
            <td data-label="${municipalityText(web).certificate}"><a href="/controleer/${c.certificateNumber}">${c.certificateNumber}</a></td>
            <td data-label="${municipalityText(web).from}">${c.fromStatus ? statusBadge(web, 'certificate', c.fromStatus) : '—'}</td>
            <td data-label="${municipalityText(web).to}">${statusBadge(web, 'certificate', c.toStatus)}</td>
            <td data-label="${municipalityText(web).reason}">${c.reason}</td></tr>`)}</tbody>
        </table></div>`}
      ${pager(web, CHANGES_PATH, found, { sinds: sinceDate })}`;
    sendPage(reply, web, page(web, { title: municipalityText(web).statusChanges, body, styles: ['municipality.css'] }), error ? 400 : 200);
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
