import type { InspectionEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import { emptyState, type Html, html } from '../layout';
import { statusBadge } from '../labels';
import { formatDate, formatDateTime, t, today, type WebContext } from '../web-context';
import { addressOf, inspectionPath, kindText } from './checklist.view';

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
  return html`${formatDateTime(web, inspection.plannedAt)}${late ? html` <span class="late">${t(web, '(achterstallig)', '(overdue)')}</span>` : ''}`;
}

function table(web: WebContext, caption: string, rows: InspectionRow[], showSubmitted: boolean): Html {
  const day = today(web.now);
  return html`<div class="table-wrap"><table class="stack inspections">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr>
    <th scope="col">${t(web, 'Adres', 'Address')}</th>
    <th scope="col">${showSubmitted ? t(web, 'Ingediend', 'Submitted') : t(web, 'Datum', 'Date')}</th>
    <th scope="col">${t(web, 'Soort', 'Kind')}</th>
    <th scope="col">${t(web, 'Status', 'Status')}</th>
  </tr></thead>
  <tbody>${rows.map(({ inspection, location }) => {
    const late = !showSubmitted && today(inspection.plannedAt) < day;
    return html`<tr>
    <td data-label="${t(web, 'Adres', 'Address')}"><a href="${inspectionPath(inspection.id)}">${location ? addressOf(location) : t(web, 'Locatie', 'Location')}</a></td>
    <td data-label="${showSubmitted ? t(web, 'Ingediend', 'Submitted') : t(web, 'Datum', 'Date')}">${showSubmitted ? formatDate(web, inspection.submittedAt) : dateCell(web, inspection, late)}</td>
    <td data-label="${t(web, 'Soort', 'Kind')}">${kindText(web, inspection.kind)}</td>
    <td data-label="${t(web, 'Status', 'Status')}">${statusBadge(web, 'inspection', inspection.status)}</td>
  </tr>`;
  })}</tbody>
</table></div>`;
}

export function inspectionsBody(web: WebContext, groups: InspectionGroups): Html {
  const todayTitle = t(web, 'Vandaag', 'Today');
  const upcomingTitle = t(web, 'Gepland', 'Planned');
  const submittedTitle = t(web, 'Recent ingediend', 'Recently submitted');
  return html`<div class="inspection-list" data-inspection-list>
<section aria-labelledby="vandaag">
  <h2 id="vandaag">${todayTitle} <span class="count">(${groups.today.length})</span></h2>
  ${groups.today.length > 0 ? table(web, todayTitle, groups.today, false) : emptyState(t(web, 'Vandaag staan er geen keuringen voor u gepland.', 'No inspections are planned for you today.'))}
</section>
<section aria-labelledby="gepland">
  <h2 id="gepland">${upcomingTitle} <span class="count">(${groups.upcoming.length})</span></h2>
  ${groups.upcoming.length > 0 ? table(web, upcomingTitle, groups.upcoming, false) : emptyState(t(web, 'Er zijn geen latere keuringen gepland.', 'No later inspections are planned.'))}
</section>
<section aria-labelledby="ingediend">
  <h2 id="ingediend">${submittedTitle}</h2>
  ${groups.submitted.length > 0 ? table(web, submittedTitle, groups.submitted, true) : emptyState(t(web, 'U heeft nog geen keuringen ingediend.', 'You have not submitted any inspections yet.'))}
</section>
</div>`;
}
