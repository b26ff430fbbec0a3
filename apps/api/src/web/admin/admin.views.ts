import type { UserEntity } from '@keurmerk/accounts';
import type { Page } from '@keurmerk/common';
import type { InspectionEntity } from '@keurmerk/inspections';
import type { ApplicationEntity, LocationEntity } from '@keurmerk/locations';
import { emptyState, html, type Html, page } from '../layout';
import { statusBadge, type StatusKind } from '../labels';
import { kindText } from '../shared/inspection.view';
import { addressLine } from '../shared/page-parts';
import { pager } from '../shared/parts.view';
import { formatDate, formatDateTime, formatNumber, type WebContext } from '../web-context';
import type { Overview, StatusCounts } from './admin-overview.service';
import { PLANNING_PATH } from './planning.view';
import { auditorLoadSection, planningRequestsSection, planningSummary } from './planning-overview.views';
import type { PlanningOverview } from './planning.service';
import { adminApplicationPath, documentCountBadge, type DocumentCount } from './admin-applications.views';
import { adminText } from './admin.texts';

const STATUS_ORDER: Partial<Record<StatusKind, string[]>> = {
  application: ['ingediend', 'in-behandeling', 'afgerond', 'ingetrokken'],
  inspection: ['gepland', 'in-uitvoering', 'ingediend', 'besloten'],
  certificate: ['uitgifte', 'geldig', 'geschorst', 'ingetrokken', 'verlopen', 'vervangen'],
  complaint: ['ontvangen', 'in-behandeling', 'afgehandeld'],
};

export function overviewPage(web: WebContext, overview: Overview, planning: PlanningOverview['counts']): Html {
  const block = (
    title: string,
    kind: StatusKind,
    counts: StatusCounts,
    link: (status: string) => string | undefined,
  ) => html`<section class="card">
    <h2>${title}</h2>
    <ul class="stats">${(STATUS_ORDER[kind] ?? []).map((status) => {
      const href = link(status);
      const inner = html`<strong>${formatNumber(web, counts[status] ?? 0)}</strong>${statusBadge(web, kind, status)}`;
      return html`<li>${href ? html`<a href="${href}">${inner}</a>` : inner}</li>`;
    })}</ul>
  </section>`;
  const overdue = overview.overdueFindings;
  const headCells = [
    html`<th>${adminText(web).location}</th>`,
    html`<th>${adminText(web).criterion}</th>`,
    html`<th>${adminText(web).severity}</th>`,
    html`<th>${adminText(web).deadline}</th>`,
  ];
  const body = html`
    <section aria-labelledby="planning-kop">
      <h2 id="planning-kop">${adminText(web).planningRequests}</h2>
      ${planningSummary(web, planning, `${PLANNING_PATH}#verzoeken`)}
    </section>
    <div class="cols">
      ${block(adminText(web).applications, 'application', overview.applications, (s) => (s === 'ingediend' ? PLANNING_PATH : undefined))}
      ${block(adminText(web).inspections, 'inspection', overview.inspections, () => undefined)}
      ${block(adminText(web).certificates, 'certificate', overview.certificates, () => undefined)}
      ${block(adminText(web).complaints, 'complaint', overview.complaints, (s) => `/app/beheer/meldingen?status=${s}`)}
    </div>
    <section class="card" aria-labelledby="achterstallig">
      <h2 id="achterstallig">${adminText(web).findingsPastTheirRepairDeadline} <span class="count">(${formatNumber(
        web,
        overdue.total,
      )})</span></h2>
      ${
        overdue.total === 0
          ? html`<p>${adminText(web).noOpenFindingsPastTheir}</p>`
          : html`<div class="table-wrap"><table class="stack">
            <thead><tr>${headCells}</tr></thead>
            <tbody>${overdue.first.map(
              (f) => html`<tr>
              <td data-label="${adminText(web).location}">${f.address}</td>
              <td data-label="${adminText(web).criterion}">${f.criterionCode}</td>
              <td data-label="${adminText(web).severity}">${statusBadge(web, 'severity', f.severity)}</td>
              <td data-label="${adminText(web).deadline}">${formatDate(web, f.repairDeadline)}</td></tr>`,
            )}</tbody>
          </table></div>
          ${
            overdue.total > overdue.first.length
              ? html`<p class="muted">${adminText(web).theOldestOf(overdue.first.length, overdue.total)}</p>`
              : ''
          }`
      }
    </section>`;
  return page(web, { title: adminText(web).overview, body, styles: ['admin.css'] });
}

export function planningPage(
  web: WebContext,
  d: {
    waiting: Page<ApplicationEntity>;
    /** Of each waiting application: how many of its required documents are there. */
    documents: Map<string, DocumentCount>;
    planned: Page<InspectionEntity>;
    places: Map<string, LocationEntity>;
    auditors: Map<string, Pick<UserEntity, 'name'>>;
    justPlanned: boolean;
    overview: PlanningOverview;
  },
): Html {
  const { waiting, planned, places, auditors, overview } = d;
  const place = (id: string) => (places.get(id) ? addressLine(places.get(id)!) : id);
  const documentCount = (applicationId: string) => {
    const count = d.documents.get(applicationId);
    return count ? documentCountBadge(web, count) : '';
  };
  const headCells2 = [
    html`<th>${adminText(web).when}</th>`,
    html`<th>${adminText(web).location}</th>`,
    html`<th>${adminText(web).kind}</th>`,
    html`<th>${adminText(web).auditor}</th>`,
  ];
  const body = html`
    ${planningSummary(web, overview.counts)}
    ${planningRequestsSection(web, overview)}
    ${auditorLoadSection(web, overview.load)}
    <section aria-labelledby="wachtend">
      <h2 id="wachtend">${adminText(web).applicationsWaitingInspection}</h2>
      ${
        waiting.total === 0
          ? emptyState(adminText(web).noApplicationsWaitingInspection)
          : html`<div class="table-wrap"><table class="stack">
            <thead><tr><th>${adminText(web).location}</th><th>${adminText(web).applied}</th><th>${
              adminText(web).documents
            }</th><th><span class="visually-hidden">${adminText(web).action}</span></th></tr></thead>
            <tbody>${waiting.items.map(
              (a) => html`<tr>
              <td data-label="${adminText(web).location}"><a href="${adminApplicationPath(a.id)}">${place(a.locationId)}</a></td>
              <td data-label="${adminText(web).applied}">${formatDate(web, a.createdAt)}</td>
              <td data-label="${adminText(web).documents}">${documentCount(a.id)}</td>
              <td><a class="button button--secondary"
                href="${PLANNING_PATH}/nieuw?locatie=${a.locationId}">${adminText(web).planInspection}<span
                  class="visually-hidden"> ${place(a.locationId)}</span></a></td></tr>`,
            )}</tbody>
          </table></div>${pager(web, PLANNING_PATH, waiting, {}, 'aanvragen')}`
      }
    </section>
    <section aria-labelledby="gepland">
      <h2 id="gepland">${adminText(web).plannedInspections}</h2>
      ${
        planned.total === 0
          ? emptyState(adminText(web).noInspectionsArePlanned)
          : html`<div class="table-wrap"><table class="stack">
            <thead><tr>${headCells2}</tr></thead>
            <tbody>${planned.items.map(
              (i) => html`<tr>
              <td data-label="${adminText(web).when}">${formatDateTime(web, i.plannedAt)}</td>
              <td data-label="${adminText(web).location}">${place(i.locationId)}</td>
              <td data-label="${adminText(web).kind}">${kindText(web, i.kind)}</td>
              <td data-label="${adminText(web).auditor}">${auditors.get(i.auditorId)?.name ?? ''}</td></tr>`,
            )}</tbody>
          </table></div>`
      }
    </section>`;
  const notice = d.justPlanned ? adminText(web).theInspectionHasBeenPlanned : undefined;
  return page(web, { title: adminText(web).planInspections, body, notice, styles: ['admin.css'] });
}
