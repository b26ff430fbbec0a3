import type { CertificateAddress } from './certificate-document-data';

const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/**
 * Month names are written out in Dutch on the certificate itself, so `03-04-2026` can never be read
 * as 4 March. Formatting is done by hand, not with Intl, so the output cannot drift with the ICU data
 * of the Node build (the PDF must be byte-for-byte reproducible).
 */
export function formatDutchLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${DUTCH_MONTHS[month - 1]} ${year}`;
}

/** `dd-mm-yyyy`: the numeric order every language on the information card reads the same way. */
export function formatNumericDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}-${month}-${year}`;
}

/** Dutch notation: `Dorpsstraat 12a-2hg` (letter attached, addition after a hyphen). */
export function formatStreetLine(address: CertificateAddress): string {
  const letter = address.houseLetter ?? '';
  const addition = address.houseNumberAddition ? `-${address.houseNumberAddition}` : '';
  return `${address.street.trim()} ${address.houseNumber}${letter}${addition}`;
}

/** `1234 AB  Amsterdam` is PostNL's notation; one space reads better in running text. */
export function formatPostcodeCityLine(address: CertificateAddress): string {
  const compact = address.postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)} ${address.city.trim()}`;
}
