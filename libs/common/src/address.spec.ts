import { MAX_POSTCODE_INPUT_LENGTH, normalisePostcode, validateAddressKey } from './address';

describe('address normalisation', () => {
  it.each([
    ['1234 ab', '1234AB'],
    [' 1234AB ', '1234AB'],
    ['1234\tAb', '1234AB'],
  ])('normalises postcode %j to %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it('accepts a full address key and normalises its parts', () => {
    expect(validateAddressKey({ postcode: '1011 ab', huisnummer: 12, huisletter: 'a', huisnummertoevoeging: '2hg' })).toEqual({
      value: { postcode: '1011AB', houseNumber: 12, houseLetter: 'A', houseNumberAddition: '2HG' },
      problems: [],
    });
  });

  it('accepts a house number given as digits in a query string', () => {
    expect(validateAddressKey({ postcode: '1011AB', huisnummer: '7' }).value?.houseNumber).toBe(7);
  });

  it.each([
    [{ postcode: '0123AB', huisnummer: 1 }, 'adres.postcode'],
    [{ postcode: '1234A', huisnummer: 1 }, 'adres.postcode'],
    [{ huisnummer: 1 }, 'adres.postcode'],
    [{ postcode: '1234AB', huisnummer: 0 }, 'adres.huisnummer'],
    [{ postcode: '1234AB', huisnummer: 100000 }, 'adres.huisnummer'],
    [{ postcode: '1234AB', huisnummer: 1.5 }, 'adres.huisnummer'],
    [{ postcode: '1234AB', huisnummer: 1, huisletter: 'ab' }, 'adres.huisletter'],
    [{ postcode: '1234AB', huisnummer: 1, huisnummertoevoeging: 'abcde' }, 'adres.huisnummertoevoeging'],
    [{ postcode: '1234AB', huisnummer: 1, huisnummertoevoeging: '2-h' }, 'adres.huisnummertoevoeging'],
  ])('refuses %j naming %s', (input, name) => {
    const { value, problems } = validateAddressKey(input, 'adres.');
    expect(value).toBeUndefined();
    expect(problems.map((p) => p.name)).toEqual([name]);
  });

  it('lists every problem at once', () => {
    expect(validateAddressKey({ postcode: 'x', huisnummer: -1, huisletter: '1' }).problems).toHaveLength(3);
  });
});

describe('validateAddressKey postcode length (issue 16)', () => {
  it('takes stray spaces but not a postcode longer than MAX_POSTCODE_INPUT_LENGTH', () => {
    expect(validateAddressKey({ postcode: ' 2671  ab ', huisnummer: 1 }).problems).toEqual([]);
    expect(
      validateAddressKey({ postcode: `2671${' '.repeat(MAX_POSTCODE_INPUT_LENGTH)}AB`, huisnummer: 1 }).problems.map((p) => p.name),
    ).toEqual(['postcode']);
  });
});
