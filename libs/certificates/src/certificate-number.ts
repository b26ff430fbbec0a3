/** `KM-<year>-<6 digits>-<check digit>`; the check digit is Luhn (mod 10) over the ten digits. */
export const CERTIFICATE_NUMBER_PATTERN = /^KM-(\d{4})-(\d{6})-(\d)$/;

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // From the right, every second digit (starting with the rightmost of the payload) is doubled.
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatCertificateNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year} is not four digits`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError(`sequence ${sequence} does not fit six digits`);
  const serial = String(sequence).padStart(6, '0');
  return `KM-${year}-${serial}-${luhnCheckDigit(`${year}${serial}`)}`;
}

export type CertificateNumberCheck = { valid: true; year: number; sequence: number } | { valid: false; reason: 'format' | 'check-digit' };

/** Tells a malformed number from one with a wrong check digit (both are invalid input to the API). */
export function parseCertificateNumber(input: string): CertificateNumberCheck {
  const match = CERTIFICATE_NUMBER_PATTERN.exec(input);
  if (!match) return { valid: false, reason: 'format' };
  const [, year, serial, check] = match;
  if (luhnCheckDigit(`${year}${serial}`) !== Number(check)) return { valid: false, reason: 'check-digit' };
  return { valid: true, year: Number(year), sequence: Number(serial) };
}
