import type { CriterionDocument, NormDocument } from '@keurmerk/norm';

/** One field of a criterion that differs between two versions, as the JSON the beheerder wrote. */
export interface FieldChange {
  field: string;
  before: string | undefined;
  after: string | undefined;
}

export type CriterionChange =
  | { kind: 'added'; code: string; section: string; title: string }
  | { kind: 'removed'; code: string; section: string; title: string }
  | { kind: 'changed'; code: string; section: string; title: string; fields: FieldChange[] };

export interface NormDiff {
  /** The effective date, when it differs. */
  effectiveDate?: { before: string; after: string };
  criteria: CriterionChange[];
}

interface Placed {
  section: string;
  criterion: CriterionDocument;
}

function byCode(norm: NormDocument): Map<string, Placed> {
  const found = new Map<string, Placed>();
  for (const section of norm.secties)
    for (const criterion of section.criteria) found.set(criterion.code, { section: section.code, criterion });
  return found;
}

function shown(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/** The fields of a criterion that differ, the section it is in counted as a field (`sectie`). */
function changedFields(before: Placed, after: Placed): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.section !== after.section) changes.push({ field: 'sectie', before: shown(before.section), after: shown(after.section) });
  const old = before.criterion as unknown as Record<string, unknown>;
  const current = after.criterion as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(old), ...Object.keys(current)])].filter((field) => field !== 'code');
  for (const field of fields) {
    if (shown(old[field]) !== shown(current[field])) changes.push({ field, before: shown(old[field]), after: shown(current[field]) });
  }
  return changes;
}

/**
 * What changed from one norm version to the next, criterion by criterion (criteria keep their code
 * across versions): added, removed, and changed with each changed field's old and new value.
 * In the order of the newer version, the removed ones after.
 */
export function diffNorms(previous: NormDocument, current: NormDocument): NormDiff {
  const before = byCode(previous);
  const after = byCode(current);
  const criteria: CriterionChange[] = [];
  for (const [code, placed] of after) {
    const old = before.get(code);
    if (!old) {
      criteria.push({ kind: 'added', code, section: placed.section, title: placed.criterion.titel });
      continue;
    }
    const fields = changedFields(old, placed);
    if (fields.length > 0) criteria.push({ kind: 'changed', code, section: placed.section, title: placed.criterion.titel, fields });
  }
  for (const [code, placed] of before) {
    if (!after.has(code)) criteria.push({ kind: 'removed', code, section: placed.section, title: placed.criterion.titel });
  }
  return {
    ...(previous.ingangsdatum !== current.ingangsdatum
      ? { effectiveDate: { before: previous.ingangsdatum, after: current.ingangsdatum } }
      : {}),
    criteria,
  };
}

/** The next free version number after the newest: 2026.3 after 2026.2 (a new year starts at .1 only by hand). */
export function nextVersion(newest: string, existing: string[]): string {
  const [year, sequence] = newest.split('.').map(Number);
  let next = sequence + 1;
  while (existing.includes(`${year}.${next}`)) next++;
  return `${year}.${next}`;
}
