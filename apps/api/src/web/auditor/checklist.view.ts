import { randomUUID } from 'node:crypto';
import type { DocumentEntity } from '@keurmerk/documents';
import { type AnswerEntity, type FindingEntity, type InspectionEntity, isOpenForAnswers } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import {
  type Criterion,
  type InspectionResult,
  MAX_REMARK_LENGTH,
  type MeasurementRule,
  type MeasurementUnit,
  type NormVersion,
  resolveMeasurementRule,
} from '@keurmerk/norm';
import { badge, csrfField, emptyState, errorSummary, type FieldErrors, type Html, html, uploadAction } from '../layout';
import { addressLine } from '../shared/page-parts';
import { criterionTitleText, normGuidance, normTitle } from '../shared/norm-texts';
import { statusBadge, statusText } from '../labels';
import { formatDate, formatDateTime, formatNumber, type WebContext } from '../web-context';
import { kindText, personsText, resultFigures } from '../shared/inspection.view';
import { sharedText } from '../shared/shared.texts';
import { auditorText } from './auditor.texts';

/** The rule a measured field needs in the browser: the variant is already chosen by @keurmerk/norm. */
export function clientRule(rule: MeasurementRule): Omit<MeasurementRule, 'variantIndex'> {
  const { variantIndex: _chosen, ...data } = rule;
  return data;
}

export function inspectionPath(id: string): string {
  return `/app/keuringen/${id}`;
}

function unitText(web: WebContext, unit: MeasurementUnit): string {
  switch (unit) {
    case 'm2':
      return 'm²';
    case 'm3':
      return 'm³';
    case 'liter':
      return auditorText(web).litres;
    case 'aantal':
      return auditorText(web).count;
  }
}

/** Texts the page's script shows, in the page's language; `{n}` is filled in there. */
function clientTexts(web: WebContext): Record<string, string> {
  return {
    supportsOne: sharedText(web).supports1Person,
    supportsMany: auditorText(web).supportsNPersons,
    waiting: auditorText(web).waitingForAConnection,
    remarkNeeded: auditorText(web).describeWhatFails,
    saved: auditorText(web).saved,
    rejected: auditorText(web).notSavedReden,
    pendingOne: auditorText(web).n1ChangeWaitingConnection,
    pendingMany: auditorText(web).nChangesWaitingConnection,
    syncing: auditorText(web).saving,
    allSaved: auditorText(web).everythingSaved,
    signIn: auditorText(web).signAgainSaveChangesThey,
    offlineReady: auditorText(web).thisInspectionAlsoWorksWithout,
    syncFirst: auditorText(web).allChangesMustSavedFirst,
    photoWaiting: auditorText(web).photoWaitingConnection,
  };
}

export interface ChecklistData {
  inspection: InspectionEntity;
  location: LocationEntity;
  norm: NormVersion;
  answers: AnswerEntity[];
  evidence: DocumentEntity[];
  findings: FindingEntity[];
  /** Problems of a form that came back, by field id (`RU-01-meetwaarde`). */
  errors?: FieldErrors;
  /** The value typed into a form that came back, so it is not lost. */
  typed?: { code: string; meetwaarde?: string; resultaat?: string; opmerking?: string };
}

/** Inspection facts shared by the checklist and the summary before submitting. */
export function inspectionFacts(web: WebContext, inspection: InspectionEntity, location: LocationEntity): Html {
  return html`<dl class="facts">
  <dt>${auditorText(web).address}</dt><dd>${addressLine(location)}</dd>
  <dt>${auditorText(web).date}</dt><dd>${formatDateTime(web, inspection.plannedAt)}</dd>
  <dt>${auditorText(web).kind}</dt><dd>${kindText(web, inspection.kind)}</dd>
  <dt>${auditorText(web).status}</dt><dd>${statusBadge(web, 'inspection', inspection.status)}</dd>
  <dt>${auditorText(web).norm}</dt><dd>${auditorText(web).version} ${inspection.normVersion}</dd>
  <dt>${auditorText(web).requested}</dt><dd>${auditorText(web).beds(location.requestedBeds)}</dd>
</dl>`;
}

/** The checklist, section by section; answerable while the inspection is open, read-only after. */
export function checklistBody(web: WebContext, data: ChecklistData): Html {
  const { inspection, location, norm } = data;
  const open = isOpenForAnswers(inspection.status);
  const answers = new Map(data.answers.map((answer) => [answer.criterionCode, answer]));
  const evidence = groupBy(data.evidence, (document) => document.criterionCode ?? '');
  const measured = data.answers.filter((answer) => answer.personsSupported !== null).map((answer) => answer.personsSupported as number);
  // The server's figure for a page without script: the lowest capacity the platform judged so far.
  // Nothing measured yet: no maximum to show (the requested beds are not a measurement).
  const runningMax = measured.length ? Math.min(location.requestedBeds, ...measured) : undefined;
  const short = runningMax !== undefined && runningMax < location.requestedBeds;
  const total = norm.sections.reduce((sum, section) => sum + section.criteria.length, 0);
  return html`<div class="checklist" data-checklist data-inspection="${inspection.id}"${
    open ? html` data-open` : ''
  } data-texts="${JSON.stringify(clientTexts(web))}">
${errorSummary(web, data.errors ?? {})}
${inspection.result ? resultCard(web, data, inspection.result) : ''}
<div class="card">${inspectionFacts(web, inspection, location)}</div>
${
  open
    ? html`<div class="capacity-bar${short ? ' capacity-bar--short' : ''}" data-requested="${location.requestedBeds}">
  <p class="capacity-figure"><span>${auditorText(web).maximumResidentsSoFar}</span> <strong data-running-max>${
    runningMax ?? '–'
  }</strong> <span
    class="capacity-of">${auditorText(web).ofRequested(location.requestedBeds)}</span></p>
  <p class="sync-state" role="status" aria-live="polite" data-sync-state>${auditorText(web).ofCriteriaAnswered(
    data.answers.length,
    total,
  )}</p>
  <button type="button" class="button--secondary sync-now" data-sync-now hidden>${auditorText(web).saveNow}</button>
</div>
<p class="muted offline-note" data-offline-note hidden></p>`
    : ''
}
<nav class="section-index" aria-label="${auditorText(web).sectionsOfTheNorm}"><ul>${norm.sections.map((section) => {
    const answered = section.criteria.filter((criterion) => answers.has(criterion.code)).length;
    return html`<li><a href="#sectie-${section.code}">${normTitle(web, section)} <span class="count" data-section-count="${
      section.code
    }">${answered}/${section.criteria.length}</span></a></li>`;
  })}</ul></nav>
${norm.sections.map(
  (section) => html`<section class="norm-section" id="sectie-${section.code}" aria-labelledby="sectie-${section.code}-titel">
  <h2 id="sectie-${section.code}-titel">${section.code} · ${normTitle(web, section)}</h2>
  ${section.criteria.map((criterion) =>
    criterionBlock(web, data, criterion, answers.get(criterion.code), evidence.get(criterion.code) ?? [], open),
  )}
</section>`,
)}
${
  open
    ? html`<div class="card submit-card">
  <h2>${auditorText(web).submit}</h2>
  <p>${auditorText(web).firstReviewSummaryFindingsThen}</p>
  <p><a class="button" href="${inspectionPath(inspection.id)}/indienen" data-submit-link>${auditorText(web).summaryAndSubmit}</a></p>
  <p class="error" data-submit-error hidden></p>
</div>`
    : ''
}
</div>`;
}

function criterionBlock(
  web: WebContext,
  data: ChecklistData,
  criterion: Criterion,
  answer: AnswerEntity | undefined,
  documents: DocumentEntity[],
  open: boolean,
): Html {
  const typed = data.typed?.code === criterion.code ? data.typed : undefined;
  const rule = criterion.kind === 'measured' ? JSON.stringify(clientRule(resolveMeasurementRule(criterion, data.location))) : '';
  const failed = answer?.result === 'voldoet-niet';
  return html`<article class="criterion${answer ? ' criterion--answered' : ''}${
    failed ? ' criterion--failed' : ''
  }" id="criterium-${criterion.code}" data-criterion="${criterion.code}" data-kind="${criterion.kind}"${
    rule ? html` data-rule="${rule}"` : ''
  }>
  <div class="criterion-head">
    <h3><span class="code">${criterion.code}</span> ${normTitle(web, criterion)}</h3>
    ${statusBadge(web, 'severity', criterion.severity)}
  </div>
  <details class="guidance"><summary>${auditorText(web).guidance}</summary>${normGuidance(web, criterion)}</details>
  ${open ? answerForm(web, data, criterion, answer, typed) : answerText(web, criterion, answer)}
  ${evidenceBlock(web, data, criterion, documents, open)}
</article>`;
}

function answerForm(
  web: WebContext,
  data: ChecklistData,
  criterion: Criterion,
  answer: AnswerEntity | undefined,
  typed: ChecklistData['typed'],
): Html {
  const code = criterion.code;
  const errors = data.errors ?? {};
  const remark = typed?.opmerking ?? answer?.remark ?? '';
  const action = `${inspectionPath(data.inspection.id)}/antwoorden/${code}`;
  return html`<form class="answer" method="post" action="${action}#criterium-${code}" novalidate>
    ${csrfField(web)}
    ${
      criterion.kind === 'measured'
        ? measuredField(web, criterion, answer, typed, errors[`${code}-meetwaarde`], data.location.requestedBeds)
        : yesNoField(web, criterion, answer, typed, errors[`${code}-resultaat`])
    }
    <details class="remark"${remark ? html` open` : ''}>
      <summary>${auditorText(web).remark}</summary>
      <div class="field${errors[`${code}-opmerking`] ? ' field--error' : ''}">
        <label for="veld-${code}-opmerking">${auditorText(web).remarkOptional}</label>
        ${errors[`${code}-opmerking`] ? html`<p class="error">${errors[`${code}-opmerking`]}</p>` : ''}
        <textarea id="veld-${code}-opmerking" name="opmerking" maxlength="${MAX_REMARK_LENGTH}" rows="3">${remark}</textarea>
      </div>
    </details>
    <div class="answer-foot">
      <button type="submit" class="button--secondary no-js-only">${auditorText(web).saveAnswer}</button>
      <p class="answer-state" data-answer-state>${answer ? auditorText(web).saved : ''}</p>
    </div>
  </form>`;
}

function measuredField(
  web: WebContext,
  criterion: Criterion & { kind: 'measured' },
  answer: AnswerEntity | undefined,
  typed: ChecklistData['typed'],
  error: string | undefined,
  requestedBeds: number,
): Html {
  const id = `veld-${criterion.code}-meetwaarde`;
  const value = typed?.meetwaarde ?? (answer?.measurement !== null && answer?.measurement !== undefined ? String(answer.measurement) : '');
  const persons = answer?.personsSupported;
  return html`<div class="field measured${error ? ' field--error' : ''}">
    <label for="${id}">${auditorText(web).measurement} (${unitText(web, criterion.unit)})</label>
    ${error ? html`<p class="error" id="${id}-fout">${error}</p>` : ''}
    <div class="measure-row">
      <input id="${id}" name="meetwaarde" type="number" min="0" step="${
        criterion.unit === 'aantal' ? '1' : 'any'
      }" inputmode="${criterion.unit === 'aantal' ? 'numeric' : 'decimal'}" value="${value}" aria-describedby="${id}-steunt${
        error ? ` ${id}-fout` : ''
      }"${error ? html` aria-invalid="true"` : ''} data-measurement>
      <output id="${id}-steunt" for="${id}" class="supports${supportsClass(persons, requestedBeds)}" data-supports>${
        persons !== null && persons !== undefined ? personsText(web, persons) : ''
      }</output>
    </div>
  </div>`;
}

/** Green only when the measurement supports every requested bed; a warning when fewer, red for none. */
function supportsClass(persons: number | null | undefined, requestedBeds: number): string {
  if (persons === null || persons === undefined) return '';
  if (persons === 0) return ' supports--none';
  return persons < requestedBeds ? ' supports--short' : '';
}

function yesNoField(
  web: WebContext,
  criterion: Criterion & { kind: 'yes-no' },
  answer: AnswerEntity | undefined,
  typed: ChecklistData['typed'],
  error: string | undefined,
): Html {
  const chosen = typed?.resultaat ?? answer?.result;
  const results = auditorText(web).answerResults;
  const options: [string, string][] = [
    ['voldoet', results.voldoet],
    ['voldoet-niet', results['voldoet-niet']],
  ];
  // The norm says where "nvt" may be answered, and never on a knock-out (see @keurmerk/norm's validateAnswer).
  if (criterion.notApplicableAllowed && criterion.severity !== 'knock-out') options.push(['nvt', results.nvt]);
  const id = `veld-${criterion.code}-resultaat`;
  return html`<fieldset class="${error ? 'field--error' : ''}"${error ? html` aria-describedby="${id}-fout"` : ''}>
    <legend>${auditorText(web).judgement}</legend>
    ${error ? html`<p class="error" id="${id}-fout">${error}</p>` : ''}
    <div class="choices">${options.map(
      ([value, label], index) =>
        html`<label><input type="radio" name="resultaat" value="${value}"${index === 0 ? html` id="${id}"` : ''}${
          chosen === value ? html` checked` : ''
        } data-result> ${label}</label>`,
    )}</div>
  </fieldset>`;
}

function answerText(web: WebContext, criterion: Criterion, answer: AnswerEntity | undefined): Html {
  if (!answer) return html`<p class="muted">${auditorText(web).notAnswered}</p>`;
  const result =
    answer.result === 'voldoet'
      ? auditorText(web).meets
      : answer.result === 'nvt'
        ? auditorText(web).notApplicable
        : auditorText(web).doesNotMeet;
  return html`<dl class="facts answer-facts">
    ${
      criterion.kind === 'measured'
        ? html`<dt>${auditorText(web).measurement}</dt><dd>${formatNumber(
            web,
            answer.measurement ?? 0,
          )}${criterion.unit === 'aantal' ? '' : ` ${unitText(web, criterion.unit)}`} · ${personsText(
            web,
            answer.personsSupported ?? 0,
          )}</dd>`
        : ''
    }
    <dt>${auditorText(web).judgement}</dt><dd>${badge(
      result,
      answer.result === 'voldoet-niet' ? 'bad' : answer.result === 'nvt' ? 'neutral' : 'ok',
    )}</dd>
    ${answer.remark ? html`<dt>${auditorText(web).remark}</dt><dd>${answer.remark}</dd>` : ''}
  </dl>`;
}

function evidenceBlock(web: WebContext, data: ChecklistData, criterion: Criterion, documents: DocumentEntity[], open: boolean): Html {
  const code = criterion.code;
  const id = `veld-${code}-foto`;
  const list = html`<ul class="evidence-list" data-evidence-list>${documents.map(
    (document) => html`<li><a href="${inspectionPath(data.inspection.id)}/bewijs/${document.id}">${document.fileName}</a></li>`,
  )}</ul>`;
  if (!open)
    return documents.length > 0 ? html`<div class="evidence"><p class="label">${auditorText(web).photos}</p>${list}</div>` : html``;
  const error = data.errors?.[`${code}-foto`];
  return html`<div class="evidence">
    ${list}
    <form class="photo${error ? ' field--error' : ''}" method="post" enctype="multipart/form-data" action="${uploadAction(
      web,
      `${inspectionPath(data.inspection.id)}/bewijs`,
    )}">
      ${csrfField(web)}
      <input type="hidden" name="criteriumCode" value="${code}">
      <input type="hidden" name="clientReferentie" value="${randomUUID()}">
      <label for="${id}" class="photo-label">${auditorText(web).addAPhoto}</label>
      ${error ? html`<p class="error">${error}</p>` : ''}
      <input id="${id}" type="file" name="bestand" accept="image/*" capture="environment" data-photo>
      <button type="submit" class="button--secondary no-js-only">${auditorText(web).uploadPhoto}</button>
    </form>
  </div>`;
}

/** The findings of an evaluation: which criteria fail, how severe, until when to repair. */
export function findingsTable(
  web: WebContext,
  norm: NormVersion,
  findings: { criterionCode: string; severity: string; repairDeadline: string | null }[],
): Html {
  if (findings.length === 0) return emptyState(auditorText(web).noFindingsEveryCriterionMet);
  return html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">${auditorText(web).findings}</caption>
  <thead><tr><th scope="col">${auditorText(web).criterion}</th><th scope="col">${auditorText(web).severity}</th><th
    scope="col">${auditorText(web).repairDeadline}</th></tr></thead>
  <tbody>${findings.map(
    (finding) => html`<tr>
    <td data-label="${auditorText(web).criterion}"><strong>${finding.criterionCode}</strong> ${criterionTitleText(
      web,
      norm,
      finding.criterionCode,
    )}</td>
    <td data-label="${auditorText(web).severity}">${statusBadge(web, 'severity', finding.severity)}</td>
    <td data-label="${auditorText(web).repairDeadline}">${
      finding.repairDeadline ? formatDate(web, finding.repairDeadline) : auditorText(web).noneBlocksTheCertificate
    }</td>
  </tr>`,
  )}</tbody>
</table></div>`;
}

/** Score, counts and the maximum residents of an evaluation, as figures. */
function resultCard(web: WebContext, data: ChecklistData, result: InspectionResult): Html {
  return html`<section class="card result" aria-labelledby="uitslag-titel">
  <h2 id="uitslag-titel">${auditorText(web).result}</h2>
  <p>${auditorText(web).submittedOn} ${formatDateTime(web, data.inspection.submittedAt)} · ${statusText(
    web,
    'inspection',
    data.inspection.status,
  )}</p>
  ${resultFigures(web, result)}
  <h3>${auditorText(web).findings}</h3>
  ${findingsTable(web, data.norm, data.findings)}
</section>`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
