import { MAX_BODY_DEPTH, nonTextIn } from './body-text';

describe('nonTextIn', () => {
  it('names every NUL and unpaired surrogate by its JSON path, in values and member names', () => {
    const body = { naam: 'a\u0000b', adres: { straat: '\ud800' }, lijst: ['ok', 'x\udc00'], ['sleutel\u0000']: 1 };
    expect(nonTextIn(body).map((p) => p.name)).toEqual(['naam', 'adres.straat', 'lijst[1]', 'sleutel\u0000']);
  });

  it('accepts paired surrogates, other control characters and non-string values', () => {
    expect(nonTextIn({ emoji: '🏠', tab: 'a\tb', getal: 1, leeg: null, waar: true, bytes: Buffer.from([0]) })).toEqual([]);
  });

  it('names the body itself when the body is one bad string', () => {
    expect(nonTextIn('\u0000')).toEqual([{ name: 'body', code: 'invalid-character', reason: expect.any(String) }]);
  });
});

describe('nonTextIn on deep bodies', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'bodem';
    for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
    return value;
  };

  it('takes a body nested as deep as the limit', () => {
    expect(nonTextIn(nested(MAX_BODY_DEPTH))).toEqual([]);
  });

  it.each([MAX_BODY_DEPTH + 1, 3_000, 200_000])('refuses a body nested %i deep as one problem naming body, without recursion', (depth) => {
    expect(nonTextIn(nested(depth))).toEqual([{ name: 'body', code: 'depth', reason: expect.any(String) }]);
  });
});
