import { parseCertificateSearch } from './certificate-search';

describe('parseCertificateSearch: what a municipality types or pastes', () => {
  it.each([
    ['KM-2026-000123-4', { kind: 'number', number: 'KM-2026-000123-4' }],
    ['km-2026-000123-4', { kind: 'number', number: 'KM-2026-000123-4' }],
    ['2671 AA', { kind: 'postcode', postcode: '2671AA', houseNumber: null }],
    ['2671AA 1', { kind: 'postcode', postcode: '2671AA', houseNumber: 1 }],
    ['2671 aa 1', { kind: 'postcode', postcode: '2671AA', houseNumber: 1 }],
    ['2671  AA   12', { kind: 'postcode', postcode: '2671AA', houseNumber: 12 }],
    ['2671AA12', { kind: 'postcode', postcode: '2671AA', houseNumber: 12 }],
    ['2671 AA 12a', { kind: 'postcode', postcode: '2671AA', houseNumber: 12 }],
    ['Havenstraat 1, 2671 AA Naaldwijk', { kind: 'postcode', postcode: '2671AA', houseNumber: 1 }],
    ['Havenstraat 1 2671AA Naaldwijk', { kind: 'postcode', postcode: '2671AA', houseNumber: 1 }],
    ['Havenstraat 12-2, 2671AA, Naaldwijk', { kind: 'postcode', postcode: '2671AA', houseNumber: 12 }],
    ['Havenstraat 1', { kind: 'street', street: 'Havenstraat', houseNumber: 1 }],
    ['havenstraat   1', { kind: 'street', street: 'havenstraat', houseNumber: 1 }],
    ['Burgemeester de Jonghlaan 14b', { kind: 'street', street: 'Burgemeester de Jonghlaan', houseNumber: 14 }],
    ['Havenstraat 1, Naaldwijk', { kind: 'street', street: 'Havenstraat', houseNumber: 1 }],
    ['Havenstraat', { kind: 'text', text: 'Havenstraat' }],
    ['Naaldwijk', { kind: 'text', text: 'Naaldwijk' }],
    ['Kas & Co B.V.', { kind: 'text', text: 'Kas & Co B.V.' }],
    ['1', { kind: 'text', text: '1' }],
    ['Havenstraat 99999999', { kind: 'text', text: 'Havenstraat 99999999' }],
  ])('%s', (input, expected) => {
    expect(parseCertificateSearch(input)).toEqual(expected);
  });

  it('finds nothing to search in blanks', () => {
    expect(parseCertificateSearch('   ')).toBeUndefined();
  });
});
