import { describe, expect, it } from '@jest/globals';
import { DEFAULT_NORM, normToContract, type NormDocument } from '@keurmerk/norm';
import { diffNorms, nextVersion } from './norm-diff';

function copy(): NormDocument {
  return JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as NormDocument;
}

describe('diffNorms', () => {
  it('finds nothing between a version and its copy', () => {
    expect(diffNorms(copy(), copy())).toEqual({ criteria: [] });
  });

  it('names added, removed and changed criteria, with the changed fields', () => {
    const previous = copy();
    const current = copy();
    const first = current.secties[0];
    const removed = first.criteria.pop()!;
    first.criteria[0].titel = 'Nieuwe titel';
    first.criteria[0].punten += 2;
    current.secties[1].criteria.push({ ...current.secties[1].criteria[0], code: 'ZZ-99', titel: 'Nieuw criterium' });
    current.ingangsdatum = '2027-01-01';

    const diff = diffNorms(previous, current);
    expect(diff.effectiveDate).toEqual({ before: previous.ingangsdatum, after: '2027-01-01' });
    expect(diff.criteria).toContainEqual({ kind: 'added', code: 'ZZ-99', section: current.secties[1].code, title: 'Nieuw criterium' });
    expect(diff.criteria).toContainEqual({ kind: 'removed', code: removed.code, section: first.code, title: removed.titel });
    const changed = diff.criteria.find((c) => c.kind === 'changed');
    expect(changed).toMatchObject({ code: first.criteria[0].code, title: 'Nieuwe titel' });
    expect(changed?.kind === 'changed' && changed.fields.map((f) => f.field).sort()).toEqual(['punten', 'titel']);
    expect(diff.criteria).toHaveLength(3);
  });

  it('counts a move to another section as a change of the field sectie', () => {
    const previous = copy();
    const current = copy();
    const moved = current.secties[0].criteria.shift()!;
    current.secties[1].criteria.push(moved);
    const diff = diffNorms(previous, current);
    expect(diff.criteria).toEqual([
      {
        kind: 'changed',
        code: moved.code,
        section: current.secties[1].code,
        title: moved.titel,
        fields: [{ field: 'sectie', before: JSON.stringify(previous.secties[0].code), after: JSON.stringify(current.secties[1].code) }],
      },
    ]);
  });
});

describe('nextVersion', () => {
  it('counts up past versions that exist already', () => {
    expect(nextVersion('2026.1', ['2026.1'])).toBe('2026.2');
    expect(nextVersion('2026.1', ['2026.1', '2026.2', '2026.3'])).toBe('2026.4');
  });
});
