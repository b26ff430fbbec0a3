import type { MonthRow } from '@keurmerk/statistics';
import { html, type Html } from '../layout';
import { statusText } from '../labels';
import { formatNumber, type WebContext } from '../web-context';
import { sharedText } from './shared.texts';

/*
 * Charts drawn on the server as inline SVG: no script, nothing to load, and the Content-Security-Policy
 * allows them as they are (colours come from classes in insight.css, not style attributes). A chart is
 * an image with a title for screen readers; its figures are in the table every page puts beside it.
 */

export type ChartTone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

export interface Bar {
  label: string;
  value: number;
  tone?: ChartTone;
  /** The value as the page writes it (formatted for the language). */
  shown: string;
}

const WIDTH = 560;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 22;
const GAP = 10;

/** At most this many characters of a label fit beside a bar. */
const MAX_LABEL = 24;
const clip = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** Horizontal bars, one per row of the table beside it. */
export function barChart(id: string, title: string, bars: Bar[]): Html {
  const height = Math.max(bars.length, 1) * (BAR_HEIGHT + GAP) + GAP;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-titel" focusable="false">
  <title id="${id}-titel">${title}</title>
  ${bars.map((bar, index) => {
    const y = GAP + index * (BAR_HEIGHT + GAP);
    const width = Math.max(bar.value > 0 ? 2 : 0, Math.round(bar.value * scale));
    const middle = y + BAR_HEIGHT / 2;
    return html`<text class="chart-label" x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" dominant-baseline="central">${clip(
      bar.label,
    )}</text>
  <rect class="chart-bar chart-bar--${bar.tone ?? 'info'}" x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}"
    rx="2"></rect>
  <text class="chart-value" x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="central">${bar.shown}</text>`;
  })}
</svg>`;
}

export interface Series {
  name: string;
  tone: ChartTone;
  values: number[];
}

const COLUMN_HEIGHT = 180;
const AXIS = 28;
const TOP = 16;

/** Columns per period (months), one colour per series, with a legend in words. */
export function columnChart(id: string, title: string, periods: string[], series: Series[]): Html {
  const width = WIDTH;
  const height = TOP + COLUMN_HEIGHT + AXIS;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (width - 40) / Math.max(periods.length, 1);
  const column = Math.max(2, (slot - 6) / Math.max(series.length, 1));
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-titel" focusable="false">
  <title id="${id}-titel">${title}</title>
  <text class="chart-value" x="0" y="${TOP}" dominant-baseline="central">${String(max)}</text>
  <line class="chart-axis" x1="36" y1="${TOP + COLUMN_HEIGHT}" x2="${width}" y2="${TOP + COLUMN_HEIGHT}"></line>
  ${periods.map((period, p) => {
    const x0 = 40 + p * slot;
    return html`${series.map((s, i) => {
      const h = Math.round((s.values[p] / max) * COLUMN_HEIGHT);
      return html`<rect class="chart-bar chart-bar--${s.tone}" x="${(x0 + i * column).toFixed(1)}" y="${TOP + COLUMN_HEIGHT - h}" width="${(
        column - 1
      ).toFixed(1)}" height="${h}"></rect>`;
    })}
  <text class="chart-label chart-label--small" x="${(x0 + (slot - 6) / 2).toFixed(1)}" y="${TOP + COLUMN_HEIGHT + 16}"
    text-anchor="middle">${period.slice(2)}</text>`;
  })}
</svg>
<ul class="legend">${series.map((s) => html`<li><span class="swatch swatch--${s.tone}" aria-hidden="true"></span>${s.name}</li>`)}</ul>`;
}

/**
 * A chart with its table beside it (below it on a phone, or always when `stacked`), and the table's CSV.
 * The table's box scrolls sideways on a narrow screen, so it can take focus and is named for that.
 */
export function figurePair(options: {
  id: string;
  heading: string;
  chart: Html;
  table: Html;
  csv?: { href: string; label: string };
  stacked?: boolean;
}): Html {
  // The section is no landmark of its own: the table's scrolling box is the region named by the heading.
  return html`<section class="figure-section">
  <h2 id="${options.id}">${options.heading}</h2>
  <div class="figure-pair${options.stacked ? ' figure-pair--stacked' : ''}">
    <div class="figure-chart">${options.chart}</div>
    <div class="table-wrap" tabindex="0" role="region" aria-label="${options.heading}">${options.table}</div>
  </div>
  ${
    options.csv
      ? html`<p class="actions"><a class="button button--secondary" href="${options.csv.href}" download>${options.csv.label}<span
    class="visually-hidden"> (${options.heading})</span></a></p>`
      : ''
  }
</section>`;
}

/** A few large figures with their meaning, as a description list. */
export function keyFigures(label: string, figures: { term: string; value: string; tone?: ChartTone }[]): Html {
  return html`<dl class="key-figures" aria-label="${label}">${figures.map(
    (f) => html`<div class="key-figure${f.tone ? ` key-figure--${f.tone}` : ''}"><dt>${f.term}</dt><dd>${f.value}</dd></div>`,
  )}</dl>`;
}

/** The monthly figures: suspensions and complaints as columns, reported residents as columns, one table for all. */
export function monthSections(web: WebContext, months: MonthRow[], csvHref: string): Html {
  const t = sharedText(web).figures;
  const n = (value: number) => formatNumber(web, value);
  const periods = months.map((m) => m.month);
  // A month's suspended, withdrawn and expired certificates, headed by the status they went into.
  const suspended = statusText(web, 'certificate', 'geschorst');
  const cells = [
    t.month,
    t.issued,
    suspended,
    statusText(web, 'certificate', 'ingetrokken'),
    statusText(web, 'certificate', 'verlopen'),
    t.complaints,
    t.reportedResidents,
  ];
  const table = html`<table>
  <caption class="visually-hidden">${t.monthsTitle}</caption>
  <thead><tr>${cells.map((c, i) => html`<th scope="col"${i > 0 ? html` class="num"` : ''}>${c}</th>`)}</tr></thead>
  <tbody>${months.map(
    (m) =>
      html`<tr><th scope="row">${m.month}</th>${[m.issued, m.suspended, m.withdrawn, m.expired, m.complaints, m.reportedResidents].map(
        (v) => html`<td class="num">${n(v)}</td>`,
      )}</tr>`,
  )}</tbody>
</table>`;
  const suspensions = columnChart('grafiek-maanden', t.monthsTitle, periods, [
    { name: suspended, tone: 'warn', values: months.map((m) => m.suspended) },
    { name: t.complaints, tone: 'bad', values: months.map((m) => m.complaints) },
  ]);
  const residents = columnChart('grafiek-bewoners', t.trendsTitle, periods, [
    { name: t.reportedResidents, tone: 'info', values: months.map((m) => m.reportedResidents) },
  ]);
  return figurePair({
    id: 'maanden',
    heading: t.monthsTitle,
    chart: html`${suspensions}${residents}`,
    table,
    csv: { href: csvHref, label: t.downloadCsv },
    stacked: true,
  });
}
