import type { AddressLookup, InvalidParam } from '@keurmerk/common';
import { COMPLAINT_LANGUAGES, type ComplaintLanguage } from './complaint.entity';

/** A resident's description, in characters as people count them (see characterCount). */
export const DESCRIPTION_MAX_LENGTH = 4000;
/** The beheerder's note on closing a complaint. */
export const RESOLUTION_MAX_LENGTH = 2000;
/** A complaint that needs an inspection asks for the unannounced visit within four weeks. */
export const COMPLAINT_INSPECTION_WITHIN_DAYS = 28;

/** What the complaint is about: a certificate number (already checked), or an address. */
export type ComplaintSubject = { certificateNumber: string } | { address: AddressLookup };

export interface NewComplaint {
  subject: ComplaintSubject;
  description: string;
  language: ComplaintLanguage;
}

/**
 * Free text as a resident typed it, made storable: line ends unified, control characters (which
 * PostgreSQL refuses, or which only hide text) removed, outer white space trimmed.
 */
export function normaliseDescription(input: string): string {
  return (
    input
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .trim()
  );
}

/** Counted in characters as a person sees them (code points), as PostgreSQL's char_length does. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Checks the text and language of a complaint; `names` are the fields as the client called them. */
export function validateComplaintContent(
  input: { description?: unknown; language?: unknown },
  names = { description: 'omschrijving', language: 'taal' },
): { value?: { description: string; language: ComplaintLanguage }; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  let description: string | undefined;
  if (typeof input.description !== 'string' || normaliseDescription(input.description) === '') {
    problems.push({ name: names.description, code: 'required', reason: 'Describe the problem in a few words.' });
  } else {
    description = normaliseDescription(input.description);
    if (characterCount(description) > DESCRIPTION_MAX_LENGTH) {
      problems.push({
        name: names.description,
        code: 'max-length',
        reason: `The description may be at most ${DESCRIPTION_MAX_LENGTH} characters.`,
      });
    }
  }
  if (typeof input.language !== 'string' || !(COMPLAINT_LANGUAGES as readonly string[]).includes(input.language)) {
    problems.push({ name: names.language, code: 'enum', reason: `taal must be one of ${COMPLAINT_LANGUAGES.join(', ')}.` });
  }
  if (problems.length > 0) return { problems };
  return { value: { description: description!, language: input.language as ComplaintLanguage }, problems };
}
