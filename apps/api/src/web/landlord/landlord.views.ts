import type { Page } from '@keurmerk/common';
import type { PublicCertificate } from '@keurmerk/certificates';
import type { DocumentEntity } from '@keurmerk/documents';
import type { FindingEntity, InspectionEntity, RepairReportEntity } from '@keurmerk/inspections';
import { APPLICATION_DOCUMENT_KINDS, type ApplicationEntity, type LocationEntity, OTHER_DOCUMENT_KIND } from '@keurmerk/locations';
import { HOUSING_TYPES } from '@keurmerk/norm';
import { kindText } from '../shared/inspection.view';
import { addressLine } from '../shared/page-parts';
import { pager, requiredDocumentsList, selectField } from '../shared/parts.view';
import { sharedText } from '../shared/shared.texts';
import { statusBadge } from '../labels';
import { badge, csrfField, emptyState, errorSummary, field, type FieldErrors, type Html, html, uploadAction } from '../layout';
import { formatDate, formatDateTime, formatNumber, type WebContext } from '../web-context';
import type { Deadline } from './location-overview';
import { changeSection, deregisteredNotice, deregisterSection, type OperationForm } from './location-operations.views';
import type { LocationFormValues } from './location-form';
import { landlordText } from './landlord.texts';
import { type LocationObjections, locationObjectionsSection } from './landlord-objections.views';

export const LOCATIONS_PATH = '/app/locaties';

export function locationPath(id: string): string {
  return `${LOCATIONS_PATH}/${id}`;
}

export function certificatePdfPath(locationId: string, number: string): string {
  return `${locationPath(locationId)}/certificaten/${encodeURIComponent(number)}`;
}

export interface LocationRow {
  location: LocationEntity;
  certificate?: PublicCertificate;
  application?: ApplicationEntity;
  deadlines: Deadline[];
}

function housingName(web: WebContext, type: string): string {
  return sharedText(web).housingTypes[type] ?? type;
}

function bytesText(web: WebContext, bytes: number): string {
  return bytes < 1024 * 1024
    ? `${formatNumber(web, Math.max(1, Math.round(bytes / 1024)))} kB`
    : `${formatNumber(web, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** A deadline in words, its urgency in words too (never colour alone). */
function deadlineText(web: WebContext, deadline: Deadline): Html {
  const date = formatDate(web, deadline.date);
  const what =
    deadline.kind === 'repair' ? landlordText(web).repairBy(deadline.criterionCode, date) : landlordText(web).certificateValidUntil(date);
  const urgency =
    deadline.state === 'overdue'
      ? html` <span class="deadline-flag deadline-flag--overdue">${
          deadline.kind === 'repair' ? landlordText(web).overdue : landlordText(web).expired
        }</span>`
      : deadline.state === 'soon'
        ? html` <span class="deadline-flag deadline-flag--soon">${landlordText(web).soon}</span>`
        : '';
  return html`<li class="deadline deadline--${deadline.state}">${what}${urgency}</li>`;
}

export function deadlineList(web: WebContext, deadlines: Deadline[]): Html {
  if (deadlines.length === 0) return html`<span class="muted">${landlordText(web).none}</span>`;
  return html`<ul class="deadlines">${deadlines.map((deadline) => deadlineText(web, deadline))}</ul>`;
}

function certificateCell(web: WebContext, certificate: PublicCertificate | undefined): Html {
  if (!certificate) return html`${badge(landlordText(web).noCertificate, 'neutral')}`;
  return html`${statusBadge(web, 'certificate', certificate.status)} <span class="cert-number">${certificate.number}</span>`;
}

export function locationsBody(web: WebContext, rows: LocationRow[], list: Page<unknown>): Html {
  const register = html`<a class="button" href="${LOCATIONS_PATH}/nieuw">${landlordText(web).registerALocation}</a>`;
  if (rows.length === 0) {
    return emptyState(landlordText(web).youHaveNotRegisteredAny, register);
  }
  const label = {
    address: landlordText(web).address,
    certificate: landlordText(web).certificate,
    validUntil: landlordText(web).validUntil,
    deadlines: landlordText(web).deadlines,
    application: landlordText(web).application,
  };
  return html`<div class="actions">${register}</div>
<div class="table-wrap"><table class="stack locations">
  <caption class="visually-hidden">${landlordText(web).yourLocations}</caption>
  <thead><tr>
    <th scope="col">${label.address}</th><th scope="col">${label.certificate}</th><th scope="col">${label.validUntil}</th>
    <th scope="col">${label.deadlines}</th><th scope="col">${label.application}</th>
  </tr></thead>
  <tbody>${rows.map(
    (row) => html`<tr>
    <td data-label="${label.address}"><a class="location-link" href="${locationPath(row.location.id)}">${addressLine(row.location)}</a></td>
    <td data-label="${label.certificate}">${certificateCell(web, row.certificate)}</td>
    <td data-label="${label.validUntil}">${
      row.certificate ? formatDate(web, row.certificate.validUntil) : html`<span class="muted">–</span>`
    }</td>
    <td data-label="${label.deadlines}">${deadlineList(web, row.deadlines)}</td>
    <td data-label="${label.application}">${
      row.application
        ? statusBadge(web, 'application', row.application.status)
        : html`<span class="muted">${landlordText(web).notAppliedYet}</span>`
    }</td>
  </tr>`,
  )}</tbody>
</table></div>
${pager(web, LOCATIONS_PATH, list)}`;
}

/** The registration form; `values` and `errors` when it comes back from the service. */
export function locationForm(
  web: WebContext,
  values: Partial<LocationFormValues>,
  errors: FieldErrors,
  message?: string,
  /** The BAG address lookup is on (ADRES_LOOKUP_URL): location-lookup.js fills the address from postcode and number. */
  addressLookup = false,
): Html {
  const input = (
    name: keyof LocationFormValues,
    label: string,
    extra: { hint?: string; required?: boolean; autocomplete?: string; inputmode?: string; type?: string; attributes?: Html } = {},
  ) => field({ name, label, value: values[name] ?? '', error: errors[name], ...extra });
  const choiceError = (name: string) => (errors[name] ? html`<p class="error" id="veld-${name}-fout">${errors[name]}</p>` : '');
  return html`${errorSummary(web, errors, message)}
<form method="post" action="${LOCATIONS_PATH}/nieuw" class="card location-form" novalidate${
    addressLookup ? html` data-adres-zoeken="/app/adres"` : ''
  }>
  ${csrfField(web)}
  <fieldset>
    <legend>${landlordText(web).address}</legend>
    ${addressLookup ? html`<p class="hint">${landlordText(web).addressLookupHint}</p>` : ''}
    ${input('adres.postcode', landlordText(web).postcode, {
      required: true,
      autocomplete: 'postal-code',
      hint: landlordText(web).forExample2671Ab,
      attributes: html` class="short"`,
    })}
    ${input('adres.huisnummer', landlordText(web).houseNumber, { required: true, inputmode: 'numeric', attributes: html` class="short"` })}
    ${input('adres.huisletter', landlordText(web).houseLetterIfAny, { attributes: html` class="short"` })}
    ${input('adres.huisnummertoevoeging', landlordText(web).additionIfAny, { attributes: html` class="short"` })}
    ${
      addressLookup
        ? html`<p class="hint" id="adres-status" role="status" data-gevonden="${landlordText(web).addressLookupFound(
            '{straat}',
            '{plaats}',
            '{gemeente}',
          )}"></p>`
        : ''
    }
    ${input('adres.straatnaam', landlordText(web).street, { required: true, autocomplete: 'address-line1' })}
    ${input('adres.woonplaats', landlordText(web).town, { required: true, autocomplete: 'address-level2' })}
    ${input('gemeentecode', landlordText(web).municipalityCode, { required: true, hint: landlordText(web).gmFourDigitsExampleGm1783 })}
    ${input('bagNummeraanduidingId', landlordText(web).bagAddressIdOptional, {
      inputmode: 'numeric',
      hint: landlordText(web).n16DigitsFoundKadasterBag,
    })}
  </fieldset>
  <fieldset>
    <legend>${landlordText(web).housing}</legend>
    <div class="field${errors.soortHuisvesting ? ' field--error' : ''}">
      <label for="veld-soortHuisvesting">${landlordText(web).kindOfHousing}</label>
      ${choiceError('soortHuisvesting')}
      <select id="veld-soortHuisvesting" name="soortHuisvesting" required${
        errors.soortHuisvesting ? html` aria-invalid="true" aria-describedby="veld-soortHuisvesting-fout"` : ''
      }>
        <option value="">${landlordText(web).choose}</option>
        ${HOUSING_TYPES.map(
          (type) =>
            html`<option value="${type}"${values.soortHuisvesting === type ? html` selected` : ''}>${housingName(web, type)}</option>`,
        )}
      </select>
    </div>
    <fieldset class="field${errors.nieuwbouw ? ' field--error' : ''}" id="veld-nieuwbouw"${
      errors.nieuwbouw ? html` aria-describedby="veld-nieuwbouw-fout"` : ''
    }>
      <legend>${landlordText(web).isNewBuild}</legend>
      ${choiceError('nieuwbouw')}
      <div class="choices">
        <label><input type="radio" name="nieuwbouw" value="nee"${
          values.nieuwbouw === 'nee' ? html` checked` : ''
        }> ${landlordText(web).no}</label>
        <label><input type="radio" name="nieuwbouw" value="ja"${
          values.nieuwbouw === 'ja' ? html` checked` : ''
        }> ${landlordText(web).yes}</label>
      </div>
    </fieldset>
    ${input('aantalSlaapplaatsen', landlordText(web).numberOfBeds, {
      required: true,
      type: 'number',
      inputmode: 'numeric',
      hint: landlordText(web).theNumberYouApplyMark,
    })}
  </fieldset>
  <div class="actions"><button type="submit">${landlordText(web).registerLocation}</button><a
    href="${LOCATIONS_PATH}">${landlordText(web).cancel}</a></div>
</form>`;
}

export interface LocationDetail {
  location: LocationEntity;
  certificates: PublicCertificate[];
  applications: { application: ApplicationEntity; documents: DocumentEntity[] }[];
  inspections: InspectionEntity[];
  findings: {
    finding: FindingEntity;
    title: string;
    /** The auditor's remark on the failed criterion, shown beside the deadline. */
    remark: string | null;
    reports: { report: RepairReportEntity; evidence: DocumentEntity[] }[];
  }[];
  deadlines: Deadline[];
  /** A change or deregistration form that came back with problems. */
  operation?: OperationForm;
  /** A form that came back: problems by field id, and which form they belong to. */
  errors?: FieldErrors;
  message?: string;
  /** The finding whose repair form came back, with what was typed. */
  repair?: { findingId: string; description: string };
  /** The municipality's name from the CBS list, shown beside its code. */
  municipalityName?: string;
  /** What may be objected against at the location now, and the objections filed about it. */
  objections?: LocationObjections;
}

function facts(web: WebContext, location: LocationEntity, municipalityName?: string): Html {
  return html`<dl class="facts">
  <dt>${landlordText(web).address}</dt><dd>${addressLine(location)}</dd>
  <dt>${landlordText(web).municipalityCode}</dt><dd>${
    municipalityName ? `${municipalityName} (${location.municipalityCode})` : location.municipalityCode
  }</dd>
  ${location.bagId ? html`<dt>${landlordText(web).bagAddressId}</dt><dd>${location.bagId}</dd>` : ''}
  <dt>${landlordText(web).kindOfHousing}</dt><dd>${housingName(web, location.housingType)}${
    location.newBuild ? landlordText(web).newBuild : ''
  }</dd>
  <dt>${landlordText(web).beds}</dt><dd>${formatNumber(web, location.requestedBeds)}</dd>
  <dt>${landlordText(web).registered}</dt><dd>${formatDate(web, location.createdAt)}</dd>
</dl>`;
}

function certificatesSection(web: WebContext, detail: LocationDetail): Html {
  const { certificates, location } = detail;
  const [current, ...earlier] = certificates;
  const pdfLink = (number: string) =>
    html`<a class="button button--secondary" href="${certificatePdfPath(
      location.id,
      number,
    )}" download>${landlordText(web).downloadPdf}<span class="visually-hidden"> ${number}</span></a>`;
  const body = !current
    ? emptyState(landlordText(web).thisLocationHasNoCertificate)
    : html`<dl class="facts current-cert">
  <dt>${landlordText(web).status}</dt><dd>${statusBadge(web, 'certificate', current.status)}</dd>
  <dt>${landlordText(web).number}</dt><dd class="cert-number">${current.number}</dd>
  <dt>${landlordText(web).valid}</dt><dd>${formatDate(web, current.validFrom)} – ${formatDate(web, current.validUntil)}</dd>
  <dt>${landlordText(web).maxResidents}</dt><dd>${current.maximumResidents}</dd>
</dl>
<p class="actions">${pdfLink(current.number)}</p>
${
  earlier.length > 0
    ? html`<h3>${landlordText(web).earlierCertificates}</h3><ul class="earlier-certs">${earlier.map(
        (certificate) =>
          html`<li><span class="cert-number">${certificate.number}</span> ${statusBadge(
            web,
            'certificate',
            certificate.status,
          )} ${landlordText(web).until} ${formatDate(web, certificate.validUntil)} · ${pdfLink(certificate.number)}</li>`,
      )}</ul>`
    : ''
}`;
  return html`<section class="card" aria-labelledby="certificaten"><h2
    id="certificaten">${landlordText(web).certificate}</h2>${body}</section>`;
}

function documentPath(locationId: string, applicationId: string, documentId: string): string {
  return `${locationPath(locationId)}/aanvragen/${applicationId}/documenten/${documentId}`;
}

function documentsTable(web: WebContext, locationId: string, application: ApplicationEntity, documents: DocumentEntity[]): Html {
  if (documents.length === 0) return html`<p class="muted">${landlordText(web).noDocumentsYet}</p>`;
  const label = { name: landlordText(web).document, size: landlordText(web).size, added: landlordText(web).added };
  return html`<div class="table-wrap"><table class="stack documents">
  <caption class="visually-hidden">${landlordText(web).documentsOfTheApplication}</caption>
  <thead><tr><th scope="col">${label.name}</th><th scope="col">${label.size}</th><th scope="col">${label.added}</th></tr></thead>
  <tbody>${documents.map(
    (document) => html`<tr>
    <td data-label="${label.name}"><a
      href="${locationPath(locationId)}/aanvragen/${application.id}/documenten/${document.id}">${document.fileName}</a></td>
    <td data-label="${label.size}">${bytesText(web, document.sizeBytes)}</td>
    <td data-label="${label.added}">${formatDateTime(web, document.createdAt)}</td>
  </tr>`,
  )}</tbody>
</table></div>`;
}

function uploadForm(web: WebContext, locationId: string, application: ApplicationEntity, errors: FieldErrors): Html {
  const action = uploadAction(web, `${locationPath(locationId)}/aanvragen/${application.id}/documenten`);
  const error = errors.bestand;
  const kinds = [...APPLICATION_DOCUMENT_KINDS, OTHER_DOCUMENT_KIND].map((kind) => ({
    value: kind,
    label: sharedText(web).documentKinds[kind] ?? kind,
  }));
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="upload-form">
  ${csrfField(web)}
  ${selectField({
    name: 'soort',
    label: sharedText(web).documentKind,
    value: undefined,
    choices: kinds,
    empty: sharedText(web).chooseDocumentKind,
    error: errors.soort,
  })}
  <div class="field${error ? ' field--error' : ''}">
    <label for="veld-bestand">${landlordText(web).addADocument}</label>
    <p class="hint" id="veld-bestand-hint">${landlordText(web).pdfJpegPngMost10}</p>
    ${error ? html`<p class="error" id="veld-bestand-fout">${error}</p>` : ''}
    <input id="veld-bestand" name="bestand" type="file" accept="application/pdf,image/jpeg,image/png" required
      aria-describedby="veld-bestand-hint${error ? ' veld-bestand-fout' : ''}"${error ? html` aria-invalid="true"` : ''}>
  </div>
  <button type="submit">${landlordText(web).upload}</button>
</form>`;
}

function applicationSection(web: WebContext, detail: LocationDetail): Html {
  const { location, applications } = detail;
  const open = applications.find(({ application }) => application.status === 'ingediend' || application.status === 'in-behandeling');
  // With a current certificate, a new application is its renewal: said so, not offered as a first one.
  const current = detail.certificates.find((certificate) => certificate.status === 'geldig' || certificate.status === 'geschorst');
  const applyForm = html`<form method="post" action="${locationPath(location.id)}/aanvragen" class="actions">
  ${csrfField(web)}<button type="submit"${current ? html` class="button--secondary"` : ''}>${
    current ? landlordText(web).applyForReInspection : landlordText(web).applyForTheMark
  }</button>
</form>`;
  const invitation = current
    ? landlordText(web).theCertificateValidUntilApply(formatDate(web, current.validUntil))
    : landlordText(web).applyMarkLocationAdministratorThen;
  return html`<section class="card" aria-labelledby="aanvraag"><h2 id="aanvraag">${landlordText(web).application}</h2>
  ${open ? '' : html`<p>${invitation}</p>${applyForm}`}
  ${applications.map(
    ({ application, documents }) => html`<div class="application">
    <h3>${landlordText(web).applicationOf} ${formatDate(web, application.createdAt)} ${statusBadge(
      web,
      'application',
      application.status,
    )}</h3>
    <h4>${sharedText(web).requiredDocuments}</h4>
    ${requiredDocumentsList(web, undefined, documents, (document) => documentPath(location.id, application.id, document.id))}
    ${documentsTable(web, location.id, application, documents)}
    ${application === open?.application ? uploadForm(web, location.id, application, detail.repair ? {} : (detail.errors ?? {})) : ''}
  </div>`,
  )}
</section>`;
}

function inspectionsSection(web: WebContext, locationId: string, inspections: InspectionEntity[]): Html {
  const label = {
    date: landlordText(web).date,
    kind: landlordText(web).kind,
    status: landlordText(web).status,
    report: landlordText(web).report,
  };
  const body =
    inspections.length === 0
      ? html`<p class="muted">${landlordText(web).noInspectionHasBeenPlanned}</p>`
      : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">${landlordText(web).inspectionsOfThisLocation}</caption>
  <thead><tr><th scope="col">${label.date}</th><th scope="col">${label.kind}</th><th scope="col">${label.status}</th><th
    scope="col">${label.report}</th></tr></thead>
  <tbody>${inspections.map(
    (inspection) => html`<tr>
    <td data-label="${label.date}">${formatDateTime(web, inspection.plannedAt)}</td>
    <td data-label="${label.kind}">${kindText(web, inspection.kind)}</td>
    <td data-label="${label.status}">${statusBadge(web, 'inspection', inspection.status)}</td>
    <td data-label="${label.report}">${
      inspection.status === 'besloten'
        ? html`<a href="${locationPath(locationId)}/keuringen/${inspection.id}/rapport">${landlordText(web).viewReport}<span
            class="visually-hidden"> ${formatDateTime(web, inspection.plannedAt)}</span></a>`
        : html`<span class="muted">${landlordText(web).reportAfterDecision}</span>`
    }</td>
  </tr>`,
  )}</tbody>
</table></div>`;
  return html`<section class="card" aria-labelledby="keuringen"><h2 id="keuringen">${landlordText(web).inspections}</h2>${body}</section>`;
}

function reportText(
  web: WebContext,
  locationId: string,
  finding: FindingEntity,
  report: RepairReportEntity,
  evidence: DocumentEntity[],
): Html {
  const review =
    report.accepted === null
      ? html`<p>${badge(landlordText(web).awaitingReview, 'warn')}</p>`
      : html`<p>${
          report.accepted ? badge(landlordText(web).accepted, 'ok') : badge(landlordText(web).rejected, 'bad')
        }${report.reviewExplanation ? html` ${report.reviewExplanation}` : ''}</p>`;
  return html`<li class="report">
  <p class="muted">${landlordText(web).repairReportedOn} ${formatDateTime(web, report.reportedAt)}</p>
  <p class="report-text">${report.description}</p>
  ${
    evidence.length > 0
      ? html`<p>${evidence.map(
          (document) =>
            html`<a
              href="${locationPath(locationId)}/bevindingen/${finding.id}/herstel/${report.id}/${document.id}">${document.fileName}</a> `,
        )}</p>`
      : ''
  }
  ${review}
</li>`;
}

function repairForm(web: WebContext, locationId: string, finding: FindingEntity, detail: LocationDetail): Html {
  const own = detail.repair?.findingId === finding.id;
  const errors = own ? (detail.errors ?? {}) : {};
  const id = (name: string) => `${name}-${finding.id}`;
  const descriptionError = errors.omschrijving;
  const fileError = errors.bestand;
  return html`<form method="post" action="${uploadAction(
    web,
    `${locationPath(locationId)}/bevindingen/${finding.id}/herstel`,
  )}" enctype="multipart/form-data" class="repair-form">
  ${csrfField(web)}
  <div class="field${descriptionError ? ' field--error' : ''}">
    <label for="${id('omschrijving')}">${landlordText(web).whatHasBeenRepaired}</label>
    ${descriptionError ? html`<p class="error" id="${id('omschrijving')}-fout">${descriptionError}</p>` : ''}
    <textarea id="${id('omschrijving')}" name="omschrijving" maxlength="4000" required${
      descriptionError ? html` aria-invalid="true" aria-describedby="${id('omschrijving')}-fout"` : ''
    }>${own ? detail.repair!.description : ''}</textarea>
  </div>
  <div class="field${fileError ? ' field--error' : ''}">
    <label for="${id('bestand')}">${landlordText(web).evidencePhotoPdfOptional}</label>
    ${fileError ? html`<p class="error" id="${id('bestand')}-fout">${fileError}</p>` : ''}
    <input id="${id('bestand')}" name="bestand" type="file" accept="application/pdf,image/jpeg,image/png"${
      fileError ? html` aria-invalid="true" aria-describedby="${id('bestand')}-fout"` : ''
    }>
  </div>
  <button type="submit">${landlordText(web).reportTheRepair}</button>
</form>`;
}

function findingsSection(web: WebContext, detail: LocationDetail): Html {
  const { findings, location } = detail;
  const body =
    findings.length === 0
      ? html`<p class="muted">${landlordText(web).noFindings}</p>`
      : html`<ul class="findings">${findings.map(
          ({ finding, title, remark, reports }) => html`<li class="finding finding--${finding.status}" id="bevinding-${finding.id}">
  <h3><span class="code">${finding.criterionCode}</span> ${title}</h3>
  <p class="finding-meta">${statusBadge(web, 'severity', finding.severity)} ${statusBadge(web, 'finding', finding.status)}
    ${
      finding.repairDeadline
        ? html`<span>${landlordText(web).repairByLabel} ${formatDate(web, finding.repairDeadline)}</span>`
        : finding.status !== 'gesloten'
          ? html`<span>${landlordText(web).noRepairDeadlineBlocksCertificate}</span>`
          : ''
    }</p>
  <p class="finding-remark"><strong>${landlordText(web).auditorsRemark}:</strong> ${remark ?? landlordText(web).noRemark}</p>
  ${
    reports.length > 0
      ? html`<ul class="reports">${reports.map(({ report, evidence }) => reportText(web, location.id, finding, report, evidence))}</ul>`
      : ''
  }
  ${finding.status === 'open' && location.status === 'actief' ? repairForm(web, location.id, finding, detail) : ''}
</li>`,
        )}</ul>`;
  return html`<section class="card" aria-labelledby="bevindingen"><h2 id="bevindingen">${landlordText(web).findings}</h2>${body}</section>`;
}

export function locationBody(web: WebContext, detail: LocationDetail): Html {
  const deregistered = detail.location.status === 'afgemeld';
  return html`${errorSummary(web, detail.operation?.errors ?? {}, detail.message)}
<p class="back"><a href="${LOCATIONS_PATH}">${landlordText(web).allLocations}</a></p>
${deregistered ? deregisteredNotice(web, detail.location) : ''}
<div class="cols">
  <section class="card" aria-labelledby="gegevens"><h2 id="gegevens">${landlordText(web).details}</h2>${facts(
    web,
    detail.location,
    detail.municipalityName,
  )}
    <p><a class="button button--secondary" href="${locationPath(detail.location.id)}/bezetting">${landlordText(web).reportResidents}</a></p>
    <h3>${landlordText(web).deadlines}</h3>${deadlineList(web, detail.deadlines)}
  </section>
  ${certificatesSection(web, detail)}
</div>
${findingsSection(web, detail)}
${deregistered ? '' : applicationSection(web, detail)}
${inspectionsSection(web, detail.location.id, detail.inspections)}
${
  deregistered
    ? ''
    : html`<div class="cols">${changeSection(web, detail.location, detail.operation)}${deregisterSection(
        web,
        detail.location,
        detail.certificates.find((certificate) => certificate.status === 'geldig' || certificate.status === 'geschorst'),
        detail.operation,
      )}</div>`
}
${detail.objections ? locationObjectionsSection(web, detail.objections) : ''}`;
}
