import { addDays } from '@keurmerk/norm';
import { emptyState, html, type Html } from '../layout';
import { kindText } from '../shared/inspection.view';
import { pager } from '../shared/parts.view';
import { formatDate, formatNumber, type WebContext } from '../web-context';
import type { AuditorLoadRow, PlanningOverview, PlanningRequestRow } from './planning.service';
import { PLANNING_PATH } from './planning.view';
import { adminText } from './admin.texts';

/** ISO 8601 week number of a date (weeks start on Monday; week 1 holds the year's first Thursday), as Dutch planners count. */
export function isoWeek(date: string): number {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - firstOfYear) / (7 * 86_400_000)) + 1;
}

/** A date as day and short month (30 nov), for the weeks' headings. */
function dayMonth(web: WebContext, date: string): string {
  return new Intl.DateTimeFormat(web.language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The link that opens the planning form for a request: its location and kind filled in. */
export function planRequestHref(row: Pick<PlanningRequestRow, 'request'>): string {
  const query = new URLSearchParams({ locatie: row.request.locationId, soort: row.request.inspectionKind, verzoek: row.request.id });
  return `${PLANNING_PATH}/nieuw?${query.toString()}`;
}

/** Days left, or a "te laat" marker in words and colour (never colour alone). */
function timeLeft(web: WebContext, row: PlanningRequestRow): Html {
  if (row.daysLeft < 0) {
    return html`<span class="badge badge--bad">${adminText(web).overdue}</span> <span class="late">${adminText(web).daysLate(
      -row.daysLeft,
    )}</span>`;
  }
  if (row.daysLeft === 0) return html`<span class="badge badge--warn">${adminText(web).dueToday}</span>`;
  return html`${adminText(web).daysLeft(row.daysLeft)}`;
}

/** Open and overdue at the top of the page, so what is late is seen before anything else. */
export function planningSummary(web: WebContext, counts: PlanningOverview['counts'], href = '#verzoeken'): Html {
  const t = adminText(web);
  const item = (count: number, label: string, late: boolean) =>
    html`<li class="${late ? 'is-late' : ''}"><a href="${href}"><strong>${formatNumber(web, count)}</strong> ${label}</a></li>`;
  return html`<ul class="planning-summary" aria-label="${t.planningRequests}">
    ${item(counts.open, t.planningRequests.toLowerCase(), false)}
    ${item(counts.overdue, t.overdue.toLowerCase(), counts.overdue > 0)}
  </ul>`;
}

export function planningRequestsSection(web: WebContext, overview: PlanningOverview): Html {
  const { requests, counts } = overview;
  const t = adminText(web);
  const head = [t.dueBy, t.timeLeft, t.reason, t.kind, t.location, t.certificateNumber].map((label) => html`<th scope="col">${label}</th>`);
  const row = (r: PlanningRequestRow) => html`<tr class="${r.daysLeft < 0 ? 'overdue' : ''}">
    <td data-label="${t.dueBy}">${formatDate(web, r.request.dueDate)}</td>
    <td data-label="${t.timeLeft}">${timeLeft(web, r)}</td>
    <td data-label="${t.reason}">${t.planningReasons[r.request.reason] ?? r.request.reason}</td>
    <td data-label="${t.kind}">${kindText(web, r.request.inspectionKind)}</td>
    <td data-label="${t.location}">${r.address}</td>
    <td data-label="${t.certificateNumber}">${r.request.certificateNumber ?? html`<span class="muted">${t.noCertificate}</span>`}</td>
    <td><a class="button button--secondary" href="${planRequestHref(r)}">${t.planForRequest}<span
      class="visually-hidden"> ${r.address}</span></a></td></tr>`;
  return html`<section aria-labelledby="verzoeken" class="planning-requests">
    <h2 id="verzoeken">${t.planningRequests} <span class="count">(${t.openPlanningRequests(counts.open)}${
      counts.overdue > 0 ? html`, ${t.overduePlanningRequests(counts.overdue)}` : ''
    })</span></h2>
    <p class="muted">${t.planningRequestsExplained}</p>
    ${
      requests.total === 0
        ? emptyState(t.noOpenPlanningRequests)
        : html`<div class="table-wrap"><table class="stack">
          <thead><tr>${head}<th scope="col"><span class="visually-hidden">${t.action}</span></th></tr></thead>
          <tbody>${requests.items.map(row)}</tbody>
        </table></div>${pager(web, PLANNING_PATH, requests)}`
    }
  </section>`;
}

export function auditorLoadSection(web: WebContext, load: PlanningOverview['load']): Html {
  const t = adminText(web);
  const most = Math.max(1, ...load.rows.map((r) => r.total));
  const row = (r: AuditorLoadRow) => html`<tr>
    <th scope="row" data-label="${t.auditor}">${r.name}</th>
    ${r.perWeek.map(
      (count, i) =>
        html`<td class="num${count === 0 ? ' is-free' : ''}" data-label="${t.weekNumber(isoWeek(load.weekStarts[i]))}">${formatNumber(
          web,
          count,
        )}</td>`,
    )}
    <td class="num load-total" data-label="${t.total}"><span class="load-bar load-bar--${String(Math.round((10 * r.total) / most))}"
      aria-hidden="true"></span><strong>${formatNumber(web, r.total)}</strong></td></tr>`;
  return html`<section aria-labelledby="belasting" class="auditor-load">
    <h2 id="belasting">${t.auditorsLoad}</h2>
    <p class="muted">${t.auditorsLoadExplained(load.weekStarts.length)}</p>
    ${
      load.rows.length === 0
        ? emptyState(t.noActiveAuditors)
        : html`<div class="table-wrap"><table class="stack">
          <thead><tr><th scope="col">${t.auditor}</th>${load.weekStarts.map(
            (start) =>
              html`<th scope="col" class="num">${t.weekNumber(isoWeek(start))}<br><span class="muted week-range">${dayMonth(
                web,
                start,
              )} – ${dayMonth(web, addDays(start, 6))}</span></th>`,
          )}<th scope="col" class="num">${t.total}</th></tr></thead>
          <tbody>${load.rows.map(row)}</tbody>
        </table></div>`
    }
  </section>`;
}
