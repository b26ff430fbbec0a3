import fc from 'fast-check';
import { formatCertificateNumber, luhnCheckDigit, parseCertificateNumber } from './certificate-number';

describe('certificate numbers', () => {
  it.each([
    // Standard Luhn examples: payload → check digit.
    ['7992739871', 3],
    // CONTRACT.md's example KM-2026-000123-4 is not Luhn-valid: Luhn gives 3 (4 is the plain digit
    // sum mod 10). The contract's rule (Luhn) is followed; the example is off by its own rule.
    ['2026000123', 3],
    ['0000000000', 0],
  ])('Luhn check digit of %s is %i', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });

  it('formats the contract example with its Luhn check digit', () => {
    expect(formatCertificateNumber(2026, 123)).toBe('KM-2026-000123-3');
  });

  it.each([
    ['KM-2026-000123-3', { valid: true, year: 2026, sequence: 123 }],
    ['KM-2026-000123-4', { valid: false, reason: 'check-digit' }],
    ['KM-2026-00123-4', { valid: false, reason: 'format' }],
    ['km-2026-000123-4', { valid: false, reason: 'format' }],
    ['KM-2026-000123-4 ', { valid: false, reason: 'format' }],
    ['', { valid: false, reason: 'format' }],
  ])('parses %j', (input, expected) => {
    expect(parseCertificateNumber(input)).toEqual(expected);
  });

  it('round-trips every number, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 9 }),
        (year, sequence, position) => {
          const number = formatCertificateNumber(year, sequence);
          expect(parseCertificateNumber(number)).toEqual({ valid: true, year, sequence });
          const digits = number.replace(/\D/g, '').slice(0, 10).split('');
          digits[position] = String((Number(digits[position]) + 1 + (position % 9)) % 10);
          const altered = `KM-${digits.slice(0, 4).join('')}-${digits.slice(4).join('')}-${number.at(-1)}`;
          expect(parseCertificateNumber(altered).valid).toBe(false);
        },
      ),
    );
  });

  it('refuses sequences that do not fit', () => {
    expect(() => formatCertificateNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatCertificateNumber(2026, 1_000_000)).toThrow(RangeError);
  });
});
