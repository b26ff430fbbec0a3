import type { Principal } from '@keurmerk/accounts';
import { NewLocation, validateNewLocation } from './location-input';
import { visibleLocationCondition } from './location-visibility';

const valid: NewLocation = {
  address: {
    postcode: '2671 ab',
    houseNumber: 12,
    houseLetter: 'a',
    houseNumberAddition: '2hg',
    street: ' Havenstraat ',
    city: 'Naaldwijk',
  },
  municipalityCode: 'GM1783',
  bagId: '1783200000012345',
  housingType: 'woning',
  newBuild: false,
  requestedBeds: 14,
};

describe('validateNewLocation', () => {
  it('normalises the address so equal addresses compare equal', () => {
    expect(validateNewLocation(valid)).toEqual({
      problems: [],
      value: {
        address: {
          postcode: '2671AB',
          houseNumber: 12,
          houseLetter: 'A',
          houseNumberAddition: '2HG',
          street: 'Havenstraat',
          city: 'Naaldwijk',
        },
        municipalityCode: 'GM1783',
        bagId: '1783200000012345',
        housingType: 'woning',
        newBuild: false,
        requestedBeds: 14,
      },
    });
  });

  it('keeps absent optional parts absent', () => {
    const { value } = validateNewLocation({
      ...valid,
      bagId: undefined,
      address: { ...valid.address, houseLetter: undefined, houseNumberAddition: undefined },
    });
    expect(value?.address).toEqual({ postcode: '2671AB', houseNumber: 12, street: 'Havenstraat', city: 'Naaldwijk' });
    expect(value?.bagId).toBeNull();
  });

  it.each([
    ['postcode starting with 0', { address: { ...valid.address, postcode: '0123AB' } }, 'adres.postcode'],
    ['house number 0', { address: { ...valid.address, houseNumber: 0 } }, 'adres.huisnummer'],
    ['house number 1.5', { address: { ...valid.address, houseNumber: 1.5 } }, 'adres.huisnummer'],
    ['two house letters', { address: { ...valid.address, houseLetter: 'ab' } }, 'adres.huisletter'],
    ['addition with a dash', { address: { ...valid.address, houseNumberAddition: '2-h' } }, 'adres.huisnummertoevoeging'],
    ['blank street', { address: { ...valid.address, street: '  ' } }, 'adres.straatnaam'],
    ['long city', { address: { ...valid.address, city: 'x'.repeat(201) } }, 'adres.woonplaats'],
    ['city with a newline', { address: { ...valid.address, city: 'Naald\nwijk' } }, 'adres.woonplaats'],
    ['municipality name', { municipalityCode: 'Westland' }, 'gemeentecode'],
    ['BAG id without 20', { bagId: '1783100000012345' }, 'bagNummeraanduidingId'],
    ['unknown housing type', { housingType: 'kasteel' }, 'soortHuisvesting'],
    ['new build as text', { newBuild: 'ja' }, 'nieuwbouw'],
    ['0 beds', { requestedBeds: 0 }, 'aantalSlaapplaatsen'],
    ['10001 beds', { requestedBeds: 10001 }, 'aantalSlaapplaatsen'],
    ['1.5 beds', { requestedBeds: 1.5 }, 'aantalSlaapplaatsen'],
  ])('refuses a %s, naming %s', (_, override, name) => {
    const result = validateNewLocation({ ...valid, ...override } as NewLocation);
    expect(result.value).toBeUndefined();
    expect(result.problems.map((p) => p.name)).toEqual([name]);
  });

  it('names every problem at once', () => {
    const result = validateNewLocation({
      address: { postcode: 'x', houseNumber: -1, street: '', city: '' },
      municipalityCode: 'x',
      bagId: 'x',
      housingType: 'x',
      newBuild: 'x',
      requestedBeds: 'x',
    } as unknown as NewLocation);
    expect(result.problems.map((p) => p.name).sort()).toEqual([
      'aantalSlaapplaatsen',
      'adres.huisnummer',
      'adres.postcode',
      'adres.straatnaam',
      'adres.woonplaats',
      'bagNummeraanduidingId',
      'gemeentecode',
      'nieuwbouw',
      'soortHuisvesting',
    ]);
  });
});

describe('visibleLocationCondition', () => {
  const person = (role: string, extra: Partial<Principal> = {}) => ({ kind: 'person', userId: 'u-1', role, ...extra }) as Principal;

  it.each([
    ['beheerder', person('beheerder'), undefined],
    ['certificeerder', person('certificeerder'), undefined],
    [
      'verhuurder',
      person('verhuurder', { organisationId: 'org-1' }),
      { sql: '"l"."organisation_id" = :visibleOrganisationId', params: { visibleOrganisationId: 'org-1' } },
    ],
    [
      'gemeente',
      person('gemeente', { municipalityCode: 'GM1783' }),
      { sql: '"l"."municipality_code" = :visibleMunicipalityCode', params: { visibleMunicipalityCode: 'GM1783' } },
    ],
    [
      'API key',
      { kind: 'api-key', apiKeyId: 'k-1', municipalityCode: 'GM0363' } as Principal,
      { sql: '"l"."municipality_code" = :visibleMunicipalityCode', params: { visibleMunicipalityCode: 'GM0363' } },
    ],
    ['verhuurder without organisation', person('verhuurder'), { sql: '1 = 0', params: {} }],
    ['gemeente without municipality', person('gemeente'), { sql: '1 = 0', params: {} }],
    ['unknown role', person('koning'), { sql: '1 = 0', params: {} }],
    ['nobody', undefined, { sql: '1 = 0', params: {} }],
  ])('gives a %s its rule', (_, principal, expected) => {
    expect(visibleLocationCondition(principal, 'l')).toEqual(expected);
  });

  it('lets an auditor see the locations of its own inspections', () => {
    const condition = visibleLocationCondition(person('auditor'), 'l');
    expect(condition?.sql).toMatch(/^EXISTS \(SELECT 1 FROM inspection .* = "l"\."id" AND .*auditor_id = :visibleAuditorId\)$/);
    expect(condition?.params).toEqual({ visibleAuditorId: 'u-1' });
  });
});
