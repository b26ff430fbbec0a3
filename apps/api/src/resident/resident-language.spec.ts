import { chooseLanguage, negotiateLanguage } from './resident-language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['pl', 'pl'],
    ['pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7', 'pl'],
    ['de-DE,de;q=0.9,ro;q=0.8,en;q=0.7', 'ro'],
    ['en;q=0.5, bg;q=0.9', 'bg'],
    ['en, bg', 'en'],
    ['BG-bg', 'bg'],
    ['ro;q=0, en;q=0.1', 'en'],
    ['de, fr', 'en'],
    ['*', 'nl'],
    ['de, *;q=0.5', 'nl'],
    ['nl;q=abc, pl;q=0.2', 'pl'],
    ['hu;q=1.0, ro-MD;q=0.95', 'ro'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('chooseLanguage', () => {
  it('takes ?taal= over the header, and ignores an unknown one', () => {
    expect(chooseLanguage('bg', 'pl')).toEqual({ language: 'bg', explicit: true });
    expect(chooseLanguage('xx', 'pl')).toEqual({ language: 'pl', explicit: false });
    expect(chooseLanguage(['ro', 'pl'], 'en')).toEqual({ language: 'en', explicit: false });
  });
});
