/**
 * The input rules of a subscription that are plain limits and patterns; the callback URL's own
 * shape rules are in callback-url.ts (CALLBACK_URL_MAX_LENGTH, checkCallbackUrl). The REST DTO and
 * the web form both take them from here.
 */

/** The receiver's Authorization value: room for a long bearer token, not for a document. */
export const AUTH_HEADER_MAX_LENGTH = 1000;
/**
 * A header value must be printable ASCII on one line; leading or trailing spaces would be lost on
 * the way (HTTP trims them), so they are refused rather than silently changed.
 */
export const AUTH_HEADER_PATTERN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
