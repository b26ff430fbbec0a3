import type { LocationEntity } from '@keurmerk/locations';
import type { ObjectionRemedy, ObjectionView } from '@keurmerk/objections';
import { badge, html, type Html } from '../layout';
import { formatDate, formatDateTime, type WebContext } from '../web-context';
import { addressLine } from './page-parts';
import { sharedText } from './shared.texts';

/* An objection as every role's page shows it: its status (overdue called out in words, not colour alone) and its facts. */

export function objectionStatus(web: WebContext, objection: ObjectionView): Html {
  const words = sharedText(web).objection;
  if (objection.status === 'besloten' && objection.outcome) {
    return badge(words.outcome[objection.outcome], objection.outcome === 'gegrond' ? 'ok' : 'neutral');
  }
  return html`${badge(words.status.ingediend, 'info')}${objection.overdue ? html` ${badge(words.overdue, 'bad')}` : ''}`;
}

export function contestedText(web: WebContext, objection: Pick<ObjectionView, 'contested'>): string {
  return sharedText(web).objection.contested[objection.contested];
}

/** What is contested, with the certificate's number where there is one: "Schorsing · KM-2026-000123-3". */
export function contestedSubject(
  web: WebContext,
  objection: { contested: ObjectionView['contested']; certificateNumber?: string | null },
): string {
  const words = sharedText(web).objection.contested[objection.contested];
  return objection.certificateNumber ? `${words} · ${objection.certificateNumber}` : words;
}

export function remedyText(web: WebContext, remedy: ObjectionRemedy): string {
  const words = sharedText(web).objection;
  const done =
    remedy.kind === 'besluit-heropend'
      ? words.remedyReopened
      : remedy.kind === 'hersteld'
        ? words.remedyReinstated(remedy.certificateNumber ?? '')
        : remedy.kind === 'nieuw-certificaat'
          ? words.remedyNewCertificate(remedy.certificateNumber ?? '')
          : words.remedyNone;
  return remedy.planningRequestId && remedy.kind !== 'geen' ? `${done} ${words.remedyReinspection}` : done;
}

/** The case, the grounds and (once decided) the decision; `inspectionHref` links the contested inspection where the role may open it. */
export function objectionFacts(
  web: WebContext,
  objection: ObjectionView,
  location: LocationEntity | undefined,
  inspectionHref?: string,
): Html {
  const words = sharedText(web).objection;
  const subject = objection.certificateNumber
    ? html`${words.certificate} ${objection.certificateNumber}`
    : inspectionHref
      ? html`<a href="${inspectionHref}">${words.inspection}</a>`
      : html`${words.inspection}`;
  return html`<dl class="facts objection-facts">
  ${location ? html`<dt>${words.address}</dt><dd>${addressLine(location)}</dd>` : ''}
  <dt>${words.contestedLabel}</dt><dd>${contestedText(web, objection)} · ${subject}</dd>
  <dt>${words.effectOn}</dt><dd>${formatDate(web, objection.effectOn)}</dd>
  <dt>${words.filedOn}</dt><dd>${formatDateTime(web, objection.filedAt)}</dd>
  <dt>${words.decisionDue}</dt><dd>${formatDate(web, objection.decisionDue)}</dd>
  <dt>${words.statusLabel}</dt><dd>${objectionStatus(web, objection)}</dd>
</dl>
<h3>${words.grounds}</h3>
<p class="remark">${objection.grounds}</p>
${
  objection.status === 'besloten' && objection.outcome
    ? html`<div class="objection-decision"><h3>${words.decision}</h3>
<dl class="facts">
  <dt>${words.decidedOn}</dt><dd>${formatDateTime(web, objection.decidedAt)}</dd>
  <dt>${words.explanation}</dt><dd class="remark">${objection.explanation ?? ''}</dd>
  ${objection.remedy ? html`<dt>${words.consequence}</dt><dd>${remedyText(web, objection.remedy)}</dd>` : ''}
</dl></div>`
    : ''
}`;
}
