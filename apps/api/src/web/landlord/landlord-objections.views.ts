import type { Page } from '@keurmerk/common';
import type { LocationEntity } from '@keurmerk/locations';
import { type ContestedCase, MAX_GROUNDS_LENGTH, type ObjectionView } from '@keurmerk/objections';
import { csrfField, emptyState, errorSummary, type FieldErrors, html, type Html } from '../layout';
import { contestedSubject, contestedText, objectionFacts, objectionStatus } from '../shared/objection.view';
import { addressLine } from '../shared/page-parts';
import { pager, textareaField } from '../shared/parts.view';
import { sharedText } from '../shared/shared.texts';
import { formatDate, formatDateTime, type WebContext } from '../web-context';
import { landlordText } from './landlord.texts';

export const OBJECTIONS_PATH = '/app/bezwaren';
export const NEW_OBJECTION_PATH = '/app/bezwaren/nieuw';

export function objectionPath(id: string): string {
  return `${OBJECTIONS_PATH}/${id}`;
}

/** The form's address for one contested case: the inspection (a refusal) or the certificate (a suspension, a withdrawal). */
export function newObjectionHref(found: Pick<ContestedCase, 'inspectionId' | 'certificateNumber'>): string {
  return found.inspectionId
    ? `${NEW_OBJECTION_PATH}?inspectie=${encodeURIComponent(found.inspectionId)}`
    : `${NEW_OBJECTION_PATH}?certificaat=${encodeURIComponent(found.certificateNumber ?? '')}`;
}

/** On the location's page: what may be objected against now, and the objections filed about the location. */
export interface LocationObjections {
  contestable: ContestedCase[];
  filed: ObjectionView[];
}

export function locationObjectionsSection(web: WebContext, data: LocationObjections): Html {
  if (data.contestable.length === 0 && data.filed.length === 0) return html``;
  return html`<section class="card objections" aria-labelledby="bezwaar"><h2 id="bezwaar">${sharedText(web).objection.noun}</h2>
  ${
    data.contestable.length > 0
      ? html`<ul class="contestable">${data.contestable.map(
          (found) => html`<li><p>${landlordText(web).youMayObjectUntil(contestedSubject(web, found), formatDate(web, found.effectOn))}
    <strong>${formatDate(web, found.lastDay)}</strong>.</p>
    <a class="button" href="${newObjectionHref(found)}">${landlordText(web).fileAnObjection}</a></li>`,
        )}</ul>`
      : ''
  }
  ${
    data.filed.length > 0
      ? html`<ul class="filed">${data.filed.map(
          (objection) =>
            html`<li><a href="${objectionPath(objection.id)}">${contestedText(web, objection)}${
              objection.certificateNumber ? ` · ${objection.certificateNumber}` : ''
            }</a> · ${formatDateTime(web, objection.filedAt)} ${objectionStatus(web, objection)}</li>`,
        )}</ul>`
      : ''
  }
</section>`;
}

export function objectionsListBody(web: WebContext, list: Page<ObjectionView>, places: Map<string, LocationEntity>): Html {
  if (list.total === 0) return emptyState(landlordText(web).noObjectionsYet);
  const words = sharedText(web).objection;
  const label = {
    address: words.address,
    against: words.contestedLabel,
    filed: words.filedOn,
    due: words.decisionDue,
    status: words.statusLabel,
  };
  return html`<div class="table-wrap"><table class="stack objections-table">
  <caption class="visually-hidden">${landlordText(web).yourObjections}</caption>
  <thead><tr><th scope="col">${label.address}</th><th scope="col">${label.against}</th><th scope="col">${label.filed}</th><th
    scope="col">${label.due}</th><th scope="col">${label.status}</th></tr></thead>
  <tbody>${list.items.map((objection) => {
    const location = places.get(objection.locationId);
    return html`<tr>
    <td data-label="${label.address}"><a href="${objectionPath(objection.id)}">${
      location ? addressLine(location) : words.inspection
    }</a></td>
    <td data-label="${label.against}">${contestedSubject(web, objection)}</td>
    <td data-label="${label.filed}">${formatDate(web, objection.filedOn)}</td>
    <td data-label="${label.due}">${formatDate(web, objection.decisionDue)}</td>
    <td data-label="${label.status}">${objectionStatus(web, objection)}</td>
  </tr>`;
  })}</tbody>
</table></div>
${pager(web, OBJECTIONS_PATH, list)}`;
}

export interface NewObjectionPageData {
  found: ContestedCase;
  location: LocationEntity;
  grounds?: string;
  errors?: FieldErrors;
  message?: string;
}

export function newObjectionBody(web: WebContext, data: NewObjectionPageData, locationHref: string): Html {
  const { found } = data;
  const words = sharedText(web).objection;
  return html`${errorSummary(web, data.errors ?? {}, data.message)}
<p class="back"><a href="${locationHref}">${landlordText(web).toTheLocation}</a></p>
<section class="card">
  <dl class="facts">
    <dt>${words.address}</dt><dd>${addressLine(data.location)}</dd>
    <dt>${words.contestedLabel}</dt><dd>${contestedSubject(web, found)}</dd>
    <dt>${words.effectOn}</dt><dd>${formatDate(web, found.effectOn)}</dd>
    <dt>${landlordText(web).lastDayToObject}</dt><dd>${formatDate(web, found.lastDay)}</dd>
  </dl>
  <form method="post" action="${NEW_OBJECTION_PATH}" class="objection-form">
    ${csrfField(web)}
    ${found.inspectionId ? html`<input type="hidden" name="inspectie" value="${found.inspectionId}">` : ''}
    ${found.certificateNumber ? html`<input type="hidden" name="certificaat" value="${found.certificateNumber}">` : ''}
    ${textareaField({
      name: 'gronden',
      label: landlordText(web).groundsLabel,
      hint: landlordText(web).groundsHint,
      value: data.grounds,
      error: data.errors?.gronden,
      rows: 8,
      attributes: html` maxlength="${String(MAX_GROUNDS_LENGTH)}" required`,
    })}
    <button type="submit">${landlordText(web).submitTheObjection}</button>
  </form>
</section>`;
}

export function objectionBody(
  web: WebContext,
  objection: ObjectionView,
  location: LocationEntity | undefined,
  locationHref?: string,
): Html {
  return html`<p class="back"><a href="${OBJECTIONS_PATH}">${sharedText(web).objection.backToAll}</a>${
    locationHref ? html` · <a href="${locationHref}">${landlordText(web).toTheLocation}</a>` : ''
  }</p>
<section class="card">
  ${objection.status === 'ingediend' ? html`<p>${landlordText(web).awaitingDecision(formatDate(web, objection.decisionDue))}</p>` : ''}
  ${objectionFacts(web, objection, location)}
</section>`;
}

export function objectionRefusalBody(web: WebContext, message: string): Html {
  return html`${errorSummary(web, {}, message)}
<p class="back"><a href="${OBJECTIONS_PATH}">${sharedText(web).objection.backToAll}</a></p>`;
}
