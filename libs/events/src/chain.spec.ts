import { canonicalJson, ChainRow, ChainVerifier, chainHash, GENESIS_HASH } from './chain';

function build(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let previous = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const fields = {
      occurredAt: `2026-11-28T10:00:0${i}.000Z`,
      actorKind: 'person',
      actorId: `user-${i}`,
      entityType: 'inspection',
      entityId: `insp-${i}`,
      action: 'submitted',
      before: { status: 'in-uitvoering' },
      after: { status: 'ingediend', score: 90 + i },
    };
    const hash = chainHash(previous, fields);
    rows.push({ id: String(i), previousHash: previous, hash, ...fields });
    previous = hash;
  }
  return rows;
}

function verify(rows: ChainRow[]) {
  const verifier = new ChainVerifier();
  rows.forEach((row) => verifier.feed(row));
  return verifier.verdict();
}

describe('event chain', () => {
  it('orders keys, so the same content always serialises the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('accepts an intact chain', () => {
    expect(verify(build(5))).toEqual({ valid: true, checked: 5 });
  });

  it('detects a changed field in any entry', () => {
    const rows = build(5);
    rows[2] = { ...rows[2], after: { status: 'ingediend', score: 100 } };
    expect(verify(rows)).toEqual({ valid: false, checked: 3, brokenAt: { id: '3', reason: 'hash-mismatch' } });
  });

  it('detects a deleted entry', () => {
    const rows = build(5);
    rows.splice(1, 1);
    expect(verify(rows).brokenAt).toEqual({ id: '3', reason: 'previous-hash-mismatch' });
  });

  it('detects an entry whose hash was recomputed after an edit (the next link breaks)', () => {
    const rows = build(4);
    const edited = { ...rows[1], actorId: 'someone-else' };
    const { id: _i, previousHash: _p, hash: _h, ...fields } = edited;
    rows[1] = { ...edited, hash: chainHash(edited.previousHash, fields) };
    expect(verify(rows).brokenAt).toEqual({ id: '3', reason: 'previous-hash-mismatch' });
  });
});
