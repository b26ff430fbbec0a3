import type { DocumentEntity } from '@keurmerk/documents';
import type { ApplicationEntity, LocationEntity } from '@keurmerk/locations';
import { badge, html, type Html } from '../layout';
import { statusBadge } from '../labels';
import { addressLine } from '../shared/page-parts';
import { requiredDocumentsList } from '../shared/parts.view';
import { sharedText } from '../shared/shared.texts';
import { formatDate, type WebContext } from '../web-context';
import { adminLocationPath } from './admin-locations.views';
import { PLANNING_PATH } from './planning.view';
import { adminText } from './admin.texts';

export const ADMIN_APPLICATIONS_PATH = '/app/beheer/aanvragen';

export function adminApplicationPath(id: string): string {
  return `${ADMIN_APPLICATIONS_PATH}/${id}`;
}

export function adminApplicationDocumentPath(applicationId: string, documentId: string): string {
  return `${adminApplicationPath(applicationId)}/documenten/${documentId}`;
}

/** How many of the required documents an application has. */
export interface DocumentCount {
  present: number;
  required: number;
}

/** "3 van 5 documenten", marked while any is missing (in words too, never colour alone). */
export function documentCountBadge(web: WebContext, count: DocumentCount): Html {
  return badge(adminText(web).documentsPresentOf(count.present, count.required), count.present < count.required ? 'warn' : 'ok');
}

export interface AdminApplicationData {
  application: ApplicationEntity;
  location: LocationEntity;
  /** From the CBS list, beside the code; absent for a code the list does not know. */
  municipalityName?: string;
  landlordName?: string;
  documents: DocumentEntity[];
  count: DocumentCount;
}

/** What planning this application takes next: the form while it waits, a sentence once planned or closed. */
function planningAction(web: WebContext, data: AdminApplicationData): Html {
  const texts = adminText(web);
  const { application, location } = data;
  if (application.status === 'in-behandeling') return html`<p>${texts.inspectionAlreadyPlanned}</p>`;
  if (application.status !== 'ingediend') return html`<p>${texts.applicationClosed}</p>`;
  const query = new URLSearchParams({ locatie: location.id, soort: 'initieel' });
  return html`<p class="actions"><a class="button" href="${PLANNING_PATH}/nieuw?${query.toString()}">${texts.planInspection}</a></p>`;
}

/**
 * One application for the beheerder: where, whose, and which required documents are there, each to
 * open, so that missing papers can be asked for before an inspection is planned.
 */
export function adminApplicationBody(web: WebContext, data: AdminApplicationData): Html {
  const texts = adminText(web);
  const { application, location, count } = data;
  const missing = count.required - count.present;
  return html`<p class="back"><a href="${PLANNING_PATH}#wachtend">${texts.backToPlanning}</a></p>
<section class="card" aria-labelledby="aanvraag"><h2 id="aanvraag">${texts.application}</h2>
  <dl class="facts">
    <dt>${texts.address}</dt><dd><a href="${adminLocationPath(location.id)}">${addressLine(location)}</a></dd>
    <dt>${texts.municipality}</dt><dd>${
      data.municipalityName ? `${data.municipalityName} (${location.municipalityCode})` : location.municipalityCode
    }</dd>
    <dt>${texts.landlord}</dt><dd>${data.landlordName ?? location.organisationId}</dd>
    <dt>${texts.applied}</dt><dd>${formatDate(web, application.createdAt)}</dd>
    <dt>${texts.status}</dt><dd>${statusBadge(web, 'application', application.status)}</dd>
    <dt>${texts.documents}</dt><dd>${documentCountBadge(web, count)}</dd>
  </dl>
</section>
<section class="card" aria-labelledby="documenten"><h2 id="documenten">${sharedText(web).requiredDocuments}</h2>
  <p>${missing > 0 ? texts.documentsMissing(missing) : texts.allDocumentsPresent}</p>
  ${requiredDocumentsList(web, undefined, data.documents, (document) => adminApplicationDocumentPath(application.id, document.id))}
  ${planningAction(web, data)}
</section>`;
}
