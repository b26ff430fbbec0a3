import type { InvalidParam } from '@keurmerk/common';

/**
 * The documents an application must come with, per norm version: what the landlord is asked for by
 * name instead of "de gevraagde documenten", and what the beheerder and certifier look for.
 * - `eigendom-of-huur`: proof of ownership, or the lease with the owner (who may let the building);
 * - `plattegrond`: floor plan with the rooms and their use (bedrooms, areas), as measured on site;
 * - `brandveiligheid`: fire-safety report or the municipality's gebruiksmelding (Bbl) for the building;
 * - `huisregels`: the house rules residents get, in their languages (criterion IF-02);
 * - `model-huurovereenkomst`: the residents' rental contract, separate from employment (criteria CT-01, CT-02).
 * A version not listed asks what the newest listed version asks.
 */
export const APPLICATION_DOCUMENT_KINDS = [
  'eigendom-of-huur',
  'plattegrond',
  'brandveiligheid',
  'huisregels',
  'model-huurovereenkomst',
] as const;
export type RequiredDocumentKind = (typeof APPLICATION_DOCUMENT_KINDS)[number];
/** Anything else the landlord adds. */
export const OTHER_DOCUMENT_KIND = 'overig';
export type ApplicationDocumentKind = RequiredDocumentKind | typeof OTHER_DOCUMENT_KIND;

const REQUIRED_BY_VERSION: Record<string, readonly RequiredDocumentKind[]> = {
  '2026.1': APPLICATION_DOCUMENT_KINDS,
};
const NEWEST = '2026.1';

export function requiredDocuments(normVersion: string | undefined): readonly RequiredDocumentKind[] {
  return REQUIRED_BY_VERSION[normVersion ?? NEWEST] ?? REQUIRED_BY_VERSION[NEWEST];
}

export function isApplicationDocumentKind(value: string): value is ApplicationDocumentKind {
  return value === OTHER_DOCUMENT_KIND || (APPLICATION_DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** `soort` of an upload: absent is `overig` (the REST API's uploads name none); anything else must be on the list. */
export function documentKindProblem(kind: string | undefined): InvalidParam | undefined {
  if (kind === undefined || isApplicationDocumentKind(kind)) return undefined;
  return { name: 'soort', reason: `must be one of ${[...APPLICATION_DOCUMENT_KINDS, OTHER_DOCUMENT_KIND].join(', ')}`, code: 'enum' };
}

/** For each required kind, the documents uploaded as that kind; an empty list is a missing document. */
export function requiredDocumentsStatus<D extends { kind: string | null }>(
  normVersion: string | undefined,
  documents: readonly D[],
): { kind: RequiredDocumentKind; documents: D[] }[] {
  return requiredDocuments(normVersion).map((kind) => ({ kind, documents: documents.filter((document) => document.kind === kind) }));
}
