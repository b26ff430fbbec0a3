/**
 * The input rules of the certificate register's queries: the web pages (and any REST filter) take
 * them from here, so a limit is written once.
 */

/** A search in the list of certificates (a number, a postcode, part of a street, place or holder). */
export const CERTIFICATE_SEARCH_MAX_LENGTH = 100;
