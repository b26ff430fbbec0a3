import type { Page } from '@keurmerk/common';
import type { LocationEntity } from '@keurmerk/locations';
import { MAX_OBJECTION_EXPLANATION_LENGTH, type ObjectionView } from '@keurmerk/objections';
import { emptyState, errorSummary, type FieldErrors, html, type Html } from '../layout';
import { contestedSubject, objectionFacts, objectionStatus } from '../shared/objection.view';
import { addressLine } from '../shared/page-parts';
import { pager } from '../shared/parts.view';
import { sharedText } from '../shared/shared.texts';
import { formatDate, type WebContext } from '../web-context';
import { decisionPath } from './certifier.views';
import { certifierText } from './certifier.texts';
import { decisionForm } from './decision-form.view';

export const CERTIFIER_OBJECTIONS_PATH = '/app/besluiten/bezwaren';

export function certifierObjectionPath(id: string): string {
  return `${CERTIFIER_OBJECTIONS_PATH}/${id}`;
}

export function objectionsToDecideBody(web: WebContext, list: Page<ObjectionView>, places: Map<string, LocationEntity>): Html {
  if (list.total === 0) return emptyState(certifierText(web).noObjectionsToDecide);
  const words = sharedText(web).objection;
  const label = { address: words.address, against: words.contestedLabel, due: words.decisionDue, status: words.statusLabel };
  return html`<p>${certifierText(web).objectionsToDecide(list.total)}</p>
<div class="table-wrap"><table class="stack objections-table">
  <caption class="visually-hidden">${certifierText(web).objectionsWaiting}</caption>
  <thead><tr><th scope="col">${label.address}</th><th scope="col">${label.against}</th><th scope="col">${label.due}</th><th
    scope="col">${label.status}</th></tr></thead>
  <tbody>${list.items.map((objection) => {
    const location = places.get(objection.locationId);
    return html`<tr${objection.overdue ? html` class="overdue"` : ''}>
    <td data-label="${label.address}"><a class="decide-link" href="${certifierObjectionPath(objection.id)}">${
      location ? addressLine(location) : words.noun
    }</a></td>
    <td data-label="${label.against}">${contestedSubject(web, objection)}</td>
    <td data-label="${label.due}">${formatDate(web, objection.decisionDue)}</td>
    <td data-label="${label.status}">${objectionStatus(web, objection)}</td>
  </tr>`;
  })}</tbody>
</table></div>
${pager(web, CERTIFIER_OBJECTIONS_PATH, list)}`;
}

export interface ObjectionDecisionPageData {
  objection: ObjectionView;
  location?: LocationEntity;
  mayDecide: boolean;
  errors?: FieldErrors;
  message?: string;
  typed?: { uitkomst: string; toelichting: string; herinspectie: boolean };
}

function objectionDecisionForm(web: WebContext, data: ObjectionDecisionPageData): Html {
  const reinspect = html`<div class="field"><label><input type="checkbox" name="herinspectie" value="ja"${
    data.typed?.herinspectie ? html` checked` : ''
  }> ${certifierText(web).alsoReinspect}</label></div>`;
  return decisionForm(web, {
    action: certifierObjectionPath(data.objection.id),
    choices: [
      { value: 'gegrond', label: certifierText(web).upheld },
      { value: 'ongegrond', label: certifierText(web).rejected },
    ],
    explanationMaxLength: MAX_OBJECTION_EXPLANATION_LENGTH,
    extra: reinspect,
    submit: certifierText(web).recordTheObjectionDecision,
    errors: data.errors,
    typed: data.typed,
  });
}

export function objectionDecisionBody(web: WebContext, data: ObjectionDecisionPageData): Html {
  const { objection } = data;
  const inspectionHref = objection.inspectionId ? decisionPath(objection.inspectionId) : undefined;
  const facts = html`<section class="card" aria-labelledby="bezwaar"><h2 id="bezwaar">${sharedText(web).objection.noun}</h2>
    ${objectionFacts(web, objection, data.location, inspectionHref)}
  </section>`;
  return html`${errorSummary(web, data.errors ?? {}, data.message)}
<p class="back"><a href="${CERTIFIER_OBJECTIONS_PATH}">${certifierText(web).allObjectionsWaiting}</a></p>
${
  objection.status === 'ingediend'
    ? html`<div class="cols">${facts}
  <section class="card" aria-labelledby="beslissing"><h2 id="beslissing">${certifierText(web).decision}</h2>
    ${data.mayDecide ? objectionDecisionForm(web, data) : html`<p>${certifierText(web).youTookPartInThisCase}</p>`}
  </section>
</div>`
    : facts
}`;
}
