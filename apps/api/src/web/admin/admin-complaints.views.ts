import type { Page } from '@keurmerk/common';
import {
  COMPLAINT_INSPECTION_WITHIN_DAYS,
  COMPLAINT_STATUSES,
  type ComplaintEntity,
  type ComplaintStatus,
  urgencyHints,
} from '@keurmerk/complaints';
import type { InspectionEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import type { PlanningRequestView } from '@keurmerk/surveillance';
import { badge, csrfField, emptyState, errorSummary, type FieldErrors, html, type Html, page } from '../layout';
import { statusBadge, statusText } from '../labels';
import { kindText } from '../shared/inspection.view';
import { addressLine } from '../shared/page-parts';
import { pager, selectField, textareaField } from '../shared/parts.view';
import { formatDate, formatDateTime, type WebContext } from '../web-context';
import { PLANNING_PATH } from './planning.view';
import { adminText } from './admin.texts';

export const COMPLAINTS_PATH = '/app/beheer/meldingen';
const EXCERPT_LENGTH = 140;

/** The location's certificate shown beside a complaint: the live one, else the newest. */
export interface LocationCertificate {
  number: string;
  status: string;
}

/** The language's name in the beheerder's language: `Pools`, not `pl`. */
export function complaintLanguageName(web: WebContext, language: string): string {
  return adminText(web).complaintLanguages[language] ?? language;
}

/** The start of a complaint's text, cut at a word and marked as cut. */
export function complaintExcerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

function urgencyBadges(web: WebContext, complaint: ComplaintEntity): Html {
  const hints = urgencyHints(complaint.description);
  return html`${hints.map((hint) => html`${badge(adminText(web).urgencyHints[hint] ?? hint, 'bad')} `)}`;
}

function certificateCell(web: WebContext, certificate: LocationCertificate | undefined): Html {
  if (!certificate) return html`<span class="muted">${adminText(web).noCertificate}</span>`;
  return html`<a href="/controleer/${certificate.number}">${certificate.number}</a> ${statusBadge(web, 'certificate', certificate.status)}`;
}

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
  {
    found,
    places,
    certificates,
    status,
  }: {
    found: Page<ComplaintEntity>;
    places: Map<string, LocationEntity>;
    /** By location id. */
    certificates: Map<string, LocationCertificate>;
    status?: ComplaintStatus;
  },
): Html {
  const label = {
    reference: adminText(web).reference,
    received: adminText(web).received,
    about: adminText(web).about,
    excerpt: adminText(web).complaintExcerpt,
    urgency: adminText(web).urgency,
    certificate: adminText(web).locationCertificate,
    status: adminText(web).status,
  };
  const headCells = Object.values(label).map((text) => html`<th scope="col">${text}</th>`);
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
        : html`<p class="muted">${adminText(web).urgencyExplained}</p>
    <div class="table-wrap"><table class="stack complaints">
      <caption class="visually-hidden">${adminText(web).complaints}</caption>
      <thead><tr>${headCells}</tr></thead>
      <tbody>${found.items.map(
        (c) => html`<tr>
        <td data-label="${label.reference}"><a href="${COMPLAINTS_PATH}/${c.id}">${c.reference}</a></td>
        <td data-label="${label.received}">${formatDateTime(web, c.createdAt)}</td>
        <td data-label="${label.about}">${subjectOf(web, c, c.locationId ? places.get(c.locationId) : undefined)}${
          c.flag ? html` ${statusBadgeOfFlag(web, c.flag)}` : ''
        }</td>
        <td data-label="${label.excerpt}"><span class="excerpt" lang="${c.language}">${complaintExcerpt(c.description)}</span>
          <span class="muted">(${complaintLanguageName(web, c.language)})</span></td>
        <td data-label="${label.urgency}">${urgencyBadges(web, c)}</td>
        <td data-label="${label.certificate}">${certificateCell(web, c.locationId ? certificates.get(c.locationId) : undefined)}</td>
        <td data-label="${label.status}">${statusBadge(web, 'complaint', c.status)}</td></tr>`,
      )}</tbody>
    </table></div>`
    }
    ${pager(web, COMPLAINTS_PATH, found, { status })}`;
  return page(web, { title: adminText(web).complaints, body, styles: ['admin.css'] });
}

/** The location's open planning requests, and the way to the planning page. */
function requestList(web: WebContext, requests: PlanningRequestView[]): Html {
  const t = adminText(web);
  const item = (r: PlanningRequestView) => {
    const late = r.overdue ? html` <span class="badge badge--bad">${t.overdue}</span>` : '';
    const kind = kindText(web, r.inspectionKind).toLowerCase();
    const due = `${t.dueBy.toLowerCase()} ${formatDate(web, r.dueDate)}`;
    return html`<li>${t.planningReasons[r.reason] ?? r.reason}, ${kind}, ${due}${late}</li>`;
  };
  return html`<ul class="plain">${requests.map(item)}</ul><a href="${PLANNING_PATH}#verzoeken">${t.toThePlanning}</a>`;
}

export function complaintPage(
  web: WebContext,
  d: {
    complaint: ComplaintEntity;
    location?: LocationEntity;
    inspection?: InspectionEntity;
    /** The location's open planning requests: a visit may already be asked for. */
    requests: PlanningRequestView[];
    errors: FieldErrors;
    resolution?: string;
    notice?: string;
  },
): Html {
  const { complaint, location, inspection, requests, errors, resolution, notice } = d;
  const open = complaint.status !== 'afgehandeld';
  const unannouncedRequested = requests.some((r) => r.reason === 'melding' && r.inspectionKind === 'onaangekondigd');
  const body: Html = html`${errorSummary(web, errors)}
    <div class="card">
      <dl class="facts">
        <dt>${adminText(web).status}</dt><dd>${statusBadge(web, 'complaint', complaint.status)}</dd>
        <dt>${adminText(web).received}</dt><dd>${formatDateTime(web, complaint.createdAt)}</dd>
        <dt>${adminText(web).about}</dt><dd>${subjectOf(web, complaint, location)}${
          complaint.flag ? html` ${statusBadgeOfFlag(web, complaint.flag)}` : ''
        }</dd>
        ${complaint.certificateNumber ? html`<dt>${adminText(web).certificateNumber}</dt><dd>${complaint.certificateNumber}</dd>` : ''}
        <dt>${adminText(web).language}</dt><dd>${complaintLanguageName(web, complaint.language)}</dd>
        ${
          inspection
            ? html`<dt>${adminText(web).inspection}</dt><dd>${kindText(web, inspection.kind)}, ${formatDateTime(
                web,
                inspection.plannedAt,
              )} ${statusBadge(web, 'inspection', inspection.status)}</dd>`
            : ''
        }
        ${complaint.resolution ? html`<dt>${adminText(web).resolution}</dt><dd>${complaint.resolution}</dd>` : ''}
        ${requests.length > 0 ? html`<dt>${adminText(web).onThePlanning}</dt><dd>${requestList(web, requests)}</dd>` : ''}
      </dl>
      <h2>${adminText(web).complaint}</h2>
      <p class="complaint-text" lang="${complaint.language}">${complaint.description}</p>
    </div>
    ${
      open && location && !complaint.inspectionId
        ? html`<div class="card complaint-actions">
          ${
            unannouncedRequested
              ? ''
              : html`<form method="post" action="${COMPLAINTS_PATH}/${complaint.id}/inspectie-nodig">
            ${csrfField(web)}
            <p class="muted">${adminText(web).inspectionNeededExplained(COMPLAINT_INSPECTION_WITHIN_DAYS)}</p>
            <button type="submit">${adminText(web).inspectionNeeded}</button>
          </form>`
          }
          <p><a class="button button--secondary"
          href="${COMPLAINTS_PATH}/${complaint.id}/inspectie">${adminText(web).planAnUnannouncedInspection}</a></p>
        </div>`
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
