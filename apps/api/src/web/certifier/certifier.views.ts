import { MAX_EXPLANATION_LENGTH } from '@keurmerk/inspections';
import type { Page } from '@keurmerk/common';
import type { DocumentEntity } from '@keurmerk/documents';
import type {
  AnswerEntity,
  DecisionEntity,
  FindingEntity,
  InspectionEntity,
  InspectionExceptionData,
  RepairReportEntity,
} from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import type { Criterion, NormVersion } from '@keurmerk/norm';
import { kindText, personsText, resultFigures } from '../shared/inspection.view';
import { addressLine } from '../shared/page-parts';
import { criterionTitleText, normTitle } from '../shared/norm-texts';
import { pager, requiredDocumentsList } from '../shared/parts.view';
import { sharedText } from '../shared/shared.texts';
import { statusBadge, statusText } from '../labels';
import { badge, csrfField, emptyState, errorSummary, type FieldErrors, type Html, html } from '../layout';
import { formatDate, formatDateTime, formatNumber, type WebContext } from '../web-context';
import { isImage } from '../../http/content-disposition';
import { certifierText } from './certifier.texts';
import { decisionForm } from './decision-form.view';

export const DECISIONS_PATH = '/app/besluiten';
export const REVIEWS_PATH = '/app/besluiten/bevindingen';
/** Explanations of a decision or a review: the REST DTOs' limit, from the inspections feature's input rules. */
export const MAX_EXPLANATION = MAX_EXPLANATION_LENGTH;

export function decisionPath(inspectionId: string): string {
  return `${DECISIONS_PATH}/${inspectionId}`;
}

export interface WaitingRow {
  inspection: InspectionEntity;
  location?: LocationEntity;
  auditorName: string;
}

export function waitingBody(web: WebContext, rows: WaitingRow[], list: Page<unknown>): Html {
  if (rows.length === 0) return emptyState(certifierText(web).noSubmittedInspectionsWaitingDecision);
  const label = {
    address: certifierText(web).address,
    submitted: certifierText(web).submitted,
    kind: certifierText(web).kind,
    auditor: certifierText(web).auditor,
    result: certifierText(web).result,
  };
  return html`<p>${certifierText(web).waitingForDecision(rows.length)}</p>
<div class="table-wrap"><table class="stack waiting">
  <caption class="visually-hidden">${certifierText(web).inspectionsWaitingDecision}</caption>
  <thead><tr><th scope="col">${label.address}</th><th scope="col">${label.submitted}</th><th scope="col">${label.kind}</th><th
    scope="col">${label.auditor}</th><th scope="col">${label.result}</th></tr></thead>
  <tbody>${rows.map(({ inspection, location, auditorName }) => {
    const result = inspection.result;
    return html`<tr>
    <td data-label="${label.address}"><a class="decide-link" href="${decisionPath(inspection.id)}">${
      location ? addressLine(location) : certifierText(web).inspection
    }</a></td>
    <td data-label="${label.submitted}">${formatDateTime(web, inspection.submittedAt)}</td>
    <td data-label="${label.kind}">${kindText(web, inspection.kind)}</td>
    <td data-label="${label.auditor}">${auditorName}</td>
    <td data-label="${label.result}">${result ? resultSummary(web, result) : ''}</td>
  </tr>`;
  })}</tbody>
</table></div>
${pager(web, DECISIONS_PATH, list)}`;
}

function resultSummary(web: WebContext, result: NonNullable<InspectionEntity['result']>): Html {
  const severities = html`${result.knockOuts > 0 ? badge(`${result.knockOuts} knock-out`, 'bad') : ''} ${
    result.majors > 0 ? badge(`${result.majors} major`, 'warn') : ''
  } ${result.minors > 0 ? badge(`${result.minors} minor`, 'neutral') : ''}`;
  const clean = result.knockOuts + result.majors + result.minors === 0;
  return html`<span class="result-summary">${certifierText(web).scoreMaxResidents(result.score, result.maximumResidents)} ${
    clean ? badge(certifierText(web).noFindings, 'ok') : severities
  }</span>`;
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
  /** The location's certificate that the decision would replace or suspend (geldig or geschorst). */
  current?: { number: string; status: string };
  /** The certificate this inspection's grant produced, once it is public. */
  issued?: { number: string; status: string };
  /** The documents of the application the inspection answers; undefined when it answers none. */
  applicationDocuments?: DocumentEntity[];
  /** A decision form that came back. */
  errors?: FieldErrors;
  message?: string;
  /** A refused grant's specifics: the open findings and the criteria that support nobody. */
  blocking?: InspectionExceptionData;
  typed?: { uitkomst: string; toelichting: string };
}

function unitText(web: WebContext, unit: string): string {
  const units: Record<string, string> = { m2: 'm²', m3: 'm³', liter: certifierText(web).litres, aantal: '' };
  return units[unit] ?? unit;
}

function answerBadge(web: WebContext, answer: AnswerEntity | undefined): Html {
  if (!answer) return badge(certifierText(web).noAnswer, 'neutral');
  if (answer.result === 'voldoet') return badge(certifierText(web).meets, 'ok');
  if (answer.result === 'nvt') return badge(certifierText(web).notApplicable, 'neutral');
  return badge(certifierText(web).doesNotMeet, 'bad');
}

function photos(web: WebContext, inspectionId: string, documents: DocumentEntity[]): Html {
  if (documents.length === 0) return html``;
  return html`<ul class="photos">${documents.map((document) => {
    const href = `${decisionPath(inspectionId)}/bewijs/${document.id}`;
    return isImage(document)
      ? html`<li><a href="${href}" target="_blank" rel="noopener"><img src="${href}"
        alt="${certifierText(web).photo}: ${document.fileName}" loading="lazy" width="160" height="120"></a></li>`
      : html`<li><a href="${href}">${document.fileName}</a></li>`;
  })}</ul>`;
}

function criterionAnswer(
  web: WebContext,
  data: DecisionPageData,
  criterion: Criterion,
  answer: AnswerEntity | undefined,
  evidence: DocumentEntity[],
): Html {
  const failed = answer?.result === 'voldoet-niet';
  const measurement =
    criterion.kind === 'measured' && answer?.measurement !== null && answer?.measurement !== undefined
      ? html`<p class="measurement">${certifierText(web).measured}: <strong>${formatNumber(web, answer.measurement)} ${unitText(
          web,
          criterion.unit,
        )}</strong>${answer.personsSupported !== null ? html` · ${personsText(web, answer.personsSupported)}` : ''}</p>`
      : '';
  return html`<li class="answer${failed ? ' answer--failed' : ''}" id="criterium-${criterion.code}">
  <div class="answer-head"><h4><span class="code">${criterion.code}</span> ${normTitle(web, criterion)}</h4>${answerBadge(
    web,
    answer,
  )}</div>
  ${measurement}
  ${answer?.remark ? html`<p class="remark">${answer.remark}</p>` : ''}
  ${photos(web, data.inspection.id, evidence)}
</li>`;
}

function answersSection(web: WebContext, data: DecisionPageData): Html {
  const answers = new Map(data.answers.map((answer) => [answer.criterionCode, answer]));
  const evidence = new Map<string, DocumentEntity[]>();
  for (const document of data.evidence)
    evidence.set(document.criterionCode ?? '', [...(evidence.get(document.criterionCode ?? '') ?? []), document]);
  return html`<section class="answers" aria-labelledby="antwoorden">
  <h2 id="antwoorden">${certifierText(web).answersAndPhotos}</h2>
  ${data.norm.sections.map(
    (section) => html`<section class="card norm-section" aria-labelledby="sectie-${section.code}">
    <h3 id="sectie-${section.code}">${section.code} · ${normTitle(web, section)}</h3>
    <ul class="answer-list">${section.criteria.map((criterion) =>
      criterionAnswer(web, data, criterion, answers.get(criterion.code), evidence.get(criterion.code) ?? []),
    )}</ul>
  </section>`,
  )}
  ${
    evidence.get('')?.length
      ? html`<section class="card"><h3>${certifierText(web).otherPhotos}</h3>${photos(
          web,
          data.inspection.id,
          evidence.get('')!,
        )}</section>`
      : ''
  }
</section>`;
}

/** Why a grant was refused, one line a criterion, in the certifier's language from the refusal's data. */
function blockingItems(web: WebContext, data: DecisionPageData): string[] {
  const text = certifierText(web);
  return [
    ...(data.blocking?.blockingFindings ?? []).map((finding) =>
      text.findingStillOpen(
        finding.criterionCode,
        criterionTitleText(web, data.norm, finding.criterionCode),
        statusText(web, 'severity', finding.severity),
      ),
    ),
    ...(data.blocking?.criteriaSupportingNobody ?? []).map((code) =>
      text.criterionSupportsNobody(code, criterionTitleText(web, data.norm, code)),
    ),
  ];
}

function findingsList(web: WebContext, data: DecisionPageData): Html {
  if (data.findings.length === 0)
    return html`<p>${badge(certifierText(web).noFindingsTitle, 'ok')} ${certifierText(web).everyCriterionIsMet}</p>`;
  return html`<ul class="finding-list">${data.findings.map(
    (finding) => html`<li>
    <p><a href="#criterium-${finding.criterionCode}"><strong>${finding.criterionCode}</strong></a> ${criterionTitleText(
      web,
      data.norm,
      finding.criterionCode,
    )}</p>
    <p class="finding-meta">${statusBadge(web, 'severity', finding.severity)} ${statusBadge(web, 'finding', finding.status)}
    <span>${
      finding.repairDeadline
        ? html`${certifierText(web).repairBy} ${formatDate(web, finding.repairDeadline)}`
        : certifierText(web).noRepairDeadline
    }</span></p>
  </li>`,
  )}</ul>`;
}

/** What a grant and a refusal would do to the location's certificates, to be read and ticked before deciding. */
function decisionConsequences(web: WebContext, data: DecisionPageData): Html {
  const errors = data.errors ?? {};
  return html`<section class="consequences" aria-labelledby="gevolgen">
    <h3 id="gevolgen">${certifierText(web).whatThisDecisionDoes}</h3>
    <ul>
      <li>${certifierText(web).grantConsequence(data.inspection.result?.maximumResidents ?? 0, data.current?.number)}</li>
      <li>${certifierText(web).refuseConsequence(data.current?.number)}</li>
    </ul>
    <div class="field confirm${errors.bevestigd ? ' field--error' : ''}">
      ${errors.bevestigd ? html`<p class="error" id="veld-bevestigd-fout">${errors.bevestigd}</p>` : ''}
      <label><input type="checkbox" name="bevestigd" value="ja" id="veld-bevestigd" required${
        errors.bevestigd ? html` aria-invalid="true" aria-describedby="veld-bevestigd-fout"` : ''
      }> ${certifierText(web).confirmDecision}</label>
    </div>
  </section>`;
}

function inspectionDecisionForm(web: WebContext, data: DecisionPageData): Html {
  return decisionForm(web, {
    action: decisionPath(data.inspection.id),
    choices: [
      { value: 'toekennen', label: certifierText(web).grant },
      { value: 'afwijzen', label: certifierText(web).refuse },
    ],
    explanationMaxLength: MAX_EXPLANATION,
    extra: decisionConsequences(web, data),
    submit: certifierText(web).recordTheDecision,
    errors: data.errors,
    typed: data.typed,
  });
}

/** Once the worker has published it, the granted certificate links to its public page; until then, a reload link. */
function issuedCertificate(web: WebContext, data: DecisionPageData, number: string | undefined): Html {
  const issued = data.issued;
  if (issued && issued.status !== 'uitgifte') {
    return html`<p class="issued">${certifierText(web).certificateIssued(issued.number)} <a
      href="/controleer/${issued.number}">${certifierText(web).viewTheCertificate}</a></p>`;
  }
  if (!number) return html``;
  return html`<p class="issued">${certifierText(web).certificateBeingIssued(number)} <a
    href="${decisionPath(data.inspection.id)}">${certifierText(web).reloadThePage}</a></p>`;
}

function decisionResult(web: WebContext, data: DecisionPageData, decision: DecisionEntity, number?: string): Html {
  return html`<div class="decision-result">
  <p>${statusBadge(web, 'decision', decision.outcome)} ${certifierText(web).on} ${formatDateTime(web, decision.decidedAt)}</p>
  <p class="remark">${decision.explanation}</p>
  ${decision.outcome === 'toekennen' ? issuedCertificate(web, data, number) : ''}
</div>`;
}

/** `certificateNumber`: the number the grant allocated, from the redirect after deciding. */
export function decisionBody(web: WebContext, data: DecisionPageData, certificateNumber?: string): Html {
  const { inspection, location } = data;
  const result = inspection.result;
  return html`${errorSummary(web, data.errors ?? {}, data.message, blockingItems(web, data))}
<p class="back"><a href="${DECISIONS_PATH}">${certifierText(web).allWaitingInspections}</a></p>
<div class="decision-layout">
  <aside class="decision-aside" aria-label="${certifierText(web).resultAndDecision}">
    <section class="card" aria-labelledby="keuring">
      <h2 id="keuring">${certifierText(web).inspection}</h2>
      <dl class="facts">
        <dt>${certifierText(web).status}</dt><dd>${statusBadge(web, 'inspection', inspection.status)}</dd>
        <dt>${certifierText(web).kind}</dt><dd>${kindText(web, inspection.kind)}</dd>
        <dt>${certifierText(web).auditor}</dt><dd>${data.auditorName}</dd>
        <dt>${certifierText(web).submitted}</dt><dd>${formatDateTime(web, inspection.submittedAt)}</dd>
        <dt>${certifierText(web).norm}</dt><dd>${certifierText(web).version} ${inspection.normVersion}</dd>
        <dt>${certifierText(web).requested}</dt><dd>${certifierText(web).beds(location.requestedBeds)}</dd>
      </dl>
    </section>
    <section class="card" aria-labelledby="uitslag">
      <h2 id="uitslag">${certifierText(web).result}</h2>
      ${result ? resultFigures(web, result) : ''}
      <h3>${certifierText(web).findings}</h3>
      ${findingsList(web, data)}
    </section>
    ${
      data.applicationDocuments
        ? html`<section class="card" aria-labelledby="aanvraagdocumenten">
      <h2 id="aanvraagdocumenten">${sharedText(web).applicationDocuments}</h2>
      ${requiredDocumentsList(
        web,
        inspection.normVersion,
        data.applicationDocuments,
        (document) => `${decisionPath(inspection.id)}/aanvraag/${document.id}`,
      )}
    </section>`
        : ''
    }
    <section class="card" aria-labelledby="besluit">
      <h2 id="besluit">${certifierText(web).decision}</h2>
      ${
        data.decision
          ? decisionResult(web, data, data.decision, certificateNumber)
          : inspection.status === 'ingediend'
            ? inspectionDecisionForm(web, data)
            : html`<p>${certifierText(web).thisInspectionHasNotBeen}</p>`
      }
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
  list: Page<unknown>;
  /** A review form that came back: which finding, what was typed, what is wrong. */
  failed?: { findingId: string; akkoord: string; toelichting: string; errors: FieldErrors };
  message?: string;
}

function evidenceLinks(web: WebContext, item: ReviewItem): Html {
  const pending = item.pending!;
  if (pending.evidence.length === 0) return html`<p class="muted">${certifierText(web).noEvidenceAttached}</p>`;
  return html`<ul class="photos">${pending.evidence.map((document) => {
    const href = `${REVIEWS_PATH}/${item.finding.id}/herstel/${pending.report.id}/${document.id}`;
    return isImage(document)
      ? html`<li><a href="${href}" target="_blank" rel="noopener"><img src="${href}"
        alt="${certifierText(web).evidence}: ${document.fileName}" loading="lazy" width="160" height="120"></a></li>`
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
    <legend>${certifierText(web).judgementOfTheRepair}</legend>
    ${errors.akkoord ? html`<p class="error" id="${id('akkoord')}-fout">${errors.akkoord}</p>` : ''}
    <div class="choices">
      <label><input type="radio" name="akkoord" value="ja"${
        own?.akkoord === 'ja' ? html` checked` : ''
      }> ${certifierText(web).acceptCloseTheFinding}</label>
      <label><input type="radio" name="akkoord" value="nee"${
        own?.akkoord === 'nee' ? html` checked` : ''
      }> ${certifierText(web).rejectReopenTheFinding}</label>
    </div>
  </fieldset>
  <div class="field${errors.toelichting ? ' field--error' : ''}">
    <label for="${id('toelichting')}">${certifierText(web).explanation}</label>
    ${errors.toelichting ? html`<p class="error" id="${id('toelichting')}-fout">${errors.toelichting}</p>` : ''}
    <textarea id="${id('toelichting')}" name="toelichting" maxlength="${MAX_EXPLANATION}" required${
      errors.toelichting ? html` aria-invalid="true" aria-describedby="${id('toelichting')}-fout"` : ''
    }>${own?.toelichting ?? ''}</textarea>
  </div>
  <button type="submit">${certifierText(web).recordTheJudgement}</button>
</form>`;
}

export function reviewsBody(web: WebContext, data: ReviewPageData): Html {
  const intro = html`${errorSummary(web, {}, data.message)}`;
  if (data.items.length === 0) return html`${intro}${emptyState(certifierText(web).noReportedRepairsWaitingReview)}`;
  return html`${intro}<ul class="review-list">${data.items.map(
    (item) => html`<li class="card review" id="bevinding-${item.finding.id}">
  <h2><span class="code">${item.finding.criterionCode}</span> ${item.title}</h2>
  <p class="muted">${item.location ? addressLine(item.location) : ''}</p>
  <p class="finding-meta">${statusBadge(web, 'severity', item.finding.severity)} ${statusBadge(web, 'finding', item.finding.status)}
    ${item.finding.repairDeadline ? html`<span>${certifierText(web).repairBy} ${formatDate(web, item.finding.repairDeadline)}</span>` : ''}
    <a href="${decisionPath(item.finding.inspectionId)}#criterium-${item.finding.criterionCode}"
      >${certifierText(web).viewTheInspection}</a></p>
  ${item.earlier.length > 0 ? html`<p class="muted">${certifierText(web).repairReportedRejectedBefore(item.earlier.length)}</p>` : ''}
  ${
    item.pending
      ? html`<div class="cols">
    <div><h3>${certifierText(web).repairReport}</h3>
      <p class="muted">${formatDateTime(web, item.pending.report.reportedAt)}</p>
      <p class="remark">${item.pending.report.description}</p>
      ${evidenceLinks(web, item)}</div>
    <div>${reviewForm(web, item, data.failed)}</div>
  </div>`
      : ''
  }
</li>`,
  )}</ul>${pager(web, REVIEWS_PATH, data.list)}`;
}
