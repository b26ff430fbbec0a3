import type { UserEntity } from '@keurmerk/accounts';
import { INSPECTION_KINDS } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import { csrfField, errorSummary, field, type FieldErrors, html, type Html } from '../layout';
import { formatDate, type WebContext } from '../web-context';
import { kindText } from '../shared/inspection.view';
import { addressLine } from '../shared/page-parts';
import { selectField } from '../shared/parts.view';
import { adminText } from './admin.texts';

export const PLANNING_PATH = '/app/beheer/keuringen';

/**
 * The planning service states its reasons in English, for the API. The beheerder reads them in its
 * own language; a reason this does not know is shown as the service wrote it.
 */
export function conflictText(web: WebContext, reason: string): string {
  if (web.language === 'en') return reason;
  if (reason === 'The auditor belongs to the landlord’s own organisation.')
    return 'De auditor hoort bij de organisatie van de verhuurder zelf.';
  if (reason === 'The inspection body has no accreditation on record.')
    return 'Van de inspectie-instelling van de auditor is geen accreditatie bekend.';
  const relation = /^The auditor declared a relation with the landlord: (.*)$/s.exec(reason);
  if (relation) return `De auditor heeft een relatie met de verhuurder verklaard: ${relation[1]}`;
  const body = /^The inspection body’s accreditation lapsed on (\d{4}-\d{2}-\d{2})\.$/.exec(reason);
  if (body) return `De accreditatie van de inspectie-instelling is verlopen op ${body[1]}.`;
  const own = /^The auditor’s accreditation lapsed on (\d{4}-\d{2}-\d{2})\.$/.exec(reason);
  if (own) return `De persoonlijke accreditatie van de auditor is verlopen op ${own[1]}.`;
  return reason;
}

/** The outcome of a conflict check: a warning with every reason, or that there is none. */
export function conflictsBox(web: WebContext, conflicts: string[] | undefined): Html {
  if (conflicts === undefined) return html``;
  if (conflicts.length === 0) return html`<div class="notice">${adminText(web).noConflictInterestAuditorMay}</div>`;
  return html`<div class="warning conflicts"><h2>${adminText(web).thisAuditorCannotDoInspection}</h2>
    <ul>${conflicts.map((reason) => html`<li>${conflictText(web, reason)}</li>`)}</ul></div>`;
}

export interface PlanFormValues {
  locatieId: string;
  auditorId: string;
  soort: string;
  datum: string;
  tijd: string;
}

/** The planning request a plan was opened from, shown beside the location so the beheerder knows why and by when. */
export interface PlanningRequestContext {
  id: string;
  reason: string;
  dueDate: string;
  overdue: boolean;
  status: string;
}

export interface PlanFormData {
  location: LocationEntity;
  auditors: UserEntity[];
  values: PlanFormValues;
  errors?: FieldErrors;
  /** Set after a check (or a refused plan): the reasons, or none. */
  conflicts?: string[];
  message?: string;
  /** Planning for a complaint: the kind is always unannounced and the form posts elsewhere. */
  action?: string;
  fixedKind?: boolean;
  request?: PlanningRequestContext;
}

function requestFacts(web: WebContext, request: PlanningRequestContext): Html {
  return html`<p class="request-facts"><strong>${adminText(web).forPlanningRequest}:</strong> ${
    adminText(web).planningReasons[request.reason] ?? request.reason
  }, ${adminText(web).dueBy.toLowerCase()} ${formatDate(web, request.dueDate)}${
    request.overdue ? html` <span class="badge badge--bad">${adminText(web).overdue}</span>` : ''
  }</p>`;
}

/**
 * The planning form. Choosing an auditor or a date asks the server for conflicts at once (script);
 * without script the "check" button posts the form to be shown again with them.
 */
export function planForm(web: WebContext, data: PlanFormData): Html {
  const { values, errors = {} } = data;
  const auditorChoices = data.auditors.map((auditor) => ({ value: auditor.id, label: `${auditor.name} (${auditor.email})` }));
  return html`${errorSummary(web, errors, data.message)}
  <div class="card">
    <h2>${adminText(web).location}</h2>
    <p>${addressLine(data.location)}</p>
    ${data.request ? requestFacts(web, data.request) : ''}
  </div>
  <form method="post" action="${
    data.action ?? PLANNING_PATH
  }" class="card" data-planning data-conflicts-url="${PLANNING_PATH}/conflicten" novalidate>
    ${csrfField(web)}
    <input type="hidden" name="locatieId" value="${values.locatieId}">
    ${data.request ? html`<input type="hidden" name="verzoek" value="${data.request.id}">` : ''}
    ${
      data.fixedKind
        ? html`<p><strong>${adminText(web).kind}:</strong> ${kindText(web, 'onaangekondigd')}</p>`
        : selectField({
            name: 'soort',
            label: adminText(web).kindOfInspection,
            value: values.soort,
            error: errors.soort,
            choices: INSPECTION_KINDS.map((kind) => ({ value: kind, label: kindText(web, kind) })),
          })
    }
    <div class="inline-form">
      ${field({
        name: 'datum',
        label: adminText(web).date,
        type: 'date',
        value: values.datum,
        hint: data.fixedKind ? undefined : adminText(web).announcedNoticeHint,
        error: errors.datum ?? errors.gepland,
        required: true,
      })}
      ${field({ name: 'tijd', label: adminText(web).time, type: 'time', value: values.tijd, error: errors.tijd, required: true })}
    </div>
    ${selectField({
      name: 'auditorId',
      label: adminText(web).auditor,
      hint: adminText(web).whenYouChooseYouSee,
      value: values.auditorId,
      error: errors.auditorId,
      empty: adminText(web).chooseAnAuditor,
      choices: auditorChoices,
    })}
    <div data-conflicts role="status" aria-live="polite">${conflictsBox(web, data.conflicts)}</div>
    <div class="actions">
      <button type="submit" name="actie" value="controleren" class="button--secondary"
        data-check-button>${adminText(web).checkForConflicts}</button>
      <button type="submit" name="actie" value="plannen">${adminText(web).planInspection}</button>
    </div>
  </form>`;
}
