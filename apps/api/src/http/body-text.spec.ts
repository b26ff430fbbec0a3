import { nonTextIn } from './body-text';

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
