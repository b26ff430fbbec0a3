import { InvalidParam, MAX_FREE_TEXT_LENGTH, NOT_BLANK_PATTERN } from '@keurmerk/common';
import { MAX_REMARK_LENGTH } from '@keurmerk/norm';
import type { InspectionKind } from './inspection.entities';
import { landlordMayKnowOf } from './inspection-visibility';

/**
 * The audit workflow's input rules, once: the REST DTOs take them for their decorators, the web forms
 * for their fields and messages.
 */

// A criterion code's form is the norm's rule (CRITERION_CODE_PATTERN in @keurmerk/norm): any code a
// published norm may hold can be answered.

/** The toelichting of a decision or of a review of a repair. */
export const MAX_EXPLANATION_LENGTH = MAX_FREE_TEXT_LENGTH;

/** What the landlord writes about a repair. */
export const MAX_REPAIR_DESCRIPTION_LENGTH = MAX_FREE_TEXT_LENGTH;

/** The auditor's opmerking on an answer (checked by @keurmerk/norm when the answer is judged). */
export const MAX_ANSWER_REMARK_LENGTH = MAX_REMARK_LENGTH;

/** The description of an auditor's declared relation with a landlord. */
export const MAX_RELATION_DESCRIPTION_LENGTH = 1000;

/**
 * A client reference of an offline upload from the auditor's phone: letters, digits and dashes, so that
 * it can travel in a URL and a form unchanged.
 */
export const OFFLINE_CLIENT_REFERENCE_PATTERN = /^[A-Za-z0-9-]{8,100}$/;

/**
 * The landlord's repair description, trimmed: required and at most MAX_REPAIR_DESCRIPTION_LENGTH
 * characters (`too-long`, which the form turns into its own sentence).
 */
export function repairDescriptionProblem(description: string): InvalidParam | undefined {
  if (!NOT_BLANK_PATTERN.test(description)) return { name: 'omschrijving', code: 'required', reason: 'A description is required.' };
  if (description.length > MAX_REPAIR_DESCRIPTION_LENGTH) {
    return { name: 'omschrijving', code: 'too-long', reason: `At most ${MAX_REPAIR_DESCRIPTION_LENGTH} characters.` };
  }
  return undefined;
}

/**
 * An announced inspection is planned at least this many hours ahead (DOMAIN: regular inspections are
 * announced 24 h before). The landlord's users are told when it is planned, so this is their notice.
 * An unannounced inspection may be planned for any moment: nobody is told.
 */
export const ANNOUNCED_NOTICE_HOURS = 24;

/** The code of the `gepland` problem when an announced inspection is planned too soon. */
export const NOTICE_TOO_SHORT = 'notice-too-short';

/** The earliest moment an announced inspection planned at `now` may take place. */
export function earliestAnnouncedAt(now: Date): Date {
  return new Date(now.getTime() + ANNOUNCED_NOTICE_HOURS * 3_600_000);
}

/** `gepland` of a plan made at `now`: too soon for an announced inspection, else nothing. */
export function plannedAtProblem(kind: InspectionKind, plannedAt: Date, now: Date): InvalidParam | undefined {
  if (!landlordMayKnowOf({ kind, submittedAt: null })) return undefined;
  const earliest = earliestAnnouncedAt(now);
  if (plannedAt.getTime() >= earliest.getTime()) return undefined;
  return {
    name: 'gepland',
    code: NOTICE_TOO_SHORT,
    reason:
      `An announced inspection is planned at least ${ANNOUNCED_NOTICE_HOURS} hours ahead, so that the landlord's notice comes in time: ` +
      `at ${earliest.toISOString()} or later. An unannounced inspection may be planned sooner.`,
  };
}
