import type { Page } from '@keurmerk/common';
import { html, type Html, labelledControl } from '../layout';
import { formatNumber, type WebContext } from '../web-context';
import { sharedText } from './shared.texts';

/* Markup every role's pages share besides the layout: the pager, selects and textareas. */

/** Previous and next links of a list, keeping its filters. */
export function pager(web: WebContext, path: string, page: Page<unknown>, filters: Record<string, string | undefined> = {}): Html {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pages <= 1) return html``;
  const href = (number: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
    query.set('pagina', String(number));
    return `${path}?${query.toString()}`;
  };
  return html`<nav class="pager" aria-label="${sharedText(web).pages}">
    ${page.page > 1 ? html`<a href="${href(page.page - 1)}" rel="prev">${sharedText(web).previous}</a>` : ''}
    <span>${sharedText(web).pageOf(page.page, pages)} · ${formatNumber(web, page.total)} ${sharedText(web).inTotal}</span>
    ${page.page < pages ? html`<a href="${href(page.page + 1)}" rel="next">${sharedText(web).next}</a>` : ''}
  </nav>`;
}

/** `<option>`s with one selected. */
export function options(choices: { value: string; label: string }[], selected: string | undefined): Html[] {
  return choices.map(
    (choice) => html`<option value="${choice.value}"${choice.value === selected ? html` selected` : ''}>${choice.label}</option>`,
  );
}

/** A labelled select in the same shape as layout's field(). */
export function selectField(o: {
  name: string;
  label: string;
  choices: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
  empty?: string;
  attributes?: Html;
}): Html {
  return labelledControl(
    o,
    (id, aria) => html`<select id="${id}" name="${o.name}"${aria}${o.attributes ?? ''}>
    ${o.empty !== undefined ? html`<option value="">${o.empty}</option>` : ''}
    ${options(o.choices, o.value)}
  </select>`,
  );
}

/** A labelled textarea in the same shape as layout's field(). */
export function textareaField(o: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  rows?: number;
  attributes?: Html;
}): Html {
  return labelledControl(
    o,
    (id, aria) =>
      html`<textarea id="${id}" name="${o.name}" rows="${String(o.rows ?? 6)}"${aria}${o.attributes ?? ''}>${o.value ?? ''}</textarea>`,
  );
}
