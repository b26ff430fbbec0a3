import type { Page } from '@keurmerk/common';
import type { LocationEntity } from '@keurmerk/locations';
import { OBJECTION_STATUSES, type ObjectionStatus, type ObjectionView } from '@keurmerk/objections';
import { emptyState, html, type Html, page } from '../layout';
import { contestedSubject, objectionFacts, objectionStatus } from '../shared/objection.view';
import { addressLine } from '../shared/page-parts';
import { pager, selectField } from '../shared/parts.view';
import { sharedText } from '../shared/shared.texts';
import { formatDate, type WebContext } from '../web-context';
import { adminText } from './admin.texts';

export const ADMIN_OBJECTIONS_PATH = '/app/beheer/bezwaren';

export interface AdminObjectionsData {
  found: Page<ObjectionView>;
  places: Map<string, LocationEntity>;
  status?: ObjectionStatus;
  /** Undecided ones in all, and how many of them are past their beslistermijn. */
  open: number;
  overdue: number;
}

/** Every objection; undecided ones first by beslistermijn, so the overdue lead, each marked in words and as a highlighted row. */
export function adminObjectionsPage(web: WebContext, data: AdminObjectionsData): Html {
  const words = sharedText(web).objection;
  const label = {
    address: words.address,
    against: words.contestedLabel,
    filed: adminText(web).objectionFiled,
    due: words.decisionDue,
    state: adminText(web).objectionOutcome,
  };
  const body = html`<p>${adminText(web).objectionsOverview(data.open, data.overdue)}</p>
<form method="get" action="${ADMIN_OBJECTIONS_PATH}" class="filters inline-form">
  ${selectField({
    name: 'status',
    label: adminText(web).status,
    value: data.status,
    empty: adminText(web).all,
    choices: OBJECTION_STATUSES.map((status) => ({ value: status, label: words.status[status] })),
  })}
  <button type="submit" class="button--secondary">${adminText(web).filter}</button>
</form>
${
  data.found.total === 0
    ? emptyState(adminText(web).noObjections)
    : html`<div class="table-wrap"><table class="stack objections-table">
  <caption class="visually-hidden">${adminText(web).allObjections}</caption>
  <thead><tr><th scope="col">${label.address}</th><th scope="col">${label.against}</th><th scope="col">${label.filed}</th><th
    scope="col">${label.due}</th><th scope="col">${label.state}</th></tr></thead>
  <tbody>${data.found.items.map((objection) => {
    const location = data.places.get(objection.locationId);
    return html`<tr${objection.overdue ? html` class="overdue"` : ''}>
    <td data-label="${label.address}"><a href="${ADMIN_OBJECTIONS_PATH}/${objection.id}">${
      location ? addressLine(location) : words.noun
    }</a></td>
    <td data-label="${label.against}">${contestedSubject(web, objection)}</td>
    <td data-label="${label.filed}">${formatDate(web, objection.filedOn)}</td>
    <td data-label="${label.due}">${formatDate(web, objection.decisionDue)}</td>
    <td data-label="${label.state}">${objectionStatus(web, objection)}</td>
  </tr>`;
  })}</tbody>
</table></div>`
}
${pager(web, ADMIN_OBJECTIONS_PATH, data.found, { status: data.status })}`;
  return page(web, { title: words.nounPlural, body, styles: ['admin.css'] });
}

export function adminObjectionPage(web: WebContext, objection: ObjectionView, location: LocationEntity | undefined): Html {
  const body = html`<p class="back"><a href="${ADMIN_OBJECTIONS_PATH}">${sharedText(web).objection.backToAll}</a></p>
<section class="card">${objectionFacts(web, objection, location)}</section>`;
  return page(web, { title: sharedText(web).objection.noun, body, styles: ['admin.css'] });
}
