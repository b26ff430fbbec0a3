import { addressFromAnswer, locatieserverQuery, parsePoint } from './locatieserver';

const doc = {
  type: 'adres',
  straatnaam: 'Tuinbouwweg',
  huisnummer: 12,
  postcode: '2671AB',
  woonplaatsnaam: 'Naaldwijk',
  gemeentecode: '1783',
  gemeentenaam: 'Westland',
  centroide_ll: 'POINT(4.20931 51.99572)',
  nummeraanduiding_id: '1783200000012345',
};
const key = { postcode: '2671AB', houseNumber: 12 };

describe('PDOK Locatieserver answers', () => {
  it('asks for exactly one address, with only validated values in the query', () => {
    const query = locatieserverQuery({ ...key, houseLetter: 'A', houseNumberAddition: '2' });
    expect(query.get('q')).toBe('postcode:2671AB and huisnummer:12 and huisletter:A and huisnummertoevoeging:2');
    expect(query.get('fq')).toBe('type:adres');
  });

  it('reads street, town, municipality (with GM), BAG id and the WGS84 point', () => {
    expect(addressFromAnswer({ response: { docs: [doc] } }, key)).toEqual({
      street: 'Tuinbouwweg',
      city: 'Naaldwijk',
      municipalityCode: 'GM1783',
      municipalityName: 'Westland',
      bagId: '1783200000012345',
      latitude: 51.99572,
      longitude: 4.20931,
    });
  });

  it.each([
    ['another number', { ...doc, huisnummer: 13 }],
    ['a house letter not asked for', { ...doc, huisletter: 'A' }],
    ['another postcode', { ...doc, postcode: '2671AC' }],
    ['no municipality', { ...doc, gemeentecode: undefined }],
    ['not an address', { ...doc, type: 'postcode' }],
  ])('is no answer for %s', (_name, other) => {
    expect(addressFromAnswer({ response: { docs: [other] } }, key)).toBeUndefined();
  });

  it.each([null, {}, { response: {} }, { response: { docs: 'no' } }, { response: { docs: [null, 3] } }])('survives %p', (answer) => {
    expect(addressFromAnswer(answer, key)).toBeUndefined();
  });

  it.each([
    ['POINT(4.2 51.9)', { latitude: 51.9, longitude: 4.2 }],
    ['POINT(4.2 91)', { latitude: null, longitude: null }],
    ['POINT (4.2 51.9)', { latitude: null, longitude: null }],
    [42, { latitude: null, longitude: null }],
  ])('reads %p as %p', (point, expected) => {
    expect(parsePoint(point)).toEqual(expected);
  });
});
