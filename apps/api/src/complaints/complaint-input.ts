import { InvalidParam, validateAddressKey } from '@keurmerk/common';
import { type ComplaintSubject, type NewComplaint, validateComplaintContent } from '@keurmerk/complaints';
import { parseVerificationRequest } from '../verification/verification-input';

const ADDRESS_FIELDS = new Set(['postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging']);

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * A complaint as the contract writes it (`{certificaatnummer | adres, omschrijving, taal}`), with every
 * problem named at once. A number is checked as the verification checks it (format and check digit);
 * whether a certificate exists with it is not asked: an unknown number is still a complaint.
 */
export function parseComplaintInput(body: Record<string, unknown>): { input?: NewComplaint; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  let subject: ComplaintSubject | undefined;
  const hasNumber = given(body.certificaatnummer);
  const hasAddress = given(body.adres);
  if (hasNumber && hasAddress) {
    problems.push({ name: 'certificaatnummer', code: 'exclusive', reason: 'Give a certificaatnummer or an adres, not both.' });
  } else if (!hasNumber && !hasAddress) {
    problems.push({
      name: 'certificaatnummer',
      code: 'required',
      reason: 'Give the certificaatnummer from the information card, or the adres.',
    });
  } else if (hasNumber) {
    const parsed = parseVerificationRequest({ certificaatnummer: body.certificaatnummer });
    problems.push(...parsed.problems);
    if (parsed.request && 'certificateNumber' in parsed.request) subject = { certificateNumber: parsed.request.certificateNumber };
  } else if (typeof body.adres !== 'object' || Array.isArray(body.adres)) {
    problems.push({ name: 'adres', code: 'type', reason: 'adres must be an object with postcode and huisnummer.' });
  } else {
    const address = body.adres as Record<string, unknown>;
    for (const key of Object.keys(address)) {
      if (!ADDRESS_FIELDS.has(key))
        problems.push({ name: `adres.${key}`, code: 'unknown-field', reason: `The field adres.${key} is not part of an address.` });
    }
    const parsed = validateAddressKey(address, 'adres.');
    problems.push(...parsed.problems);
    if (parsed.value) subject = { address: parsed.value };
  }
  const content = validateComplaintContent({ description: body.omschrijving, language: body.taal });
  problems.push(...content.problems);
  if (problems.length > 0 || !subject || !content.value) return { problems };
  return { input: { subject, ...content.value }, problems };
}
