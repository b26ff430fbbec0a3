import { formatDutchLongDate, formatNumericDate, formatPostcodeCityLine, formatStreetLine } from './certificate-formatting';

describe('certificate formatting', () => {
  it.each([
    ['2026-04-01', '1 april 2026'],
    ['2027-03-31', '31 maart 2027'],
    ['2026-12-09', '9 december 2026'],
  ])('writes %s as %s', (iso, dutch) => {
    expect(formatDutchLongDate(iso)).toBe(dutch);
  });

  it('writes numeric dates day first', () => {
    expect(formatNumericDate('2027-03-31')).toBe('31-03-2027');
  });

  it.each([
    [{ street: 'Dorpsstraat', houseNumber: 12 }, 'Dorpsstraat 12'],
    [{ street: 'Dorpsstraat', houseNumber: 12, houseLetter: 'a' }, 'Dorpsstraat 12a'],
    [{ street: 'Dorpsstraat', houseNumber: 12, houseNumberAddition: '2hg' }, 'Dorpsstraat 12-2hg'],
    [{ street: ' Dorpsstraat ', houseNumber: 12, houseLetter: 'B', houseNumberAddition: '3' }, 'Dorpsstraat 12B-3'],
  ])('writes the street line of %j as %s', (parts, expected) => {
    expect(formatStreetLine({ postcode: '1234AB', city: 'Amsterdam', ...parts })).toBe(expected);
  });

  it.each([
    ['1234AB', '1234 AB Amsterdam'],
    ['1234 ab', '1234 AB Amsterdam'],
  ])('writes postcode %s as %s', (postcode, expected) => {
    expect(formatPostcodeCityLine({ street: 'x', houseNumber: 1, postcode, city: 'Amsterdam' })).toBe(expected);
  });
});
