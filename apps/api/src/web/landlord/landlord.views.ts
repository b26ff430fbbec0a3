import type { PublicCertificate } from '@keurmerk/certificates';
import type { DocumentEntity } from '@keurmerk/documents';
import type { FindingEntity, InspectionEntity, RepairReportEntity } from '@keurmerk/inspections';
import type { ApplicationEntity, LocationEntity } from '@keurmerk/locations';
import { HOUSING_TYPES } from '@keurmerk/norm';
import { addressOf, kindText } from '../auditor/checklist.view';
import { statusBadge } from '../labels';
import { badge, csrfField, emptyState, errorSummary, field, type FieldErrors, type Html, html, uploadAction } from '../layout';
import { formatDate, formatDateTime, formatNumber, t, type WebContext } from '../web-context';
import type { Deadline } from './location-overview';
import type { LocationFormValues } from './location-form';

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

const HOUSING_NAMES: Record<string, [string, string]> = {
  woning: ['Woning', 'House'],
  logiesgebouw: ['Logiesgebouw', 'Lodging building'],
  huisvestingsunit: ['Huisvestingsunit', 'Housing unit'],
  recreatiewoning: ['Recreatiewoning', 'Holiday home'],
  hotel: ['Hotel', 'Hotel'],
};

function housingName(web: WebContext, type: string): string {
  const names = HOUSING_NAMES[type];
  return names ? t(web, names[0], names[1]) : type;
}

function bytesText(web: WebContext, bytes: number): string {
  return bytes < 1024 * 1024 ? `${formatNumber(web, Math.max(1, Math.round(bytes / 1024)))} kB` : `${formatNumber(web, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** A deadline in words, its urgency in words too (never colour alone). */
function deadlineText(web: WebContext, deadline: Deadline): Html {
  const date = formatDate(web, deadline.date);
  const what =
    deadline.kind === 'repair'
      ? t(web, `Herstel ${deadline.criterionCode} vóór ${date}`, `Repair ${deadline.criterionCode} by ${date}`)
      : t(web, `Certificaat geldig tot ${date}`, `Certificate valid until ${date}`);
  const urgency =
    deadline.state === 'overdue'
      ? html` <span class="deadline-flag deadline-flag--overdue">${deadline.kind === 'repair' ? t(web, 'termijn verstreken', 'overdue') : t(web, 'verlopen', 'expired')}</span>`
      : deadline.state === 'soon'
        ? html` <span class="deadline-flag deadline-flag--soon">${t(web, 'binnenkort', 'soon')}</span>`
        : '';
  return html`<li class="deadline deadline--${deadline.state}">${what}${urgency}</li>`;
}

export function deadlineList(web: WebContext, deadlines: Deadline[]): Html {
  if (deadlines.length === 0) return html`<span class="muted">${t(web, 'Geen', 'None')}</span>`;
  return html`<ul class="deadlines">${deadlines.map((deadline) => deadlineText(web, deadline))}</ul>`;
}

function certificateCell(web: WebContext, certificate: PublicCertificate | undefined): Html {
  if (!certificate) return html`${badge(t(web, 'Geen certificaat', 'No certificate'), 'neutral')}`;
  return html`${statusBadge(web, 'certificate', certificate.status)} <span class="cert-number">${certificate.number}</span>`;
}

export function locationsBody(web: WebContext, rows: LocationRow[], pager: Html): Html {
  const register = html`<a class="button" href="${LOCATIONS_PATH}/nieuw">${t(web, 'Locatie registreren', 'Register a location')}</a>`;
  if (rows.length === 0) {
    return emptyState(t(web, 'U heeft nog geen locaties geregistreerd. Registreer een locatie om het keurmerk aan te vragen.', 'You have not registered any locations yet. Register a location to apply for the mark.'), register);
  }
  const label = {
    address: t(web, 'Adres', 'Address'),
    certificate: t(web, 'Certificaat', 'Certificate'),
    validUntil: t(web, 'Geldig tot', 'Valid until'),
    deadlines: t(web, 'Termijnen', 'Deadlines'),
    application: t(web, 'Aanvraag', 'Application'),
  };
  return html`<div class="actions">${register}</div>
<div class="table-wrap"><table class="stack locations">
  <caption class="visually-hidden">${t(web, 'Uw locaties', 'Your locations')}</caption>
  <thead><tr>
    <th scope="col">${label.address}</th><th scope="col">${label.certificate}</th><th scope="col">${label.validUntil}</th>
    <th scope="col">${label.deadlines}</th><th scope="col">${label.application}</th>
  </tr></thead>
  <tbody>${rows.map(
    (row) => html`<tr>
    <td data-label="${label.address}"><a class="location-link" href="${locationPath(row.location.id)}">${addressOf(row.location)}</a></td>
    <td data-label="${label.certificate}">${certificateCell(web, row.certificate)}</td>
    <td data-label="${label.validUntil}">${row.certificate ? formatDate(web, row.certificate.validUntil) : html`<span class="muted">–</span>`}</td>
    <td data-label="${label.deadlines}">${deadlineList(web, row.deadlines)}</td>
    <td data-label="${label.application}">${row.application ? statusBadge(web, 'application', row.application.status) : html`<span class="muted">${t(web, 'Nog niet aangevraagd', 'Not applied yet')}</span>`}</td>
  </tr>`,
  )}</tbody>
</table></div>
${pager}`;
}

/** The registration form; `values` and `errors` when it comes back from the service. */
export function locationForm(web: WebContext, values: Partial<LocationFormValues>, errors: FieldErrors, message?: string): Html {
  const input = (name: keyof LocationFormValues, label: string, extra: { hint?: string; required?: boolean; autocomplete?: string; inputmode?: string; type?: string; attributes?: Html } = {}) =>
    field({ name, label, value: values[name] ?? '', error: errors[name], ...extra });
  const choiceError = (name: string) => (errors[name] ? html`<p class="error" id="veld-${name}-fout">${errors[name]}</p>` : '');
  return html`${errorSummary(web, errors, message)}
<form method="post" action="${LOCATIONS_PATH}/nieuw" class="card location-form" novalidate>
  ${csrfField(web)}
  <fieldset>
    <legend>${t(web, 'Adres', 'Address')}</legend>
    ${input('adres.postcode', t(web, 'Postcode', 'Postcode'), { required: true, autocomplete: 'postal-code', hint: t(web, 'Bijvoorbeeld 2671 AB', 'For example 2671 AB'), attributes: html` class="short"` })}
    ${input('adres.huisnummer', t(web, 'Huisnummer', 'House number'), { required: true, inputmode: 'numeric', attributes: html` class="short"` })}
    ${input('adres.huisletter', t(web, 'Huisletter (als die er is)', 'House letter (if any)'), { attributes: html` class="short"` })}
    ${input('adres.huisnummertoevoeging', t(web, 'Toevoeging (als die er is)', 'Addition (if any)'), { attributes: html` class="short"` })}
    ${input('adres.straatnaam', t(web, 'Straatnaam', 'Street'), { required: true, autocomplete: 'address-line1' })}
    ${input('adres.woonplaats', t(web, 'Woonplaats', 'Town'), { required: true, autocomplete: 'address-level2' })}
    ${input('gemeentecode', t(web, 'Gemeentecode', 'Municipality code'), { required: true, hint: t(web, 'GM en vier cijfers, bijvoorbeeld GM1783 (Westland)', 'GM and four digits, for example GM1783 (Westland)') })}
    ${input('bagNummeraanduidingId', t(web, 'BAG-nummeraanduiding (niet verplicht)', 'BAG address id (optional)'), { inputmode: 'numeric', hint: t(web, '16 cijfers, te vinden in de BAG-viewer van het Kadaster', '16 digits, found in the Kadaster BAG viewer') })}
  </fieldset>
  <fieldset>
    <legend>${t(web, 'Huisvesting', 'Housing')}</legend>
    <div class="field${errors.soortHuisvesting ? ' field--error' : ''}">
      <label for="veld-soortHuisvesting">${t(web, 'Soort huisvesting', 'Kind of housing')}</label>
      ${choiceError('soortHuisvesting')}
      <select id="veld-soortHuisvesting" name="soortHuisvesting" required${errors.soortHuisvesting ? html` aria-invalid="true" aria-describedby="veld-soortHuisvesting-fout"` : ''}>
        <option value="">${t(web, 'Kies…', 'Choose…')}</option>
        ${HOUSING_TYPES.map((type) => html`<option value="${type}"${values.soortHuisvesting === type ? html` selected` : ''}>${housingName(web, type)}</option>`)}
      </select>
    </div>
    <fieldset class="field${errors.nieuwbouw ? ' field--error' : ''}" id="veld-nieuwbouw"${errors.nieuwbouw ? html` aria-describedby="veld-nieuwbouw-fout"` : ''}>
      <legend>${t(web, 'Is het nieuwbouw?', 'Is it a new build?')}</legend>
      ${choiceError('nieuwbouw')}
      <div class="choices">
        <label><input type="radio" name="nieuwbouw" value="nee"${values.nieuwbouw === 'nee' ? html` checked` : ''}> ${t(web, 'Nee', 'No')}</label>
        <label><input type="radio" name="nieuwbouw" value="ja"${values.nieuwbouw === 'ja' ? html` checked` : ''}> ${t(web, 'Ja', 'Yes')}</label>
      </div>
    </fieldset>
    ${input('aantalSlaapplaatsen', t(web, 'Aantal slaapplaatsen', 'Number of beds'), { required: true, type: 'number', inputmode: 'numeric', hint: t(web, 'Het aantal waarvoor u het keurmerk aanvraagt', 'The number you apply for the mark for') })}
  </fieldset>
  <div class="actions"><button type="submit">${t(web, 'Locatie registreren', 'Register location')}</button><a href="${LOCATIONS_PATH}">${t(web, 'Annuleren', 'Cancel')}</a></div>
</form>`;
}

export interface LocationDetail {
  location: LocationEntity;
  certificates: PublicCertificate[];
  applications: { application: ApplicationEntity; documents: DocumentEntity[] }[];
  inspections: InspectionEntity[];
  findings: { finding: FindingEntity; title: string; reports: { report: RepairReportEntity; evidence: DocumentEntity[] }[] }[];
  deadlines: Deadline[];
  /** A form that came back: problems by field id, and which form they belong to. */
  errors?: FieldErrors;
  message?: string;
  /** The finding whose repair form came back, with what was typed. */
  repair?: { findingId: string; description: string };
}

function facts(web: WebContext, location: LocationEntity): Html {
  return html`<dl class="facts">
  <dt>${t(web, 'Adres', 'Address')}</dt><dd>${addressOf(location)}</dd>
  <dt>${t(web, 'Gemeentecode', 'Municipality code')}</dt><dd>${location.municipalityCode}</dd>
  ${location.bagId ? html`<dt>${t(web, 'BAG-nummeraanduiding', 'BAG address id')}</dt><dd>${location.bagId}</dd>` : ''}
  <dt>${t(web, 'Soort huisvesting', 'Kind of housing')}</dt><dd>${housingName(web, location.housingType)}${location.newBuild ? t(web, ', nieuwbouw', ', new build') : ''}</dd>
  <dt>${t(web, 'Slaapplaatsen', 'Beds')}</dt><dd>${formatNumber(web, location.requestedBeds)}</dd>
  <dt>${t(web, 'Geregistreerd', 'Registered')}</dt><dd>${formatDate(web, location.createdAt)}</dd>
</dl>`;
}

function certificatesSection(web: WebContext, detail: LocationDetail): Html {
  const { certificates, location } = detail;
  const [current, ...earlier] = certificates;
  const pdfLink = (number: string) =>
    html`<a class="button button--secondary" href="${certificatePdfPath(location.id, number)}" download>${t(web, 'PDF downloaden', 'Download PDF')}<span class="visually-hidden"> ${number}</span></a>`;
  const body = !current
    ? emptyState(t(web, 'Deze locatie heeft nog geen certificaat. Na een goedgekeurde keuring verschijnt het hier.', 'This location has no certificate yet. It appears here after an approved inspection.'))
    : html`<dl class="facts current-cert">
  <dt>${t(web, 'Status', 'Status')}</dt><dd>${statusBadge(web, 'certificate', current.status)}</dd>
  <dt>${t(web, 'Nummer', 'Number')}</dt><dd class="cert-number">${current.number}</dd>
  <dt>${t(web, 'Geldig', 'Valid')}</dt><dd>${formatDate(web, current.validFrom)} – ${formatDate(web, current.validUntil)}</dd>
  <dt>${t(web, 'Max. bewoners', 'Max. residents')}</dt><dd>${current.maximumResidents}</dd>
</dl>
<p class="actions">${pdfLink(current.number)}</p>
${earlier.length > 0
  ? html`<h3>${t(web, 'Eerdere certificaten', 'Earlier certificates')}</h3><ul class="earlier-certs">${earlier.map(
      (certificate) => html`<li><span class="cert-number">${certificate.number}</span> ${statusBadge(web, 'certificate', certificate.status)} ${t(web, 'tot', 'until')} ${formatDate(web, certificate.validUntil)} · ${pdfLink(certificate.number)}</li>`,
    )}</ul>`
  : ''}`;
  return html`<section class="card" aria-labelledby="certificaten"><h2 id="certificaten">${t(web, 'Certificaat', 'Certificate')}</h2>${body}</section>`;
}

function documentsTable(web: WebContext, locationId: string, application: ApplicationEntity, documents: DocumentEntity[]): Html {
  if (documents.length === 0) return html`<p class="muted">${t(web, 'Nog geen documenten.', 'No documents yet.')}</p>`;
  const label = { name: t(web, 'Document', 'Document'), size: t(web, 'Grootte', 'Size'), added: t(web, 'Toegevoegd', 'Added') };
  return html`<div class="table-wrap"><table class="stack documents">
  <caption class="visually-hidden">${t(web, 'Documenten bij de aanvraag', 'Documents of the application')}</caption>
  <thead><tr><th scope="col">${label.name}</th><th scope="col">${label.size}</th><th scope="col">${label.added}</th></tr></thead>
  <tbody>${documents.map(
    (document) => html`<tr>
    <td data-label="${label.name}"><a href="${locationPath(locationId)}/aanvragen/${application.id}/documenten/${document.id}">${document.fileName}</a></td>
    <td data-label="${label.size}">${bytesText(web, document.sizeBytes)}</td>
    <td data-label="${label.added}">${formatDateTime(web, document.createdAt)}</td>
  </tr>`,
  )}</tbody>
</table></div>`;
}

function uploadForm(web: WebContext, locationId: string, application: ApplicationEntity, errors: FieldErrors): Html {
  const action = uploadAction(web, `${locationPath(locationId)}/aanvragen/${application.id}/documenten`);
  const error = errors.bestand;
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="upload-form">
  ${csrfField(web)}
  <div class="field${error ? ' field--error' : ''}">
    <label for="veld-bestand">${t(web, 'Document toevoegen', 'Add a document')}</label>
    <p class="hint" id="veld-bestand-hint">${t(web, 'PDF, JPEG of PNG, ten hoogste 10 MB: bijvoorbeeld een plattegrond, vergunning of huurcontract.', 'PDF, JPEG or PNG, at most 10 MB: for example a floor plan, permit or lease.')}</p>
    ${error ? html`<p class="error" id="veld-bestand-fout">${error}</p>` : ''}
    <input id="veld-bestand" name="bestand" type="file" accept="application/pdf,image/jpeg,image/png" required aria-describedby="veld-bestand-hint${error ? ' veld-bestand-fout' : ''}"${error ? html` aria-invalid="true"` : ''}>
  </div>
  <button type="submit">${t(web, 'Uploaden', 'Upload')}</button>
</form>`;
}

function applicationSection(web: WebContext, detail: LocationDetail): Html {
  const { location, applications } = detail;
  const open = applications.find(({ application }) => application.status === 'ingediend' || application.status === 'in-behandeling');
  // With a current certificate, a new application is its renewal: said so, not offered as a first one.
  const current = detail.certificates.find((certificate) => certificate.status === 'geldig' || certificate.status === 'geschorst');
  const applyForm = html`<form method="post" action="${locationPath(location.id)}/aanvragen" class="actions">
  ${csrfField(web)}<button type="submit"${current ? html` class="button--secondary"` : ''}>${current ? t(web, 'Herkeuring aanvragen', 'Apply for re-inspection') : t(web, 'Keurmerk aanvragen', 'Apply for the mark')}</button>
</form>`;
  const invitation = current
    ? t(
        web,
        `Het certificaat is geldig tot ${formatDate(web, current.validUntil)}. Vraag op tijd een herkeuring aan om het te verlengen.`,
        `The certificate is valid until ${formatDate(web, current.validUntil)}. Apply for a re-inspection in time to renew it.`,
      )
    : t(web, 'Vraag het keurmerk aan voor deze locatie. Een beheerder plant daarna de keuring.', 'Apply for the mark for this location. An administrator then plans the inspection.');
  return html`<section class="card" aria-labelledby="aanvraag"><h2 id="aanvraag">${t(web, 'Aanvraag', 'Application')}</h2>
  ${open ? '' : html`<p>${invitation}</p>${applyForm}`}
  ${applications.map(
    ({ application, documents }) => html`<div class="application">
    <h3>${t(web, 'Aanvraag van', 'Application of')} ${formatDate(web, application.createdAt)} ${statusBadge(web, 'application', application.status)}</h3>
    ${documentsTable(web, location.id, application, documents)}
    ${application === open?.application ? uploadForm(web, location.id, application, detail.repair ? {} : (detail.errors ?? {})) : ''}
  </div>`,
  )}
</section>`;
}

function inspectionsSection(web: WebContext, inspections: InspectionEntity[]): Html {
  const label = { date: t(web, 'Datum', 'Date'), kind: t(web, 'Soort', 'Kind'), status: t(web, 'Status', 'Status') };
  const body =
    inspections.length === 0
      ? html`<p class="muted">${t(web, 'Er is nog geen keuring gepland.', 'No inspection has been planned yet.')}</p>`
      : html`<div class="table-wrap"><table class="stack">
  <caption class="visually-hidden">${t(web, 'Keuringen van deze locatie', 'Inspections of this location')}</caption>
  <thead><tr><th scope="col">${label.date}</th><th scope="col">${label.kind}</th><th scope="col">${label.status}</th></tr></thead>
  <tbody>${inspections.map(
    (inspection) => html`<tr>
    <td data-label="${label.date}">${formatDateTime(web, inspection.plannedAt)}</td>
    <td data-label="${label.kind}">${kindText(web, inspection.kind)}</td>
    <td data-label="${label.status}">${statusBadge(web, 'inspection', inspection.status)}</td>
  </tr>`,
  )}</tbody>
</table></div>`;
  return html`<section class="card" aria-labelledby="keuringen"><h2 id="keuringen">${t(web, 'Keuringen', 'Inspections')}</h2>${body}</section>`;
}

function reportText(web: WebContext, locationId: string, finding: FindingEntity, report: RepairReportEntity, evidence: DocumentEntity[]): Html {
  const review =
    report.accepted === null
      ? html`<p>${badge(t(web, 'Wacht op beoordeling', 'Awaiting review'), 'warn')}</p>`
      : html`<p>${report.accepted ? badge(t(web, 'Geaccepteerd', 'Accepted'), 'ok') : badge(t(web, 'Afgewezen', 'Rejected'), 'bad')}${report.reviewExplanation ? html` ${report.reviewExplanation}` : ''}</p>`;
  return html`<li class="report">
  <p class="muted">${t(web, 'Herstel gemeld op', 'Repair reported on')} ${formatDateTime(web, report.reportedAt)}</p>
  <p class="report-text">${report.description}</p>
  ${evidence.length > 0 ? html`<p>${evidence.map((document) => html`<a href="${locationPath(locationId)}/bevindingen/${finding.id}/herstel/${report.id}/${document.id}">${document.fileName}</a> `)}</p>` : ''}
  ${review}
</li>`;
}

function repairForm(web: WebContext, locationId: string, finding: FindingEntity, detail: LocationDetail): Html {
  const own = detail.repair?.findingId === finding.id;
  const errors = own ? (detail.errors ?? {}) : {};
  const id = (name: string) => `${name}-${finding.id}`;
  const descriptionError = errors.omschrijving;
  const fileError = errors.bestand;
  return html`<form method="post" action="${uploadAction(web, `${locationPath(locationId)}/bevindingen/${finding.id}/herstel`)}" enctype="multipart/form-data" class="repair-form">
  ${csrfField(web)}
  <div class="field${descriptionError ? ' field--error' : ''}">
    <label for="${id('omschrijving')}">${t(web, 'Wat is er hersteld?', 'What has been repaired?')}</label>
    ${descriptionError ? html`<p class="error" id="${id('omschrijving')}-fout">${descriptionError}</p>` : ''}
    <textarea id="${id('omschrijving')}" name="omschrijving" maxlength="4000" required${descriptionError ? html` aria-invalid="true" aria-describedby="${id('omschrijving')}-fout"` : ''}>${own ? detail.repair!.description : ''}</textarea>
  </div>
  <div class="field${fileError ? ' field--error' : ''}">
    <label for="${id('bestand')}">${t(web, 'Bewijs (foto of PDF, niet verplicht)', 'Evidence (photo or PDF, optional)')}</label>
    ${fileError ? html`<p class="error" id="${id('bestand')}-fout">${fileError}</p>` : ''}
    <input id="${id('bestand')}" name="bestand" type="file" accept="application/pdf,image/jpeg,image/png"${fileError ? html` aria-invalid="true" aria-describedby="${id('bestand')}-fout"` : ''}>
  </div>
  <button type="submit">${t(web, 'Herstel melden', 'Report the repair')}</button>
</form>`;
}

function findingsSection(web: WebContext, detail: LocationDetail): Html {
  const { findings, location } = detail;
  const body =
    findings.length === 0
      ? html`<p class="muted">${t(web, 'Geen bevindingen.', 'No findings.')}</p>`
      : html`<ul class="findings">${findings.map(
          ({ finding, title, reports }) => html`<li class="finding finding--${finding.status}" id="bevinding-${finding.id}">
  <h3><span class="code">${finding.criterionCode}</span> ${title}</h3>
  <p class="finding-meta">${statusBadge(web, 'severity', finding.severity)} ${statusBadge(web, 'finding', finding.status)}
    ${finding.repairDeadline ? html`<span>${t(web, 'Herstellen vóór', 'Repair by')} ${formatDate(web, finding.repairDeadline)}</span>` : finding.status !== 'gesloten' ? html`<span>${t(web, 'Geen hersteltermijn: blokkeert het certificaat', 'No repair deadline: blocks the certificate')}</span>` : ''}</p>
  ${reports.length > 0 ? html`<ul class="reports">${reports.map(({ report, evidence }) => reportText(web, location.id, finding, report, evidence))}</ul>` : ''}
  ${finding.status === 'open' ? repairForm(web, location.id, finding, detail) : ''}
</li>`,
        )}</ul>`;
  return html`<section class="card" aria-labelledby="bevindingen"><h2 id="bevindingen">${t(web, 'Bevindingen', 'Findings')}</h2>${body}</section>`;
}

export function locationBody(web: WebContext, detail: LocationDetail): Html {
  return html`${errorSummary(web, {}, detail.message)}
<p class="back"><a href="${LOCATIONS_PATH}">${t(web, '← Alle locaties', '← All locations')}</a></p>
<div class="cols">
  <section class="card" aria-labelledby="gegevens"><h2 id="gegevens">${t(web, 'Gegevens', 'Details')}</h2>${facts(web, detail.location)}
    <h3>${t(web, 'Termijnen', 'Deadlines')}</h3>${deadlineList(web, detail.deadlines)}
  </section>
  ${certificatesSection(web, detail)}
</div>
${findingsSection(web, detail)}
${applicationSection(web, detail)}
${inspectionsSection(web, detail.inspections)}`;
}
