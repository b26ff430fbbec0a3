import { AppException, InvalidParam, validateAddressKey } from '@keurmerk/common';
import { parseCertificateNumber } from '@keurmerk/certificates';
import type { VerificationRequest } from '@keurmerk/verification';

const ADDRESS_FIELDS = ['postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging'];
const ALLOWED = new Set(['certificaatnummer', 'aantalBewoners', ...ADDRESS_FIELDS]);

/** One verification request from query or bulk JSON: a number or an address, with every problem named. */
export function parseVerificationRequest(
  input: Record<string, unknown>,
  prefix = '',
): { request?: VerificationRequest; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const field = (name: string) => `${prefix}${name}`;
  for (const key of Object.keys(input)) {
    if (!ALLOWED.has(key))
      problems.push({ name: field(key), code: 'unknown-field', reason: `The field ${key} is not part of a verification request.` });
  }
  let residents: number | undefined;
  const rawResidents = input.aantalBewoners;
  if (rawResidents !== undefined && rawResidents !== null && rawResidents !== '') {
    const value = typeof rawResidents === 'string' && /^\d+$/.test(rawResidents) ? Number(rawResidents) : rawResidents;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10000) {
      problems.push({ name: field('aantalBewoners'), code: 'range', reason: 'aantalBewoners must be a whole number from 1 to 10000.' });
    } else residents = value;
  }
  const hasNumber = input.certificaatnummer !== undefined && input.certificaatnummer !== '';
  const hasAddress = ADDRESS_FIELDS.some((f) => input[f] !== undefined && input[f] !== '');
  if (hasNumber && hasAddress) {
    problems.push({ name: field('certificaatnummer'), code: 'exclusive', reason: 'Ask by certificate number or by address, not both.' });
    return { problems };
  }
  if (!hasNumber && !hasAddress) {
    problems.push({ name: field('certificaatnummer'), code: 'required', reason: 'Give a certificaatnummer, or postcode and huisnummer.' });
    return { problems };
  }
  if (hasNumber) {
    const number = input.certificaatnummer;
    const parsed = typeof number === 'string' ? parseCertificateNumber(number) : ({ valid: false, reason: 'format' } as const);
    if (!parsed.valid) {
      problems.push({
        name: field('certificaatnummer'),
        code: parsed.reason,
        reason:
          parsed.reason === 'check-digit'
            ? 'The check digit of this certificate number is wrong.'
            : 'A certificate number looks like KM-2026-000123-3.',
      });
    }
    if (problems.length > 0) return { problems };
    return { request: { certificateNumber: number as string, residents }, problems };
  }
  const address = validateAddressKey(input, prefix);
  problems.push(...address.problems);
  if (problems.length > 0 || !address.value) return { problems };
  return { request: { ...address.value, residents }, problems };
}

export function requireVerificationRequest(input: Record<string, unknown>): VerificationRequest {
  const { request, problems } = parseVerificationRequest(input);
  if (problems.length > 0) throw AppException.invalid(problems);
  return request!;
}
