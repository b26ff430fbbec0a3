import type { InspectionEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import type { InspectionResult, NormVersion } from '@keurmerk/norm';
import { csrfField, type Html, html } from '../layout';
import { type WebContext } from '../web-context';
import { resultFigures } from '../shared/inspection.view';
import { findingsTable, inspectionFacts, inspectionPath } from './checklist.view';
import { auditorText } from './auditor.texts';

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
  /** The last attempt came without the tick that the answers were checked. */
  unconfirmed?: boolean;
}

/** Before submitting: the findings the answers lead to, and the maximum residents, then the button. */
export function submitBody(web: WebContext, summary: SubmitSummary): Html {
  const { inspection, norm, preview } = summary;
  const back = inspectionPath(inspection.id);
  return html`${
    summary.message
      ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${auditorText(web).notSubmitted}</h2><p>${summary.message}</p></div>`
      : ''
  }
<div class="card">${inspectionFacts(web, inspection, summary.location)}</div>
${
  summary.unanswered.length > 0
    ? html`<div class="warning" role="note">
  <h2>${auditorText(web).criteriaStillWithoutAnswer(summary.unanswered.length)}</h2>
  <p>${auditorText(web).answerEveryCriterionFirstThen}</p>
  <ul class="unanswered">${summary.unanswered.map((code) => html`<li><a href="${back}#criterium-${code}">${code}</a></li>`)}</ul>
</div>`
    : ''
}
${
  preview
    ? html`<section class="card" aria-labelledby="overzicht-titel">
  <h2 id="overzicht-titel">${auditorText(web).summaryOfFindings}</h2>
  ${resultFigures(web, preview)}
  ${findingsTable(web, norm, [...preview.findings])}
</section>
<form method="post" action="${back}/indienen" class="actions">
  ${csrfField(web)}
  <div class="field confirm${summary.unconfirmed ? ' field--error' : ''}">
    ${summary.unconfirmed ? html`<p class="error" id="veld-bevestigd-fout">${auditorText(web).confirmFirst}</p>` : ''}
    <label><input type="checkbox" name="bevestigd" value="ja" id="veld-bevestigd" required${
      summary.unconfirmed ? html` aria-invalid="true" aria-describedby="veld-bevestigd-fout"` : ''
    }> ${auditorText(web).confirmSubmission(preview.findings.length)}</label>
  </div>
  <button type="submit">${auditorText(web).submitForGood}</button>
  <a href="${back}">${auditorText(web).backToTheChecklist}</a>
</form>`
    : html`<p><a class="button button--secondary" href="${back}">${auditorText(web).backToTheChecklist}</a></p>`
}`;
}
