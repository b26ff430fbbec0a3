import type { InvalidParam } from '@keurmerk/common';
import type { NormDocument } from '@keurmerk/norm';
import type { NormVersionEntity } from '@keurmerk/norm-versions';
import { csrfField, emptyState, errorSummary, html, type Html, page } from '../layout';
import { statusBadge } from '../labels';
import { textareaField } from '../shared/parts.view';
import { formatDate, formatDateTime, type WebContext } from '../web-context';
import type { CriterionChange, NormDiff } from './norm-diff';
import { adminText } from './admin.texts';

export const NORMS_PATH = '/app/beheer/normen';

export interface EditorState {
  json: string;
  problems?: InvalidParam[];
  message?: string;
}

function normStatus(web: WebContext, entity: Pick<NormVersionEntity, 'status'>): Html {
  return statusBadge(web, 'norm', entity.status === 'gepubliceerd' ? 'published' : 'draft');
}

/** The JSON editor of a concept, with every problem the norm library found, by its JSON path. */
function editor(web: WebContext, action: string, state: EditorState, submit: string): Html {
  const problems = state.problems ?? [];
  const error = problems.length > 0 ? adminText(web).theDocumentWrongPlaceS(problems.length) : state.message;
  return html`${
    problems.length > 0 || state.message
      ? html`${errorSummary(web, error ? { document: error } : {})}${
          problems.length > 0
            ? html`<div class="card"><ul>${problems.map((p) => html`<li><code>${p.name}</code>: ${p.reason}</li>`)}</ul></div>`
            : ''
        }`
      : ''
  }
  <form method="post" action="${action}" class="card code" novalidate>
    ${csrfField(web)}
    ${textareaField({
      name: 'document',
      label: adminText(web).normDocumentJson,
      hint: adminText(web).inApisShapePostV1,
      value: state.json,
      error,
      rows: 24,
      attributes: html` spellcheck="false" autocapitalize="off"`,
    })}
    <div class="actions"><button type="submit">${submit}</button></div>
  </form>`;
}

/** The changed fields of a criterion as old and new value, side by side. */
function changeDetails(web: WebContext, change: CriterionChange): Html {
  if (change.kind !== 'changed') return html``;
  return html`<div class="table-wrap"><table>
    <thead><tr><th>${adminText(web).field}</th><th>${adminText(web).was}</th><th>${adminText(web).becomes}</th></tr></thead>
    <tbody>${change.fields.map(
      (f) =>
        html`<tr><th scope="row">${f.field}</th><td class="diff-removed">${
          f.before ?? '—'
        }</td><td class="diff-added">${f.after ?? '—'}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

export function normVersionsPage(web: WebContext, versions: NormVersionEntity[]): Html {
  const headCells = [
    html`<th>${adminText(web).version}</th>`,
    html`<th>${adminText(web).status}</th>`,
    html`<th>${adminText(web).effectiveDate}</th>`,
    html`<th>${adminText(web).published}</th>`,
    html`<th><span class="visually-hidden">${adminText(web).compare}</span></th>`,
  ];
  const body = html`<p><a class="button" href="${NORMS_PATH}/nieuw">${adminText(web).newDraft}</a></p>
    ${
      versions.length === 0
        ? emptyState(adminText(web).thereNoNormVersionYet)
        : html`<div class="table-wrap"><table class="stack">
      <thead><tr>${headCells}</tr></thead>
      <tbody>${versions.map(
        (v, index) => html`<tr>
        <td data-label="${adminText(web).version}"><a href="${NORMS_PATH}/${v.version}">${v.version}</a></td>
        <td data-label="${adminText(web).status}">${normStatus(web, v)}</td>
        <td data-label="${adminText(web).effectiveDate}">${formatDate(web, v.effectiveDate)}</td>
        <td data-label="${adminText(web).published}">${formatDateTime(web, v.publishedAt)}</td>
        <td>${
          index < versions.length - 1
            ? html`<a href="${NORMS_PATH}/${v.version}/vergelijking">${adminText(web).compareWith(versions[index + 1].version)}</a>`
            : ''
        }</td></tr>`,
      )}</tbody>
    </table></div>`
    }`;
  return page(web, { title: adminText(web).normVersions, body, styles: ['admin.css'] });
}

export function newDraftPage(web: WebContext, state: EditorState): Html {
  const body = html`<p>${adminText(web).aCopyNewestPublishedVersion}</p>
    ${editor(web, NORMS_PATH, state, adminText(web).saveDraft)}`;
  return page(web, { title: adminText(web).newDraft, body, styles: ['admin.css'] });
}

/** The differences with the version before it; the first version has none to show. */
export function comparePage(web: WebContext, current: NormVersionEntity, before?: { previous: NormVersionEntity; diff: NormDiff }): Html {
  const title = adminText(web).versionCompared(current.version);
  if (!before) {
    const body = emptyState(
      adminText(web).thisFirstVersionThereNothing,
      html`<a href="${NORMS_PATH}/${current.version}">${adminText(web).backToTheVersion}</a>`,
    );
    return page(web, { title, body, styles: ['admin.css'] });
  }
  const { previous, diff } = before;
  const body = html`<p>${adminText(web).whatDifferentFrom(
    current.version,
    previous.version,
  )} <a href="${NORMS_PATH}/${current.version}">${adminText(web).toTheVersion}</a></p>
    <ul class="diff-legend" aria-label="${adminText(web).legend}">
      <li class="diff-added">${adminText(web).addedNew}</li><li class="diff-removed">${adminText(web).removedOld}</li><li
        class="diff-changed">${adminText(web).changed}</li>
    </ul>
    ${
      diff.effectiveDate
        ? html`<p class="diff-changed">${adminText(web).effectiveDate}: ${formatDate(
            web,
            diff.effectiveDate.before,
          )} → ${formatDate(web, diff.effectiveDate.after)}</p>`
        : ''
    }
    ${
      diff.criteria.length === 0
        ? emptyState(adminText(web).noDifferencesCriteria)
        : html`<p>${adminText(web).criteriaDiffer(diff.criteria.length)}</p>
        <ul class="diff-list">${diff.criteria.map(
          (change) => html`<li class="diff-${change.kind}" data-criterion="${change.code}">
          <h3><span>${change.code}</span> <span>${change.title}</span> <span
            class="badge badge--neutral">${adminText(web).criterionChanges[change.kind]}</span></h3>
          <p class="muted">${adminText(web).section} ${change.section}</p>
          ${changeDetails(web, change)}
        </li>`,
        )}</ul>`
    }`;
  return page(web, { title, body, styles: ['admin.css'] });
}

export function versionPage(web: WebContext, entity: NormVersionEntity, document: NormDocument, state: EditorState, notice?: string): Html {
  const criteria = document.secties.reduce((sum, s) => sum + s.criteria.length, 0);
  const draft = entity.status === 'concept';
  const body = html`<div class="card">
      <dl class="facts">
        <dt>${adminText(web).status}</dt><dd>${normStatus(web, entity)}</dd>
        <dt>${adminText(web).effectiveDate}</dt><dd>${formatDate(web, entity.effectiveDate)}</dd>
        <dt>${adminText(web).sectionsAndCriteria}</dt><dd>${document.secties.length} / ${criteria}</dd>
        ${entity.publishedAt ? html`<dt>${adminText(web).published}</dt><dd>${formatDateTime(web, entity.publishedAt)}</dd>` : ''}
      </dl>
      <div class="actions">
        <a class="button button--secondary" href="${NORMS_PATH}/${entity.version}/vergelijking">${adminText(web).comparePreviousVersion}</a>
        ${
          draft
            ? html`<form method="post" action="${NORMS_PATH}/${entity.version}/publicatie">${csrfField(web)}<button type="submit"
          data-confirm="${adminText(web).publishVersionCannotChangeAfterwards(entity.version)}">${adminText(web).publish}</button></form>`
            : ''
        }
      </div>
    </div>
    ${
      draft
        ? html`<h2>${adminText(web).editTheDraft}</h2>${editor(web, `${NORMS_PATH}/${entity.version}`, state, adminText(web).saveChanges)}`
        : html`<p class="muted">${adminText(web).aPublishedVersionNeverChanges}</p>`
    }`;
  return page(web, { title: adminText(web).normVersion(entity.version), body, notice, styles: ['admin.css'] });
}
