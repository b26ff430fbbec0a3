import type { InspectionEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import type { InspectionResult, NormVersion } from '@keurmerk/norm';
import { csrfField, type Html, html } from '../layout';
import { t, type WebContext } from '../web-context';
import { findingsTable, inspectionFacts, inspectionPath, resultFigures } from './checklist.view';

export interface SubmitSummary {
  inspection: InspectionEntity;
  location: LocationEntity;
  norm: NormVersion;
  /** Criteria still without an answer, in norm order (from @keurmerk/norm). */
  unanswered: string[];
  /** What submitting would record, evaluated by @keurmerk/norm; absent while answers are missing. */
  preview?: InspectionResult;
  /** Why the last attempt was refused. */
  message?: string;
}

/** Before submitting: the findings the answers lead to, and the maximum residents, then the button. */
export function submitBody(web: WebContext, summary: SubmitSummary): Html {
  const { inspection, norm, preview } = summary;
  const back = inspectionPath(inspection.id);
  return html`${summary.message ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${t(web, 'Niet ingediend', 'Not submitted')}</h2><p>${summary.message}</p></div>` : ''}
<div class="card">${inspectionFacts(web, inspection, summary.location)}</div>
${summary.unanswered.length > 0
  ? html`<div class="warning" role="note">
  <h2>${t(web, `Nog ${summary.unanswered.length} criteria zonder antwoord`, `${summary.unanswered.length} criteria still without an answer`)}</h2>
  <p>${t(web, 'Beantwoord eerst alle criteria; daarna kunt u indienen.', 'Answer every criterion first; then you can submit.')}</p>
  <ul class="unanswered">${summary.unanswered.map((code) => html`<li><a href="${back}#criterium-${code}">${code}</a></li>`)}</ul>
</div>`
  : ''}
${preview
  ? html`<section class="card" aria-labelledby="overzicht-titel">
  <h2 id="overzicht-titel">${t(web, 'Overzicht van de bevindingen', 'Summary of findings')}</h2>
  ${resultFigures(web, preview)}
  ${findingsTable(web, norm, [...preview.findings])}
</section>
<form method="post" action="${back}/indienen" class="actions">
  ${csrfField(web)}
  <button type="submit">${t(web, 'Definitief indienen', 'Submit for good')}</button>
  <a href="${back}">${t(web, 'Terug naar de checklist', 'Back to the checklist')}</a>
</form>
<p class="muted">${t(web, 'Na het indienen liggen de antwoorden vast en beslist een certificeerder.', 'After submitting, the answers are frozen and a certifier decides.')}</p>`
  : html`<p><a class="button button--secondary" href="${back}">${t(web, 'Terug naar de checklist', 'Back to the checklist')}</a></p>`}`;
}
