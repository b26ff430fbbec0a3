import type { DocumentEntity } from '@keurmerk/documents';
import type { AnswerEntity, DecisionEntity, FindingEntity, InspectionEntity, RepairReportEntity } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import type { Criterion, NormVersion } from '@keurmerk/norm';
import { addressOf, kindText, personsText, resultFigures } from '../auditor/checklist.view';
import { statusBadge } from '../labels';
import { badge, csrfField, emptyState, errorSummary, type FieldErrors, type Html, html } from '../layout';
import { formatDate, formatDateTime, formatNumber, t, type WebContext } from '../web-context';
import { isImage } from './stored-file';

export const DECISIONS_PATH = '/app/besluiten';
export const REVIEWS_PATH = '/app/besluiten/bevindingen';
/** Explanations of a decision or a review: the REST API's limit. */
export const MAX_EXPLANATION = 4000;

export function decisionPath(inspectionId: string): string {
  return `${DECISIONS_PATH}/${inspectionId}`;
}

export interface WaitingRow {
  inspection: InspectionEntity;
  location?: LocationEntity;
  auditorName: string;
}

export function waitingBody(web: WebContext, rows: WaitingRow[], pager: Html): Html {
  if (rows.length === 0) return emptyState(t(web, 'Er wachten geen ingediende keuringen op een besluit.', 'No submitted inspections are waiting for a decision.'));
  const label = {
    address: t(web, 'Adres', 'Address'),
    submitted: t(web, 'Ingediend', 'Submitted'),
    kind: t(web, 'Soort', 'Kind'),
    auditor: t(web, 'Auditor', 'Auditor'),
    result: t(web, 'Uitslag', 'Result'),
  };
  return html`<p>${t(web, `${rows.length === 1 ? '1 keuring wacht' : `${rows.length} keuringen wachten`} op een besluit, oudste eerst.`, `${rows.length === 1 ? '1 inspection is' : `${rows.length} inspections are`} waiting for a decision, oldest first.`)}</p>
<div class="table-wrap"><table class="stack waiting">
  <caption class="visually-hidden">${t(web, 'Keuringen die wachten op een besluit', 'Inspections waiting for a decision')}</caption>
  <thead><tr><th scope="col">${label.address}</th><th scope="col">${label.submitted}</th><th scope="col">${label.kind}</th><th scope="col">${label.auditor}</th><th scope="col">${label.result}</th></tr></thead>
  <tbody>${rows.map(({ inspection, location, auditorName }) => {
    const result = inspection.result;
    return html`<tr>
    <td data-label="${label.address}"><a class="decide-link" href="${decisionPath(inspection.id)}">${location ? addressOf(location) : t(web, 'Keuring', 'Inspection')}</a></td>
    <td data-label="${label.submitted}">${formatDateTime(web, inspection.submittedAt)}</td>
    <td data-label="${label.kind}">${kindText(web, inspection.kind)}</td>
    <td data-label="${label.auditor}">${auditorName}</td>
    <td data-label="${label.result}">${result ? resultSummary(web, result) : ''}</td>
  </tr>`;
  })}</tbody>
</table></div>
${pager}`;
}

function resultSummary(web: WebContext, result: NonNullable<InspectionEntity['result']>): Html {
  const severities = html`${result.knockOuts > 0 ? badge(`${result.knockOuts} knock-out`, 'bad') : ''} ${result.majors > 0 ? badge(`${result.majors} major`, 'warn') : ''} ${result.minors > 0 ? badge(`${result.minors} minor`, 'neutral') : ''}`;
  const clean = result.knockOuts + result.majors + result.minors === 0;
  return html`<span class="result-summary">${t(web, `score ${result.score}, max. ${result.maximumResidents} bewoners`, `score ${result.score}, max. ${result.maximumResidents} residents`)} ${clean ? badge(t(web, 'geen bevindingen', 'no findings'), 'ok') : severities}</span>`;
}

export interface DecisionPageData {
  inspection: InspectionEntity;
  location: LocationEntity;
  norm: NormVersion;
  answers: AnswerEntity[];
  evidence: DocumentEntity[];
  findings: FindingEntity[];
  decision: DecisionEntity | null;
  auditorName: string;
  /** A decision form that came back. */
  errors?: FieldErrors;
  message?: string;
  typed?: { uitkomst: string; toelichting: string };
}

function unitText(web: WebContext, unit: string): string {
  const units: Record<string, string> = { m2: 'm²', m3: 'm³', liter: t(web, 'liter', 'litres'), aantal: '' };
  return units[unit] ?? unit;
}

function answerBadge(web: WebContext, answer: AnswerEntity | undefined): Html {
  if (!answer) return badge(t(web, 'Geen antwoord', 'No answer'), 'neutral');
  if (answer.result === 'voldoet') return badge(t(web, 'Voldoet', 'Meets'), 'ok');
  if (answer.result === 'nvt') return badge(t(web, 'Niet van toepassing', 'Not applicable'), 'neutral');
  return badge(t(web, 'Voldoet niet', 'Does not meet'), 'bad');
}

function photos(web: WebContext, inspectionId: string, documents: DocumentEntity[]): Html {
  if (documents.length === 0) return html``;
  return html`<ul class="photos">${documents.map((document) => {
    const href = `${decisionPath(inspectionId)}/bewijs/${document.id}`;
    return isImage(document)
      ? html`<li><a href="${href}" target="_blank" rel="noopener"><img src="${href}" alt="${t(web, 'Foto', 'Photo')}: ${document.fileName}" loading="lazy" width="160" height="120"></a></li>`
      : html`<li><a href="${href}">${document.fileName}</a></li>`;
  })}</ul>`;
}

function criterionAnswer(web: WebContext, data: DecisionPageData, criterion: Criterion, answer: AnswerEntity | undefined, evidence: DocumentEntity[]): Html {
  const failed = answer?.result === 'voldoet-niet';
  const measurement =
    criterion.kind === 'measured' && answer?.measurement !== null && answer?.measurement !== undefined
      ? html`<p class="measurement">${t(web, 'Gemeten', 'Measured')}: <strong>${formatNumber(web, answer.measurement)} ${unitText(web, criterion.unit)}</strong>${answer.personsSupported !== null ? html` · ${personsText(web, answer.personsSupported)}` : ''}</p>`
      : '';
  return html`<li class="answer${failed ? ' answer--failed' : ''}" id="criterium-${criterion.code}">
  <div class="answer-head"><h4><span class="code">${criterion.code}</span> ${criterion.title}</h4>${answerBadge(web, answer)}</div>
  ${measurement}
  ${answer?.remark ? html`<p class="remark">${answer.remark}</p>` : ''}
  ${photos(web, data.inspection.id, evidence)}
</li>`;
}

function answersSection(web: WebContext, data: DecisionPageData): Html {
  const answers = new Map(data.answers.map((answer) => [answer.criterionCode, answer]));
  const evidence = new Map<string, DocumentEntity[]>();
  for (const document of data.evidence) evidence.set(document.criterionCode ?? '', [...(evidence.get(document.criterionCode ?? '') ?? []), document]);
  return html`<section class="answers" aria-labelledby="antwoorden">
  <h2 id="antwoorden">${t(web, 'Antwoorden en foto’s', 'Answers and photos')}</h2>
  ${data.norm.sections.map(
    (section) => html`<section class="card norm-section" aria-labelledby="sectie-${section.code}">
    <h3 id="sectie-${section.code}">${section.code} · ${section.title}</h3>
    <ul class="answer-list">${section.criteria.map((criterion) => criterionAnswer(web, data, criterion, answers.get(criterion.code), evidence.get(criterion.code) ?? []))}</ul>
  </section>`,
  )}
  ${evidence.get('')?.length ? html`<section class="card"><h3>${t(web, 'Overige foto’s', 'Other photos')}</h3>${photos(web, data.inspection.id, evidence.get('')!)}</section>` : ''}
</section>`;
}

function criterionTitle(norm: NormVersion, code: string): string {
  for (const section of norm.sections) {
    const found = section.criteria.find((criterion) => criterion.code === code);
    if (found) return found.title;
  }
  return '';
}

function findingsList(web: WebContext, data: DecisionPageData): Html {
  if (data.findings.length === 0) return html`<p>${badge(t(web, 'Geen bevindingen', 'No findings'), 'ok')} ${t(web, 'Alle criteria voldoen.', 'Every criterion is met.')}</p>`;
  return html`<ul class="finding-list">${data.findings.map(
    (finding) => html`<li>
    <p><a href="#criterium-${finding.criterionCode}"><strong>${finding.criterionCode}</strong></a> ${criterionTitle(data.norm, finding.criterionCode)}</p>
    <p class="finding-meta">${statusBadge(web, 'severity', finding.severity)} ${statusBadge(web, 'finding', finding.status)}
    <span>${finding.repairDeadline ? html`${t(web, 'herstel vóór', 'repair by')} ${formatDate(web, finding.repairDeadline)}` : t(web, 'geen hersteltermijn', 'no repair deadline')}</span></p>
  </li>`,
  )}</ul>`;
}

function decisionForm(web: WebContext, data: DecisionPageData): Html {
  const errors = data.errors ?? {};
  const outcome = data.typed?.uitkomst ?? '';
  return html`<form method="post" action="${decisionPath(data.inspection.id)}" class="decision-form">
  ${csrfField(web)}
  <fieldset class="field${errors.uitkomst ? ' field--error' : ''}" id="veld-uitkomst"${errors.uitkomst ? html` aria-describedby="veld-uitkomst-fout"` : ''}>
    <legend>${t(web, 'Uitkomst', 'Outcome')}</legend>
    ${errors.uitkomst ? html`<p class="error" id="veld-uitkomst-fout">${errors.uitkomst}</p>` : ''}
    <div class="choices">
      <label><input type="radio" name="uitkomst" value="toekennen"${outcome === 'toekennen' ? html` checked` : ''}> ${t(web, 'Toekennen', 'Grant')}</label>
      <label><input type="radio" name="uitkomst" value="afwijzen"${outcome === 'afwijzen' ? html` checked` : ''}> ${t(web, 'Afwijzen', 'Refuse')}</label>
    </div>
  </fieldset>
  <div class="field${errors.toelichting ? ' field--error' : ''}">
    <label for="veld-toelichting">${t(web, 'Toelichting', 'Explanation')}</label>
    <p class="hint" id="veld-toelichting-hint">${t(web, 'Komt in het dossier en is zichtbaar voor de verhuurder.', 'Goes into the file and is visible to the landlord.')}</p>
    ${errors.toelichting ? html`<p class="error" id="veld-toelichting-fout">${errors.toelichting}</p>` : ''}
    <textarea id="veld-toelichting" name="toelichting" maxlength="${MAX_EXPLANATION}" required aria-describedby="veld-toelichting-hint${errors.toelichting ? ' veld-toelichting-fout' : ''}"${errors.toelichting ? html` aria-invalid="true"` : ''}>${data.typed?.toelichting ?? ''}</textarea>
  </div>
  <button type="submit">${t(web, 'Besluit vastleggen', 'Record the decision')}</button>
</form>`;
}

function decisionResult(web: WebContext, decision: DecisionEntity): Html {
  const granted = decision.outcome === 'toekennen';
  return html`<div class="decision-result">
  <p>${granted ? badge(t(web, 'Toegekend', 'Granted'), 'ok') : badge(t(web, 'Afgewezen', 'Refused'), 'bad')} ${t(web, 'op', 'on')} ${formatDateTime(web, decision.decidedAt)}</p>
  <p class="remark">${decision.explanation}</p>
</div>`;
}

export function decisionBody(web: WebContext, data: DecisionPageData): Html {
  const { inspection, location } = data;
  const result = inspection.result;
  return html`${errorSummary(web, data.errors ?? {}, data.message)}
<p class="back"><a href="${DECISIONS_PATH}">${t(web, '← Alle keuringen die wachten', '← All waiting inspections')}</a></p>
<div class="decision-layout">
  <aside class="decision-aside" aria-label="${t(web, 'Uitslag en besluit', 'Result and decision')}">
    <section class="card" aria-labelledby="keuring">
      <h2 id="keuring">${t(web, 'Keuring', 'Inspection')}</h2>
      <dl class="facts">
        <dt>${t(web, 'Status', 'Status')}</dt><dd>${statusBadge(web, 'inspection', inspection.status)}</dd>
        <dt>${t(web, 'Soort', 'Kind')}</dt><dd>${kindText(web, inspection.kind)}</dd>
        <dt>${t(web, 'Auditor', 'Auditor')}</dt><dd>${data.auditorName}</dd>
        <dt>${t(web, 'Ingediend', 'Submitted')}</dt><dd>${formatDateTime(web, inspection.submittedAt)}</dd>
        <dt>${t(web, 'Norm', 'Norm')}</dt><dd>${t(web, 'versie', 'version')} ${inspection.normVersion}</dd>
        <dt>${t(web, 'Aangevraagd', 'Requested')}</dt><dd>${t(web, `${location.requestedBeds} slaapplaatsen`, `${location.requestedBeds} beds`)}</dd>
      </dl>
    </section>
    <section class="card" aria-labelledby="uitslag">
      <h2 id="uitslag">${t(web, 'Uitslag', 'Result')}</h2>
      ${result ? resultFigures(web, result) : ''}
      <h3>${t(web, 'Bevindingen', 'Findings')}</h3>
      ${findingsList(web, data)}
    </section>
    <section class="card" aria-labelledby="besluit">
      <h2 id="besluit">${t(web, 'Besluit', 'Decision')}</h2>
      ${data.decision ? decisionResult(web, data.decision) : inspection.status === 'ingediend' ? decisionForm(web, data) : html`<p>${t(web, 'Deze keuring is nog niet ingediend.', 'This inspection has not been submitted yet.')}</p>`}
    </section>
  </aside>
  ${answersSection(web, data)}
</div>`;
}

export interface ReviewItem {
  finding: FindingEntity;
  location?: LocationEntity;
  title: string;
  /** The report awaiting review, with its evidence; earlier (rejected) reports for context. */
  pending?: { report: RepairReportEntity; evidence: DocumentEntity[] };
  earlier: RepairReportEntity[];
}

export interface ReviewPageData {
  items: ReviewItem[];
  pager: Html;
  /** A review form that came back: which finding, what was typed, what is wrong. */
  failed?: { findingId: string; akkoord: string; toelichting: string; errors: FieldErrors };
  message?: string;
}

function evidenceLinks(web: WebContext, item: ReviewItem): Html {
  const pending = item.pending!;
  if (pending.evidence.length === 0) return html`<p class="muted">${t(web, 'Geen bewijs bijgevoegd.', 'No evidence attached.')}</p>`;
  return html`<ul class="photos">${pending.evidence.map((document) => {
    const href = `${REVIEWS_PATH}/${item.finding.id}/herstel/${pending.report.id}/${document.id}`;
    return isImage(document)
      ? html`<li><a href="${href}" target="_blank" rel="noopener"><img src="${href}" alt="${t(web, 'Bewijs', 'Evidence')}: ${document.fileName}" loading="lazy" width="160" height="120"></a></li>`
      : html`<li><a href="${href}">${document.fileName}</a></li>`;
  })}</ul>`;
}

function reviewForm(web: WebContext, item: ReviewItem, failed: ReviewPageData['failed']): Html {
  const own = failed?.findingId === item.finding.id ? failed : undefined;
  const errors = own?.errors ?? {};
  const id = (name: string) => `${name}-${item.finding.id}`;
  return html`<form method="post" action="${REVIEWS_PATH}/${item.finding.id}" class="review-form">
  ${csrfField(web)}
  <fieldset class="field${errors.akkoord ? ' field--error' : ''}"${errors.akkoord ? html` aria-describedby="${id('akkoord')}-fout"` : ''}>
    <legend>${t(web, 'Oordeel over het herstel', 'Judgement of the repair')}</legend>
    ${errors.akkoord ? html`<p class="error" id="${id('akkoord')}-fout">${errors.akkoord}</p>` : ''}
    <div class="choices">
      <label><input type="radio" name="akkoord" value="ja"${own?.akkoord === 'ja' ? html` checked` : ''}> ${t(web, 'Accepteren: bevinding sluiten', 'Accept: close the finding')}</label>
      <label><input type="radio" name="akkoord" value="nee"${own?.akkoord === 'nee' ? html` checked` : ''}> ${t(web, 'Afwijzen: bevinding weer open', 'Reject: reopen the finding')}</label>
    </div>
  </fieldset>
  <div class="field${errors.toelichting ? ' field--error' : ''}">
    <label for="${id('toelichting')}">${t(web, 'Toelichting', 'Explanation')}</label>
    ${errors.toelichting ? html`<p class="error" id="${id('toelichting')}-fout">${errors.toelichting}</p>` : ''}
    <textarea id="${id('toelichting')}" name="toelichting" maxlength="${MAX_EXPLANATION}" required${errors.toelichting ? html` aria-invalid="true" aria-describedby="${id('toelichting')}-fout"` : ''}>${own?.toelichting ?? ''}</textarea>
  </div>
  <button type="submit">${t(web, 'Oordeel vastleggen', 'Record the judgement')}</button>
</form>`;
}

export function reviewsBody(web: WebContext, data: ReviewPageData): Html {
  const intro = html`${errorSummary(web, {}, data.message)}`;
  if (data.items.length === 0) return html`${intro}${emptyState(t(web, 'Er wacht geen gemeld herstel op beoordeling.', 'No reported repairs are waiting for review.'))}`;
  return html`${intro}<ul class="review-list">${data.items.map(
    (item) => html`<li class="card review" id="bevinding-${item.finding.id}">
  <h2><span class="code">${item.finding.criterionCode}</span> ${item.title}</h2>
  <p class="muted">${item.location ? addressOf(item.location) : ''}</p>
  <p class="finding-meta">${statusBadge(web, 'severity', item.finding.severity)} ${statusBadge(web, 'finding', item.finding.status)}
    ${item.finding.repairDeadline ? html`<span>${t(web, 'herstel vóór', 'repair by')} ${formatDate(web, item.finding.repairDeadline)}</span>` : ''}
    <a href="${decisionPath(item.finding.inspectionId)}#criterium-${item.finding.criterionCode}">${t(web, 'Keuring bekijken', 'View the inspection')}</a></p>
  ${item.earlier.length > 0 ? html`<p class="muted">${t(web, `Eerder ${item.earlier.length}× herstel gemeld en afgewezen.`, `Repair reported and rejected ${item.earlier.length}× before.`)}</p>` : ''}
  ${item.pending
    ? html`<div class="cols">
    <div><h3>${t(web, 'Herstelmelding', 'Repair report')}</h3>
      <p class="muted">${formatDateTime(web, item.pending.report.reportedAt)}</p>
      <p class="remark">${item.pending.report.description}</p>
      ${evidenceLinks(web, item)}</div>
    <div>${reviewForm(web, item, data.failed)}</div>
  </div>`
    : ''}
</li>`,
  )}</ul>${data.pager}`;
}
