import { describe, expect, it } from '@jest/globals';
import { validateNewLocation } from '@keurmerk/locations';
import { locationFormValues, locationProblemText, newLocationOf } from './location-form';

const FILLED = {
  'adres.postcode': ' 2671 ab ',
  'adres.huisnummer': '12',
  'adres.huisletter': '',
  'adres.huisnummertoevoeging': '',
  'adres.straatnaam': 'Tuinbouwweg',
  'adres.woonplaats': 'Naaldwijk',
  gemeentecode: 'gm1783',
  bagNummeraanduidingId: '',
  soortHuisvesting: 'woning',
  nieuwbouw: 'nee',
  aantalSlaapplaatsen: '14',
};

describe('the location form', () => {
  it('turns a filled-in form into the input the service accepts', () => {
    const input = newLocationOf(locationFormValues(FILLED));
    expect(input).toEqual({
      address: {
        postcode: '2671 ab',
        houseNumber: 12,
        houseLetter: undefined,
        houseNumberAddition: undefined,
        street: 'Tuinbouwweg',
        city: 'Naaldwijk',
      },
      municipalityCode: 'GM1783',
      bagId: undefined,
      housingType: 'woning',
      newBuild: false,
      requestedBeds: 14,
    });
    const { value, problems } = validateNewLocation(input);
    expect(problems).toEqual([]);
    expect(value?.address.postcode).toBe('2671AB');
  });

  it('leaves what is not a number or a choice for the service to name by its contract field', () => {
    const input = newLocationOf(
      locationFormValues({ ...FILLED, 'adres.huisnummer': '12a', aantalSlaapplaatsen: '-3', nieuwbouw: 'misschien', soortHuisvesting: '' }),
    );
    const names = validateNewLocation(input)
      .problems.map((problem) => problem.name)
      .sort();
    expect(names).toEqual(['aantalSlaapplaatsen', 'adres.huisnummer', 'nieuwbouw', 'soortHuisvesting']);
  });

  it('reads a missing or repeated field as empty', () => {
    const values = locationFormValues({ 'adres.postcode': ['1234AB', '5678CD'] });
    expect(values['adres.postcode']).toBe('');
    expect(values.gemeentecode).toBe('');
    expect(locationFormValues(undefined).nieuwbouw).toBe('');
  });

  it('says every problem in the landlord’s language', () => {
    const unknown = { name: 'gemeentecode', code: 'unknown', reason: 'Not a current municipality code.' };
    const pattern = { name: 'gemeentecode', code: 'pattern', reason: 'x' };
    expect(locationProblemText({ language: 'nl' }, unknown)).toContain('niet bij een bestaande gemeente');
    expect(locationProblemText({ language: 'en' }, pattern)).toMatch(/GM and four digits/);
    expect(locationProblemText({ language: 'nl' }, { name: 'other', code: 'x', reason: 'As the service said.' })).toBe(
      'As the service said.',
    );
  });
});
