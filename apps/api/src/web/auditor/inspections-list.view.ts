import type { InspectionEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import { emptyState, type Html, html } from '../layout';
import { statusBadge } from '../labels';
import { formatDate, formatDateTime, today, type WebContext } from '../web-context';
import { addressLine } from '../shared/page-parts';
import { kindText } from '../shared/inspection.view';
import { inspectionPath } from './checklist.view';
import { auditorText } from './auditor.texts';

export interface InspectionRow {
  inspection: InspectionEntity;
  location: LocationEntity | undefined;
}

export interface InspectionGroups {
  /** Open inspections planned for today or earlier: the work at hand. */
  today: InspectionRow[];
  upcoming: InspectionRow[];
  /** Submitted or decided, newest submission first. */
  submitted: InspectionRow[];
}

function dateCell(web: WebContext, inspection: InspectionEntity, late: boolean): Html {
  return html`${formatDateTime(web, inspection.plannedAt)}${late ? html` <span class="late">${auditorText(web).overdue}</span>` : ''}`;
}

function table(web: WebContext, caption: string, rows: InspectionRow[], showSubmitted: boolean): Html {
  const day = today(web.now);
  return html`<div class="table-wrap"><table class="stack inspections">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr>
    <th scope="col">${auditorText(web).address}</th>
    <th scope="col">${showSubmitted ? auditorText(web).submitted : auditorText(web).date}</th>
    <th scope="col">${auditorText(web).kind}</th>
    <th scope="col">${auditorText(web).status}</th>
  </tr></thead>
  <tbody>${rows.map(({ inspection, location }) => {
    const late = !showSubmitted && today(inspection.plannedAt) < day;
    return html`<tr>
    <td data-label="${auditorText(web).address}"><a href="${inspectionPath(inspection.id)}">${
      location ? addressLine(location) : auditorText(web).location
    }</a></td>
    <td data-label="${showSubmitted ? auditorText(web).submitted : auditorText(web).date}">${
      showSubmitted ? formatDate(web, inspection.submittedAt) : dateCell(web, inspection, late)
    }</td>
    <td data-label="${auditorText(web).kind}">${kindText(web, inspection.kind)}</td>
    <td data-label="${auditorText(web).status}">${statusBadge(web, 'inspection', inspection.status)}</td>
  </tr>`;
  })}</tbody>
</table></div>`;
}

export function inspectionsBody(web: WebContext, groups: InspectionGroups): Html {
  const todayTitle = auditorText(web).today;
  const upcomingTitle = auditorText(web).planned;
  const submittedTitle = auditorText(web).recentlySubmitted;
  return html`<div class="inspection-list" data-inspection-list>
<section aria-labelledby="vandaag">
  <h2 id="vandaag">${todayTitle} <span class="count">(${groups.today.length})</span></h2>
  ${groups.today.length > 0 ? table(web, todayTitle, groups.today, false) : emptyState(auditorText(web).noInspectionsPlannedYouToday)}
</section>
<section aria-labelledby="gepland">
  <h2 id="gepland">${upcomingTitle} <span class="count">(${groups.upcoming.length})</span></h2>
  ${groups.upcoming.length > 0 ? table(web, upcomingTitle, groups.upcoming, false) : emptyState(auditorText(web).noLaterInspectionsPlanned)}
</section>
<section aria-labelledby="ingediend">
  <h2 id="ingediend">${submittedTitle}</h2>
  ${groups.submitted.length > 0 ? table(web, submittedTitle, groups.submitted, true) : emptyState(auditorText(web).youHaveNotSubmittedAny)}
</section>
</div>`;
}
