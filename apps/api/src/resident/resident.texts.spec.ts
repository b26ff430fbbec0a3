import { RESIDENT_LANGUAGES } from './resident-language';
import { RESIDENT_TEXTS } from './resident.texts';

describe('residents’ page texts', () => {
  it.each([
    ['nl', 1, 'Hier mag ten hoogste 1 persoon wonen.'],
    ['nl', 11, 'Hier mogen ten hoogste 11 personen wonen.'],
    ['en', 1, 'At most 1 person may live here.'],
    ['en', 2, 'At most 2 people may live here.'],
    ['pl', 1, 'Może tu mieszkać najwyżej 1 osoba.'],
    ['pl', 3, 'Mogą tu mieszkać najwyżej 3 osoby.'],
    ['pl', 11, 'Może tu mieszkać najwyżej 11 osób.'],
    ['pl', 22, 'Mogą tu mieszkać najwyżej 22 osoby.'],
    ['pl', 25, 'Może tu mieszkać najwyżej 25 osób.'],
    ['ro', 1, 'Aici poate locui cel mult 1 persoană.'],
    ['ro', 11, 'Aici pot locui cel mult 11 persoane.'],
    ['ro', 20, 'Aici pot locui cel mult 20 de persoane.'],
    ['ro', 101, 'Aici pot locui cel mult 101 persoane.'],
    ['bg', 1, 'Тук може да живее най-много 1 човек.'],
    ['bg', 11, 'Тук могат да живеят най-много 11 души.'],
  ] as const)('%s says the maximum of %i in its own plural form', (language, count, expected) => {
    expect(RESIDENT_TEXTS[language].atMost(count)).toBe(expected);
  });

  it('has every text in every language, none empty', () => {
    const keys = Object.keys(RESIDENT_TEXTS.nl).sort();
    for (const language of RESIDENT_LANGUAGES) {
      expect(Object.keys(RESIDENT_TEXTS[language]).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(RESIDENT_TEXTS[language])) {
        if (typeof value === 'string') expect(`${language}.${key}: ${value.trim() === '' ? 'empty' : 'ok'}`).toBe(`${language}.${key}: ok`);
      }
    }
  });

  it('writes Romanian with the comma-below ș and ț, as the information card does', () => {
    expect(JSON.stringify(RESIDENT_TEXTS.ro)).not.toMatch(/[şţŞŢ]/);
  });

  it('ends a Bulgarian sentence after a date with one full stop', () => {
    expect(RESIDENT_TEXTS.bg.status.geldig.explanation('30 ноември 2027 г.')).toMatch(/2027 г\.$/);
  });
});
