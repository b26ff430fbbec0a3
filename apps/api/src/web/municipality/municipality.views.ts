import {
  CERTIFICATE_SEARCH_MAX_LENGTH,
  CERTIFICATE_STATUSES,
  type CertificateStatus,
  type PublicCertificate,
} from '@keurmerk/certificates';
import type { Page } from '@keurmerk/common';
import type { StatusChange } from '@keurmerk/verification';
import { emptyState, errorSummary, field, html, type Html, page } from '../layout';
import { statusBadge, statusText } from '../labels';
import { addressLine } from '../shared/page-parts';
import { pager, selectField } from '../shared/parts.view';
import { formatDate, formatDateTime, formatNumber, type WebContext } from '../web-context';
import { municipalityText } from './municipality.texts';

export const HOME_PATH = '/app/gemeente';
export const CHANGES_PATH = '/app/gemeente/wijzigingen';

export function certificatesPage(
  web: WebContext,
  { code, found, status, search }: { code: string; found: Page<PublicCertificate>; status?: CertificateStatus; search: string },
): Html {
  const shown = new URLSearchParams(
    Object.entries({ status, zoek: search }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const headCells = [
    html`<th>${municipalityText(web).certificate}</th>`,
    html`<th>${municipalityText(web).address}</th>`,
    html`<th>${municipalityText(web).status}</th>`,
    html`<th>${municipalityText(web).validUntil}</th>`,
    html`<th class="num">${municipalityText(web).maxResidents}</th>`,
    html`<th>${municipalityText(web).holder}</th>`,
  ];
  const body = html`
    <p class="lead">${municipalityText(web).qualityMarkCertificatesLocationsYour(code)}</p>
    <div class="filters">
      <form method="get" action="${HOME_PATH}" class="inline-form">
        ${field({
          name: 'zoek',
          type: 'search',
          label: municipalityText(web).search,
          value: search || undefined,
          hint: municipalityText(web).certificateNumberPostcodeHouseNumber,
          attributes: html` maxlength="${CERTIFICATE_SEARCH_MAX_LENGTH}"`,
        })}
        ${selectField({
          name: 'status',
          label: municipalityText(web).status,
          value: status,
          empty: municipalityText(web).allStatuses,
          choices: CERTIFICATE_STATUSES.map((s) => ({ value: s, label: statusText(web, 'certificate', s) })),
        })}
        <button type="submit" class="button--secondary">${municipalityText(web).filter}</button>
      </form>
    </div>
    <p class="actions"><a class="button button--secondary" href="${HOME_PATH}/lijst.csv${
      shown.size > 0 ? `?${shown.toString()}` : ''
    }" download>${municipalityText(web).downloadThisListCsv}</a>
      <a class="button button--secondary" href="${HOME_PATH}/export.csv" download>${municipalityText(web).downloadValidCertificatesCsv}</a>
      <span class="muted">${municipalityText(web).theListChosenSearchStatus}</span></p>
    ${
      found.total === 0
        ? emptyState(
            status || search
              ? municipalityText(web).noCertificatesMatchSearchStatus
              : municipalityText(web).thereNoCertificatesYourMunicipality,
          )
        : html`<p>${
            found.total === 1
              ? municipalityText(web).n1Certificate
              : municipalityText(web).certificatesCount(formatNumber(web, found.total))
          }</p>
        <div class="table-wrap"><table class="stack">
        <thead><tr>${headCells}</tr></thead>
        <tbody>${found.items.map(
          (c) => html`<tr>
          <td data-label="${municipalityText(web).certificate}"><a href="/controleer/${c.number}">${c.number}</a></td>
          <td data-label="${municipalityText(web).address}">${addressLine(c.content.address)}</td>
          <td data-label="${municipalityText(web).status}">${statusBadge(web, 'certificate', c.status)}</td>
          <td data-label="${municipalityText(web).validUntil}">${formatDate(web, c.validUntil)}</td>
          <td class="num" data-label="${municipalityText(web).maxResidents}">${formatNumber(web, c.maximumResidents)}</td>
          <td data-label="${municipalityText(web).holder}">${c.content.holderName}</td></tr>`,
        )}</tbody>
      </table></div>`
    }
    ${pager(web, HOME_PATH, found, { status, zoek: search || undefined })}`;
  return page(web, { title: municipalityText(web).certificatesTitle, body, styles: ['municipality.css'] });
}

export function changesPage(
  web: WebContext,
  { found, given, sinceDate, error }: { found: Page<StatusChange>; given: string; sinceDate: string; error?: string },
): Html {
  const headCells2 = [
    html`<th>${municipalityText(web).when}</th>`,
    html`<th>${municipalityText(web).certificate}</th>`,
    html`<th>${municipalityText(web).from}</th>`,
    html`<th>${municipalityText(web).to}</th>`,
    html`<th>${municipalityText(web).reason}</th>`,
  ];
  const body = html`${errorSummary(web, error ? { sinds: error } : {})}
    <div class="filters">
      <form method="get" action="${CHANGES_PATH}" class="inline-form">
        ${field({ name: 'sinds', label: municipalityText(web).changesSince, type: 'date', value: given || sinceDate, error })}
        <button type="submit" class="button--secondary">${municipalityText(web).show}</button>
      </form>
    </div>
    ${
      found.total === 0
        ? emptyState(municipalityText(web).noStatusChangesSince(formatDate(web, sinceDate)))
        : html`<p>${municipalityText(web).changesSinceOldestFirst(
            found.total,
            formatNumber(web, found.total),
            formatDate(web, sinceDate),
          )}</p>
        <div class="table-wrap"><table class="stack">
        <thead><tr>${headCells2}</tr></thead>
        <tbody>${found.items.map(
          (c) => html`<tr>
          <td data-label="${municipalityText(web).when}">${formatDateTime(web, c.occurredAt)}</td>
          <td data-label="${municipalityText(web).certificate}"><a href="/controleer/${c.certificateNumber}">${c.certificateNumber}</a></td>
          <td data-label="${municipalityText(web).from}">${c.fromStatus ? statusBadge(web, 'certificate', c.fromStatus) : '—'}</td>
          <td data-label="${municipalityText(web).to}">${statusBadge(web, 'certificate', c.toStatus)}</td>
          <td data-label="${municipalityText(web).reason}">${c.reason}</td></tr>`,
        )}</tbody>
      </table></div>`
    }
    ${pager(web, CHANGES_PATH, found, { sinds: sinceDate })}`;
  return page(web, { title: municipalityText(web).statusChanges, body, styles: ['municipality.css'] });
}
