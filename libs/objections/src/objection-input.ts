import { type InvalidParam, isUuid, MAX_FREE_TEXT_LENGTH, NOT_BLANK_PATTERN } from '@keurmerk/common';
import { parseCertificateNumber } from '@keurmerk/certificates';

/**
 * The objection feature's values and limits, once: the REST DTOs and the web forms take them from here.
 */

/** A landlord may object within six weeks of the contested effect (its day included: day 42 is the last). */
export const OBJECTION_TERM_DAYS = 42;
/** An objection is to be decided within six weeks of its filing: the `beslistermijn`. */
export const DECISION_TERM_DAYS = 42;
/** The landlord's grounds and the certificeerder's toelichting. */
export const MAX_GROUNDS_LENGTH = MAX_FREE_TEXT_LENGTH;
export const MAX_OBJECTION_EXPLANATION_LENGTH = MAX_FREE_TEXT_LENGTH;

/** What is contested: a refusal (decision `afwijzen`), a suspension or a withdrawal of a certificate. */
export const CONTESTED_EFFECTS = ['afwijzing', 'schorsing', 'intrekking'] as const;
export type ContestedEffect = (typeof CONTESTED_EFFECTS)[number];

export const OBJECTION_STATUSES = ['ingediend', 'besloten'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_OUTCOMES = ['gegrond', 'ongegrond'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** What an upheld objection did (contract-facing words, stored as such). */
export const REMEDY_KINDS = ['besluit-heropend', 'hersteld', 'nieuw-certificaat', 'geen'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** The thing objected against: an inspection (its refusal) or a certificate (its suspension or withdrawal). */
export type ObjectionSubject = { inspectionId: string } | { certificateNumber: string };

export interface NewObjection {
  subject: ObjectionSubject;
  grounds: string;
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The grounds, trimmed: required and at most MAX_GROUNDS_LENGTH characters. */
export function groundsProblem(grounds: unknown): InvalidParam | undefined {
  if (typeof grounds !== 'string' || !NOT_BLANK_PATTERN.test(grounds))
    return { name: 'gronden', code: 'required', reason: 'Give the grounds of the objection.' };
  if (grounds.trim().length > MAX_GROUNDS_LENGTH)
    return { name: 'gronden', code: 'too-long', reason: `At most ${MAX_GROUNDS_LENGTH} characters.` };
  return undefined;
}

/**
 * An objection as the contract writes it (`{inspectieId | certificaatnummer, gronden}`), with every
 * problem named at once: exactly one of the two subjects, a UUID or a certificate number with a right
 * check digit, and grounds.
 */
export function parseObjectionInput(body: Record<string, unknown>): { input?: NewObjection; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  let subject: ObjectionSubject | undefined;
  const hasInspection = given(body.inspectieId);
  const hasNumber = given(body.certificaatnummer);
  if (hasInspection && hasNumber) {
    problems.push({ name: 'certificaatnummer', code: 'exclusive', reason: 'Give an inspectieId or a certificaatnummer, not both.' });
  } else if (!hasInspection && !hasNumber) {
    problems.push(
      { name: 'inspectieId', code: 'required', reason: 'Give the inspectieId of a refused inspection, or a certificaatnummer.' },
      { name: 'certificaatnummer', code: 'required', reason: 'Give the certificaatnummer of a suspended or withdrawn certificate.' },
    );
  } else if (hasInspection) {
    if (typeof body.inspectieId === 'string' && isUuid(body.inspectieId)) subject = { inspectionId: body.inspectieId.toLowerCase() };
    else problems.push({ name: 'inspectieId', code: 'format', reason: 'inspectieId must be a UUID.' });
  } else {
    const number = body.certificaatnummer;
    const parsed = typeof number === 'string' && number.length <= 20 ? parseCertificateNumber(number) : undefined;
    if (parsed?.valid) subject = { certificateNumber: number as string };
    else if (parsed?.reason === 'check-digit')
      problems.push({ name: 'certificaatnummer', code: 'check-digit', reason: 'The check digit of this certificate number is wrong.' });
    else problems.push({ name: 'certificaatnummer', code: 'pattern', reason: 'A certificate number looks like KM-2026-000123-3.' });
  }
  const grounds = groundsProblem(body.gronden);
  if (grounds) problems.push(grounds);
  if (problems.length > 0 || !subject) return { problems };
  return { input: { subject, grounds: (body.gronden as string).trim() }, problems };
}
