import type { BreakdownRow, LocationOccupancyRow, MunicipalInsight } from '@keurmerk/statistics';
import { type AppConfig } from '@keurmerk/config';
import { emptyState, html, type Html, page } from '../layout';
import { statusBadge, statusText } from '../labels';
import { badge } from '../layout';
import { barChart, type ChartTone, figurePair, keyFigures, monthSections } from '../shared/chart.view';
import { addressLine } from '../shared/page-parts';
import { sharedText } from '../shared/shared.texts';
import { formatDate, formatNumber, type WebContext } from '../web-context';
import { vendorAssetUrl } from '../vendor.assets';
import { municipalityText } from './municipality.texts';

export const INSIGHT_PATH = '/app/gemeente/inzicht';
/** The tables of the page, each also a CSV at `${INSIGHT_PATH}/<name>.csv`. */
export const INSIGHT_TABLES = ['status', 'soort', 'woonplaats', 'bezetting', 'verloopt', 'maanden'] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

const STATUS_TONES: Record<string, ChartTone> = { geldig: 'ok', geschorst: 'warn', ingetrokken: 'bad', verlopen: 'neutral' };

/** How a location shows on the map and in the table: over the maximum, valid, suspended, or anything else. */
export type OccupancyTone = 'bad' | 'ok' | 'warn' | 'neutral';
export function occupancyTone(row: Pick<LocationOccupancyRow, 'status' | 'residents' | 'maximumResidents'>): OccupancyTone {
  if (row.status === 'geschorst') return 'warn';
  if (row.status !== 'geldig') return 'neutral';
  return row.residents !== null && row.maximumResidents !== null && row.residents > row.maximumResidents ? 'bad' : 'ok';
}

export const isOverOccupied = (row: LocationOccupancyRow) =>
  row.residents !== null && row.maximumResidents !== null && row.residents > row.maximumResidents;

const t = municipalityText;
const f = (web: WebContext) => sharedText(web).figures;
const n = formatNumber;

function breakdownSection(web: WebContext, rows: BreakdownRow[], dimension: BreakdownRow['dimension']): Html {
  const ids = { status: 'status', housingType: 'soort', town: 'woonplaats' } as const;
  const headings = { status: t(web).byStatusTitle, housingType: f(web).byHousingTypeTitle, town: t(web).byTownTitle };
  const keyHeadings = { status: t(web).status, housingType: f(web).housingType, town: t(web).town };
  const label = (key: string) =>
    dimension === 'status'
      ? statusText(web, 'certificate', key)
      : dimension === 'housingType'
        ? (sharedText(web).housingTypes[key] ?? key)
        : key;
  const selected = rows.filter((row) => row.dimension === dimension);
  const id = ids[dimension];
  if (selected.length === 0) {
    return html`<section class="figure-section" aria-labelledby="${id}"><h2 id="${id}">${headings[dimension]}</h2>${emptyState(
      t(web).noLocationsYet,
    )}</section>`;
  }
  const chart = barChart(
    `grafiek-${id}`,
    `${headings[dimension]}: ${f(web).locations}`,
    selected.map((row) => ({
      label: label(row.key),
      value: row.locations,
      shown: n(web, row.locations),
      tone: dimension === 'status' ? (STATUS_TONES[row.key] ?? 'info') : 'info',
    })),
  );
  const table = html`<table>
  <caption class="visually-hidden">${headings[dimension]}</caption>
  <thead><tr><th scope="col">${keyHeadings[dimension]}</th><th scope="col" class="num">${f(web).locations}</th>
    <th scope="col" class="num">${f(web).maxResidents}</th></tr></thead>
  <tbody>${selected.map(
    (row) =>
      html`<tr><th scope="row">${dimension === 'status' ? statusBadge(web, 'certificate', row.key) : label(row.key)}</th>
      <td class="num">${n(web, row.locations)}</td><td class="num">${n(web, row.beds)}</td></tr>`,
  )}</tbody>
</table>`;
  return figurePair({
    id,
    heading: headings[dimension],
    chart,
    table,
    csv: { href: `${INSIGHT_PATH}/${id}.csv`, label: f(web).downloadCsv },
  });
}

function occupancyBadge(web: WebContext, row: LocationOccupancyRow): Html {
  if (row.status === null) return badge(t(web).noCertificate, 'neutral');
  if (row.residents === null) return html`${statusBadge(web, 'certificate', row.status)} <span class="muted">${t(web).notReported}</span>`;
  return isOverOccupied(row)
    ? html`${statusBadge(web, 'certificate', row.status)} ${badge(t(web).overOccupied, 'bad')}`
    : html`${statusBadge(web, 'certificate', row.status)} ${badge(t(web).withinMaximum, 'ok')}`;
}

function occupancySection(web: WebContext, occupancy: MunicipalInsight['occupancy']): Html {
  const cells = [t(web).address, t(web).status, t(web).maxResidents, t(web).residents, t(web).reportedOn, t(web).difference];
  const body =
    occupancy.total === 0
      ? emptyState(t(web).noLocationsYet)
      : html`${
          occupancy.total > occupancy.rows.length
            ? html`<p class="muted">${t(web).firstOfTotal(n(web, occupancy.rows.length), n(web, occupancy.total))}</p>`
            : ''
        }<div class="table-wrap"><table class="stack occupancy">
  <caption class="visually-hidden">${t(web).occupancyTitle}</caption>
  <thead><tr>${cells.map((c, i) => html`<th scope="col"${i >= 2 && i !== 4 ? html` class="num"` : ''}>${c}</th>`)}</tr></thead>
  <tbody>${occupancy.rows.map(
    (row) => html`<tr${isOverOccupied(row) ? html` class="row--bad"` : ''}>
    <td data-label="${cells[0]}">${
      row.certificateNumber ? html`<a href="/controleer/${row.certificateNumber}">${addressLine(row)}</a>` : addressLine(row)
    }</td>
    <td data-label="${cells[1]}">${occupancyBadge(web, row)}</td>
    <td class="num" data-label="${cells[2]}">${row.maximumResidents === null ? '—' : n(web, row.maximumResidents)}</td>
    <td class="num" data-label="${cells[3]}">${row.residents === null ? '—' : n(web, row.residents)}</td>
    <td data-label="${cells[4]}">${row.reportedOn ? formatDate(web, row.reportedOn) : '—'}</td>
    <td class="num" data-label="${cells[5]}">${isOverOccupied(row) ? `+${n(web, row.residents! - row.maximumResidents!)}` : '—'}</td>
  </tr>`,
  )}</tbody>
</table></div>`;
  return html`<section class="figure-section" aria-labelledby="bezetting">
  <h2 id="bezetting">${t(web).occupancyTitle}</h2>
  <p>${t(web).occupancyLead}</p>
  ${body}
  <p class="actions"><a class="button button--secondary" href="${INSIGHT_PATH}/bezetting.csv" download>${f(web).downloadCsv}<span
    class="visually-hidden"> (${t(web).occupancyTitle})</span></a></p>
</section>`;
}

/** The map's markers, as data for municipality-map.js: position, colour and a label in words. */
export function mapPoints(web: WebContext, rows: LocationOccupancyRow[]) {
  return rows
    .filter((row) => row.latitude !== null && row.longitude !== null)
    .map((row) => ({
      lat: row.latitude,
      lon: row.longitude,
      tone: occupancyTone(row),
      label: [
        addressLine(row),
        row.status ? statusText(web, 'certificate', row.status) : t(web).noCertificate,
        row.maximumResidents !== null ? `${t(web).residents}: ${row.residents ?? '—'} / ${row.maximumResidents}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    }));
}

function mapSection(web: WebContext, rows: LocationOccupancyRow[], map: AppConfig['map']): Html {
  const points = mapPoints(web, rows);
  const missing = rows.length - points.length;
  const legend: [OccupancyTone, string][] = [
    ['bad', t(web).legendOver],
    ['ok', t(web).legendValid],
    ['warn', statusText(web, 'certificate', 'geschorst')],
    ['neutral', t(web).legendOther],
  ];
  return html`<section class="figure-section" aria-labelledby="kaart-kop">
  <h2 id="kaart-kop">${t(web).mapTitle}</h2>
  <p>${t(web).mapLead}</p>
  <div id="kaart" class="map${map.tileUrl ? '' : ' map--plain'}" role="region" aria-label="${t(web).mapLabel}"
    data-punten="${JSON.stringify(points)}"${
      map.tileUrl ? html` data-tegels="${map.tileUrl}" data-attributie="${map.tileAttribution}"` : ''
    }><noscript><p>${t(web).mapNoScript}</p></noscript></div>
  <ul class="legend">${legend.map(
    ([tone, text]) => html`<li><span class="swatch swatch--${tone}" aria-hidden="true"></span>${text}</li>`,
  )}</ul>
  ${missing > 0 ? html`<p class="muted">${t(web).mapWithoutCoordinates(n(web, missing))}</p>` : ''}
</section>`;
}

function expiringSection(web: WebContext, insight: MunicipalInsight): Html {
  const cells = [t(web).certificate, t(web).address, t(web).validUntil, t(web).maxResidents];
  return html`<section class="figure-section" aria-labelledby="verloopt">
  <h2 id="verloopt">${f(web).expiringIn90Days}</h2>
  ${
    insight.expiring.length === 0
      ? emptyState(t(web).nothingExpires)
      : html`<div class="table-wrap"><table class="stack">
    <caption class="visually-hidden">${f(web).expiringIn90Days}</caption>
    <thead><tr>${cells.map((c, i) => html`<th scope="col"${i === 3 ? html` class="num"` : ''}>${c}</th>`)}</tr></thead>
    <tbody>${insight.expiring.map(
      (row) => html`<tr><td data-label="${cells[0]}"><a href="/controleer/${row.certificateNumber}">${row.certificateNumber}</a></td>
      <td data-label="${cells[1]}">${addressLine(row)}</td><td data-label="${cells[2]}">${formatDate(web, row.validUntil)}</td>
      <td class="num" data-label="${cells[3]}">${n(web, row.maximumResidents)}</td></tr>`,
    )}</tbody></table></div>`
  }
  <p class="actions"><a class="button button--secondary" href="${INSIGHT_PATH}/verloopt.csv" download>${f(web).downloadCsv}<span
    class="visually-hidden"> (${f(web).expiringIn90Days})</span></a></p>
</section>`;
}

export function insightPage(web: WebContext, insight: MunicipalInsight, map: AppConfig['map']): Html {
  const s = insight.statistics;
  const name = s.municipalityName ? `${s.municipalityName} (${s.municipalityCode})` : (s.municipalityCode ?? '');
  const over = insight.occupancy.rows.filter(isOverOccupied).length;
  const body = html`<p class="lead">${t(web).insightLead(name, formatDate(web, s.referenceDate))}</p>
  ${keyFigures(f(web).keyFigures, [
    { term: f(web).validLocations, value: n(web, s.locations.geldig) },
    { term: f(web).certifiedMaximum, value: n(web, s.maximumResidents) },
    { term: f(web).reportedResidents, value: n(web, s.reportedResidents) },
    { term: t(web).overOccupiedLocations, value: n(web, over), tone: over > 0 ? 'bad' : undefined },
    { term: f(web).expiringIn90Days, value: n(web, s.expiringWithin90Days) },
    { term: f(web).complaintsLast30Days, value: n(web, s.complaintsLast30Days) },
  ])}
  ${occupancySection(web, insight.occupancy)}
  ${mapSection(web, insight.occupancy.rows, map)}
  ${breakdownSection(web, insight.breakdown, 'status')}
  ${breakdownSection(web, insight.breakdown, 'housingType')}
  ${breakdownSection(web, insight.breakdown, 'town')}
  ${expiringSection(web, insight)}
  ${monthSections(web, insight.months, `${INSIGHT_PATH}/maanden.csv`)}`;
  return page(web, {
    title: t(web).insightTitle,
    body,
    styles: ['municipality.css', 'insight.css'],
    vendorStyles: [vendorAssetUrl('leaflet.css')],
    vendorScripts: [vendorAssetUrl('leaflet.js')],
    scripts: ['municipality-map.js'],
  });
}
