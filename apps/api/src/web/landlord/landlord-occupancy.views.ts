import type { Page } from '@keurmerk/common';
import type { LocationEntity } from '@keurmerk/locations';
import { MAX_RESIDENTS, MIN_RESIDENTS, type OccupancyReportView } from '@keurmerk/occupancy';
import { badge, csrfField, emptyState, errorSummary, field, type FieldErrors, type Html, html } from '../layout';
import { addressLine } from '../shared/page-parts';
import { formatDate, formatNumber, type WebContext } from '../web-context';
import { landlordText } from './landlord.texts';
import { LOCATIONS_PATH, locationPath } from './landlord.views';

export const occupancyPath = (locationId: string) => `${locationPath(locationId)}/bezetting`;

export interface OccupancyPageData {
  location: LocationEntity;
  reports: Page<OccupancyReportView>;
  /** The current certificate's maximum; null without one. */
  maximum: number | null;
  today: string;
  values: { peildatum?: string; aantalBewoners?: string };
  errors: FieldErrors;
  message?: string;
}

/** The landlord's page for one location's residents: what was last reported, the form, and the reports before. */
export function occupancyBody(web: WebContext, data: OccupancyPageData): Html {
  const t = landlordText(web);
  const n = (value: number) => formatNumber(web, value);
  const [last] = data.reports.items;
  const over = (report: OccupancyReportView) => data.maximum !== null && report.residents > data.maximum;
  return html`${errorSummary(web, data.errors, data.message)}
<p class="back"><a href="${locationPath(data.location.id)}">${addressLine(data.location)}</a> · <a href="${LOCATIONS_PATH}">${
    t.allLocations
  }</a></p>
<section class="card" aria-labelledby="melden">
  <h2 id="melden">${t.reportResidents}</h2>
  <p>${t.residentsLead}</p>
  <p class="lead">${last ? t.lastReported(n(last.residents), formatDate(web, last.referenceDate)) : t.nothingReportedYet}${
    data.maximum !== null ? html` ${t.certifiedMaximumIs(n(data.maximum))}` : ''
  }</p>
  <form method="post" action="${occupancyPath(data.location.id)}" class="inline-form" novalidate>
    ${csrfField(web)}
    ${field({
      name: 'peildatum',
      label: t.referenceDate,
      type: 'date',
      value: data.values.peildatum ?? data.today,
      error: data.errors.peildatum,
      hint: t.referenceDateHint,
      required: true,
      attributes: html` min="2000-01-01" max="${data.today}"`,
    })}
    ${field({
      name: 'aantalBewoners',
      label: t.numberOfResidents,
      type: 'number',
      inputmode: 'numeric',
      value: data.values.aantalBewoners,
      error: data.errors.aantalBewoners,
      required: true,
      attributes: html` min="${MIN_RESIDENTS}" max="${MAX_RESIDENTS}" step="1" class="short"`,
    })}
    <button type="submit">${t.send}</button>
  </form>
</section>
<section class="card" aria-labelledby="eerder">
  <h2 id="eerder">${t.earlierReports}</h2>
  ${
    data.reports.total === 0
      ? emptyState(t.nothingReportedYet)
      : html`<div class="table-wrap"><table>
    <thead><tr><th scope="col">${t.referenceDate}</th><th scope="col" class="num">${t.numberOfResidents}</th><th scope="col" class="num">${
      t.maximum
    }</th></tr></thead>
    <tbody>${data.reports.items.map(
      (report) =>
        html`<tr><td>${formatDate(web, report.referenceDate)}</td><td class="num">${n(report.residents)}${
          over(report) ? html` ${badge(t.aboveMaximum, 'bad')}` : ''
        }</td><td class="num">${data.maximum === null ? '—' : n(data.maximum)}</td></tr>`,
    )}</tbody></table></div>`
  }
</section>`;
}
