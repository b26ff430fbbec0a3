import type { NationalInsight } from '@keurmerk/statistics';
import { emptyState, html, type Html, page } from '../layout';
import { statusBadge, statusText } from '../labels';
import { barChart, type ChartTone, figurePair, keyFigures, monthSections } from '../shared/chart.view';
import { sharedText } from '../shared/shared.texts';
import { formatDate, formatNumber, type WebContext } from '../web-context';
import { adminText } from './admin.texts';

export const FIGURES_PATH = '/app/beheer/cijfers';
export const FIGURES_TABLES = ['gemeenten', 'maanden'] as const;

const TONES: Record<string, ChartTone> = { geldig: 'ok', geschorst: 'warn', ingetrokken: 'bad', verlopen: 'neutral' };

/** The beheerder's national page: the open statistics without a gemeentecode, per municipality and by month. */
export function nationalFiguresPage(web: WebContext, insight: NationalInsight): Html {
  const t = adminText(web);
  const words = sharedText(web).figures;
  const n = (value: number) => formatNumber(web, value);
  const s = insight.statistics;
  const statuses = Object.entries(s.locations);
  const statusTable = html`<table><caption class="visually-hidden">${t.byStatusTitle}</caption>
  <thead><tr><th scope="col">${t.status}</th><th scope="col" class="num">${words.locations}</th></tr></thead>
  <tbody>${statuses.map(
    ([status, count]) => html`<tr><th scope="row">${statusBadge(web, 'certificate', status)}</th><td class="num">${n(count)}</td></tr>`,
  )}</tbody></table>`;
  const types = Object.entries(s.byHousingType);
  const typeName = (type: string) => sharedText(web).housingTypes[type] ?? type;
  const typeTable = html`<table><caption class="visually-hidden">${words.byHousingTypeTitle}</caption>
  <thead><tr><th scope="col">${words.housingType}</th><th scope="col" class="num">${words.locations}</th>
    <th scope="col" class="num">${words.maxResidents}</th></tr></thead>
  <tbody>${types.map(
    ([type, f]) =>
      html`<tr><th scope="row">${typeName(type)}</th><td class="num">${n(f.locations)}</td>
      <td class="num">${n(f.maximumResidents)}</td></tr>`,
  )}</tbody></table>`;
  const cells = [
    t.municipality,
    statusText(web, 'certificate', 'geldig'),
    statusText(web, 'certificate', 'geschorst'),
    words.maxResidents,
    words.reportedResidents,
  ];
  const municipalities =
    insight.municipalities.length === 0
      ? emptyState(t.noCertifiedLocations)
      : html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t.perMunicipalityTitle}"><table class="stack">
  <caption class="visually-hidden">${t.perMunicipalityTitle}</caption>
  <thead><tr>${cells.map((c, i) => html`<th scope="col"${i > 0 ? html` class="num"` : ''}>${c}</th>`)}</tr></thead>
  <tbody>${insight.municipalities.map(
    (m) => html`<tr><td data-label="${cells[0]}">${m.municipalityName} <span class="muted">(${m.municipalityCode})</span></td>
    <td class="num" data-label="${cells[1]}">${n(m.valid)}</td><td class="num" data-label="${cells[2]}">${n(m.suspended)}</td>
    <td class="num" data-label="${cells[3]}">${n(m.beds)}</td><td class="num" data-label="${cells[4]}">${n(m.reportedResidents)}</td></tr>`,
  )}</tbody></table></div>`;
  const body = html`<p class="lead">${t.figuresLead(formatDate(web, s.referenceDate))}</p>
  ${keyFigures(words.keyFigures, [
    { term: words.validLocations, value: n(s.locations.geldig) },
    { term: t.suspendedLocations, value: n(s.locations.geschorst) },
    { term: words.certifiedMaximum, value: n(s.maximumResidents) },
    { term: words.reportedResidents, value: n(s.reportedResidents) },
    { term: words.expiringIn90Days, value: n(s.expiringWithin90Days) },
    { term: words.complaintsLast30Days, value: n(s.complaintsLast30Days) },
  ])}
  ${figurePair({
    id: 'status',
    heading: t.byStatusTitle,
    chart: barChart(
      'grafiek-status',
      t.byStatusTitle,
      statuses.map(([status, count]) => ({
        label: statusText(web, 'certificate', status),
        value: count,
        shown: n(count),
        tone: TONES[status],
      })),
    ),
    table: statusTable,
  })}
  ${figurePair({
    id: 'soort',
    heading: words.byHousingTypeTitle,
    chart: barChart(
      'grafiek-soort',
      words.byHousingTypeTitle,
      types.map(([type, f]) => ({ label: typeName(type), value: f.locations, shown: n(f.locations) })),
    ),
    table: typeTable,
  })}
  <section class="figure-section"><h2 id="gemeenten">${t.perMunicipalityTitle}</h2>${municipalities}
  <p class="actions"><a class="button button--secondary" href="${FIGURES_PATH}/gemeenten.csv" download>${words.downloadCsv}<span
    class="visually-hidden"> (${t.perMunicipalityTitle})</span></a></p></section>
  ${monthSections(web, insight.months, `${FIGURES_PATH}/maanden.csv`)}`;
  return page(web, { title: t.figuresTitle, body, styles: ['insight.css'] });
}
