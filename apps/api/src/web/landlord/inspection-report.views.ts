import type { InspectionReportData, ReportCriterion } from '@keurmerk/certificate-pdf';
import type { InspectionKind } from '@keurmerk/inspections';
import { kindText } from '../shared/inspection.view';
import { addressLine } from '../shared/page-parts';
import { statusBadge } from '../labels';
import { badge, type Html, html } from '../layout';
import { formatDate, formatNumber, type WebContext } from '../web-context';
import { landlordText } from './landlord.texts';
import { locationPath } from './landlord.views';

export function reportPath(locationId: string, inspectionId: string): string {
  return `${locationPath(locationId)}/keuringen/${inspectionId}/rapport`;
}

function answerBadge(web: WebContext, result: ReportCriterion['result']): Html {
  if (!result) return badge(landlordText(web).notAnswered, 'neutral');
  const label = landlordText(web).answerResults[result] ?? result;
  return badge(label, result === 'voldoet' ? 'ok' : result === 'voldoet-niet' ? 'bad' : 'neutral');
}

function measurementText(web: WebContext, criterion: ReportCriterion): string {
  if (!criterion.measured || criterion.measurement === null || criterion.measurement === undefined) return '';
  const unit = landlordText(web).units[criterion.unit ?? ''] ?? criterion.unit ?? '';
  return `${formatNumber(web, criterion.measurement)} ${unit} · ${landlordText(web).personsSupported(criterion.personsSupported ?? 0)}`;
}

/**
 * The inspection report as a page: the same content as the PDF (InspectionReportService feeds both),
 * decision and explanation first, then each finding with the auditor's remark beside its deadline.
 */
export function reportBody(web: WebContext, locationId: string, data: InspectionReportData): Html {
  const texts = landlordText(web);
  const decision = data.decision;
  const outcome = decision ? statusBadge(web, 'decision', decision.outcome) : '';
  const result = data.result;
  const label = { criterion: texts.criterion, answer: texts.answer, measurement: texts.measurement };
  const submitted = data.submittedOn ? html` · ${texts.submittedOn} ${formatDate(web, data.submittedOn)}` : '';
  const pdf = `${reportPath(locationId, data.inspectionId)}.pdf`;
  return html`<p class="back"><a href="${locationPath(locationId)}">${texts.backToLocation}</a></p>
<p class="report-meta">${addressLine(data.address)} · ${kindText(web, data.kind as InspectionKind)} · ${texts.auditor}: ${
    data.auditorName
  }${submitted}</p>
<p class="actions"><a class="button button--secondary" href="${pdf}">${texts.downloadReportPdf}</a></p>
<section class="card" aria-labelledby="besluit"><h2 id="besluit">${texts.decision}</h2>
  ${
    decision
      ? html`<p class="decision decision--${decision.outcome}">${outcome} <span class="muted">${texts.decidedByOn(
          decision.decidedBy,
          formatDate(web, decision.decidedOn),
        )}</span></p>
  <h3>${texts.certifiersExplanation}</h3>
  <p class="explanation">${decision.explanation}</p>`
      : ''
  }
  ${
    result
      ? html`<dl class="report-figures">
    <div><dt>${texts.score}</dt><dd>${result.score}%</dd></div>
    <div><dt>${texts.maxResidents}</dt><dd>${result.maximumResidents}</dd></div>
    <div><dt>${texts.findingsBySeverity}</dt><dd>${result.knockOuts} / ${result.majors} / ${result.minors}</dd></div>
    <div><dt>${texts.photosAsEvidence}</dt><dd>${data.photoCount}</dd></div>
  </dl>`
      : ''
  }
</section>
<section class="card" aria-labelledby="rapport-bevindingen"><h2 id="rapport-bevindingen">${texts.findings}</h2>
  ${
    data.findings.length === 0
      ? html`<p class="muted">${texts.noFindingsAllPass}</p>`
      : html`<ul class="findings">${data.findings.map(
          (finding) => html`<li class="finding">
    <h3><span class="code">${finding.criterionCode}</span> ${finding.criterionTitle}</h3>
    <p class="finding-meta">${statusBadge(web, 'severity', finding.severity)} ${statusBadge(web, 'finding', finding.status)} <span>${
      finding.deadline ? html`${texts.repairByLabel} ${formatDate(web, finding.deadline)}` : texts.noRepairDeadlineBlocksCertificate
    }</span></p>
    <p class="finding-remark"><strong>${texts.auditorsRemark}:</strong> ${finding.remark ?? texts.noRemark}</p>
  </li>`,
        )}</ul>`
  }
</section>
<section class="card" aria-labelledby="antwoorden"><h2 id="antwoorden">${texts.everyAnswer}</h2>
  ${data.sections.map(
    (section) => html`<div class="table-wrap"><table class="stack report-answers">
    <caption>${section.title}</caption>
    <thead><tr><th scope="col">${label.criterion}</th><th scope="col">${label.answer}</th><th
      scope="col">${label.measurement}</th></tr></thead>
    <tbody>${section.criteria.map(
      (criterion) => html`<tr>
      <td data-label="${label.criterion}"><span class="code">${criterion.code}</span> ${criterion.title}${
        criterion.remark ? html`<p class="answer-remark">${texts.remark}: ${criterion.remark}</p>` : ''
      }</td>
      <td data-label="${label.answer}">${answerBadge(web, criterion.result)}</td>
      <td data-label="${label.measurement}">${measurementText(web, criterion)}</td>
    </tr>`,
    )}</tbody>
  </table></div>`,
  )}
</section>`;
}
