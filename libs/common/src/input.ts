/**
 * Input rules every feature shares. A feature's own limits live in its library's input module
 * (location-input.ts, inspection-input.ts, ...); the REST DTOs and the web forms both take them from there.
 */

/** Any UUID, in either case; ids are stored lower case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** The longest free text a person writes in one field (an explanation, a description, a complaint). */
export const MAX_FREE_TEXT_LENGTH = 4000;

/** A text with something in it besides white space. */
export const NOT_BLANK_PATTERN = /\S/;

/** Control characters (line breaks included) never belong in a one-line text such as a street name. */
export const CONTROL_CHARACTERS = /\p{Cc}/u;
/** The same rule as a pattern the whole value must match (class-validator's `@Matches`). */
export const NO_CONTROL_CHARACTERS_PATTERN = /^\P{Cc}*$/u;

/** A client's own id for an upload, so that a retry returns the first upload instead of a second copy. */
export const MAX_CLIENT_REFERENCE_LENGTH = 100;
