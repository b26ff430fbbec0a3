import type { Page } from '@keurmerk/common';
import { COMPLAINT_STATUSES, type ComplaintEntity, type ComplaintStatus } from '@keurmerk/complaints';
import type { InspectionEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import { csrfField, emptyState, errorSummary, type FieldErrors, html, type Html, page } from '../layout';
import { statusBadge, statusText } from '../labels';
import { addressLine } from '../shared/page-parts';
import { pager, selectField, textareaField } from '../shared/parts.view';
import { formatDateTime, type WebContext } from '../web-context';
import { kindText } from './planning.view';
import { adminText } from './admin.texts';

export const COMPLAINTS_PATH = '/app/beheer/meldingen';

function subjectOf(web: WebContext, complaint: ComplaintEntity, location: LocationEntity | undefined): string {
  if (location) return addressLine(location);
  if (complaint.certificateNumber) return complaint.certificateNumber;
  return complaint.postcode
    ? `${complaint.postcode} ${complaint.houseNumber ?? ''}${complaint.houseLetter ?? ''}${
        complaint.houseNumberAddition ? `-${complaint.houseNumberAddition}` : ''
      }`
    : adminText(web).unknown;
}

function statusBadgeOfFlag(web: WebContext, flag: string): Html {
  return html`<span class="badge badge--warn">${adminText(web).complaintFlags[flag] ?? flag}</span>`;
}

export function complaintsPage(
  web: WebContext,
  { found, places, status }: { found: Page<ComplaintEntity>; places: Map<string, LocationEntity>; status?: ComplaintStatus },
): Html {
  const headCells = [
    html`<th>${adminText(web).reference}</th>`,
    html`<th>${adminText(web).received}</th>`,
    html`<th>${adminText(web).about}</th>`,
    html`<th>${adminText(web).status}</th>`,
  ];
  const body = html`<form method="get" action="${COMPLAINTS_PATH}" class="filters inline-form">
      ${selectField({
        name: 'status',
        label: adminText(web).status,
        value: status,
        empty: adminText(web).all,
        choices: COMPLAINT_STATUSES.map((s) => ({ value: s, label: statusText(web, 'complaint', s) })),
      })}
      <button type="submit" class="button--secondary">${adminText(web).filter}</button>
    </form>
    ${
      found.total === 0
        ? emptyState(adminText(web).noComplaints)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr>${headCells}</tr></thead>
      <tbody>${found.items.map(
        (c) => html`<tr>
        <td data-label="${adminText(web).reference}"><a href="${COMPLAINTS_PATH}/${c.id}">${c.reference}</a></td>
        <td data-label="${adminText(web).received}">${formatDateTime(web, c.createdAt)}</td>
        <td data-label="${adminText(web).about}">${subjectOf(web, c, c.locationId ? places.get(c.locationId) : undefined)}${
          c.flag ? html` ${statusBadgeOfFlag(web, c.flag)}` : ''
        }</td>
        <td data-label="${adminText(web).status}">${statusBadge(web, 'complaint', c.status)}</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, COMPLAINTS_PATH, found, { status })}`;
  return page(web, { title: adminText(web).complaints, body, styles: ['admin.css'] });
}

export function complaintPage(
  web: WebContext,
  d: {
    complaint: ComplaintEntity;
    location?: LocationEntity;
    inspection?: InspectionEntity;
    errors: FieldErrors;
    resolution?: string;
    notice?: string;
  },
): Html {
  const { complaint, location, inspection, errors, resolution, notice } = d;
  const open = complaint.status !== 'afgehandeld';
  const body: Html = html`${errorSummary(web, errors)}
    <div class="card">
      <dl class="facts">
        <dt>${adminText(web).status}</dt><dd>${statusBadge(web, 'complaint', complaint.status)}</dd>
        <dt>${adminText(web).received}</dt><dd>${formatDateTime(web, complaint.createdAt)}</dd>
        <dt>${adminText(web).about}</dt><dd>${subjectOf(web, complaint, location)}${
          complaint.flag ? html` ${statusBadgeOfFlag(web, complaint.flag)}` : ''
        }</dd>
        ${complaint.certificateNumber ? html`<dt>${adminText(web).certificateNumber}</dt><dd>${complaint.certificateNumber}</dd>` : ''}
        <dt>${adminText(web).language}</dt><dd>${complaint.language}</dd>
        ${
          inspection
            ? html`<dt>${adminText(web).inspection}</dt><dd>${kindText(web, inspection.kind)}, ${formatDateTime(
                web,
                inspection.plannedAt,
              )} ${statusBadge(web, 'inspection', inspection.status)}</dd>`
            : ''
        }
        ${complaint.resolution ? html`<dt>${adminText(web).resolution}</dt><dd>${complaint.resolution}</dd>` : ''}
      </dl>
      <h2>${adminText(web).complaint}</h2>
      <p class="complaint-text" lang="${complaint.language}">${complaint.description}</p>
    </div>
    ${
      open && location && !complaint.inspectionId
        ? html`<p><a class="button"
          href="${COMPLAINTS_PATH}/${complaint.id}/inspectie">${adminText(web).planAnUnannouncedInspection}</a></p>`
        : ''
    }
    ${open && !location ? html`<p class="warning">${adminText(web).thisComplaintNamesNoKnown}</p>` : ''}
    ${
      open
        ? html`<form method="post" action="${COMPLAINTS_PATH}/${complaint.id}/afhandeling" class="card" novalidate>
      <h2>${adminText(web).close}</h2>
      ${csrfField(web)}
      ${textareaField({
        name: 'toelichting',
        label: adminText(web).whatWasDoneComplaint,
        value: resolution,
        error: errors.toelichting,
        rows: 4,
      })}
      <div class="actions"><button type="submit"
        data-confirm="${adminText(web).closeComplaintFinal}">${adminText(web).closeComplaint}</button></div>
    </form>`
        : ''
    }
    <p><a href="${COMPLAINTS_PATH}">${adminText(web).allComplaints}</a></p>`;
  return page(web, { title: adminText(web).complaintReference(complaint.reference), body, notice, styles: ['admin.css'] });
}
