import type { Page } from '@keurmerk/common';
import type { DocumentEntity } from '@keurmerk/documents';
import { requiredDocumentsStatus } from '@keurmerk/locations';
import { badge, html, type Html, labelledControl } from '../layout';
import { formatNumber, type WebContext } from '../web-context';
import { sharedText } from './shared.texts';

/* Markup every role's pages share besides the layout: the pager, selects and textareas. */

/** Previous and next links of a list, keeping its filters. */
export function pager(
  web: WebContext,
  path: string,
  page: Page<unknown>,
  filters: Record<string, string | undefined> = {},
  // Two lists on one page each page with their own parameter.
  pageParam = 'pagina',
): Html {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pages <= 1) return html``;
  const href = (number: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
    query.set(pageParam, String(number));
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

/**
 * An application's documents against what its norm version requires (libs/locations, application-documents.ts):
 * each required document present (with its files, linked) or missing, then anything else that was added.
 */
export function requiredDocumentsList(
  web: WebContext,
  normVersion: string | undefined,
  documents: DocumentEntity[],
  href: (document: DocumentEntity) => string,
): Html {
  const text = sharedText(web);
  const links = (found: DocumentEntity[]) =>
    html`<ul class="document-files">${found.map((document) => html`<li><a href="${href(document)}">${document.fileName}</a></li>`)}</ul>`;
  const required = requiredDocumentsStatus(normVersion, documents);
  const requiredKinds = new Set<string>(required.map((entry) => entry.kind));
  const others = documents.filter((document) => !document.kind || !requiredKinds.has(document.kind));
  return html`<ul class="required-documents">${required.map(
    (entry) => html`<li class="required-document required-document--${entry.documents.length > 0 ? 'present' : 'missing'}">
    <span class="required-document__name">${text.documentKinds[entry.kind] ?? entry.kind}</span>
    ${entry.documents.length > 0 ? badge(text.documentPresent, 'ok') : badge(text.documentMissing, 'warn')}
    ${entry.documents.length > 0 ? links(entry.documents) : ''}
  </li>`,
  )}${
    others.length > 0
      ? html`<li class="required-document"><span class="required-document__name">${text.documentKinds.overig}</span>${links(others)}</li>`
      : ''
  }</ul>`;
}
