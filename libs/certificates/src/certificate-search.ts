import { normalisePostcode } from '@keurmerk/common';

/**
 * What a person typed into a certificate search box, understood: a certificate number, a postcode with
 * or without a house number (in any spacing: `2671AA 1`, `2671 aa 1`), a street with a house number
 * (`Havenstraat 1`), a whole pasted address (`Havenstraat 1, 2671 AA Naaldwijk`: the postcode and
 * number decide), or else text to look for in street, place or holder.
 */
export type CertificateSearch =
  | { kind: 'number'; number: string }
  | { kind: 'postcode'; postcode: string; houseNumber: number | null }
  | { kind: 'street'; street: string; houseNumber: number }
  | { kind: 'text'; text: string };

const NUMBER = /^KM-\d{4}-\d{6}-\d$/i;
/** A Dutch postcode anywhere in the text: four digits (not starting with 0), two letters. */
const POSTCODE = /(?:^|[^0-9A-Za-z])([1-9][0-9]{3})\s*([A-Za-z]{2})(?![A-Za-z])/;
/** A house number as written after a street or a postcode: digits, then perhaps a letter or addition (`12a`, `12-2`, `12 bis`). */
const HOUSE_NUMBER = /^(\d{1,5})(?![0-9])/;
/** A street followed by its house number: the number is the last group of digits before any addition. */
const STREET_AND_NUMBER = /^(.*?[A-Za-zÀ-ÿ.'’].*?)\s+(\d{1,5})(?![0-9])(?:\s*[A-Za-z]{1,4}|\s*-\s*[A-Za-z0-9]{1,4})?$/;
/** The house number closing the street part before a postcode (`Havenstraat 12b, `). */
const NUMBER_AT_END = /\s(\d{1,5})(?:\s*[A-Za-z]{1,4}|\s*-\s*[A-Za-z0-9]{1,4})?\s*,?\s*$/;
const MAX_HOUSE_NUMBER = 99999;

export function parseCertificateSearch(input: string): CertificateSearch | undefined {
  const search = input.trim().replace(/\s+/g, ' ');
  if (!search) return undefined;
  if (NUMBER.test(search)) return { kind: 'number', number: search.toUpperCase() };
  const parts = search.split(',').map((part) => part.trim());
  const postcode = POSTCODE.exec(search);
  if (postcode) {
    const after = search.slice(postcode.index + postcode[0].length).trim();
    const numberAfter = HOUSE_NUMBER.exec(after);
    const numberBefore = NUMBER_AT_END.exec(search.slice(0, postcode.index))?.[1];
    const houseNumber = numberAfter?.[1] ?? numberBefore;
    return {
      kind: 'postcode',
      postcode: normalisePostcode(`${postcode[1]}${postcode[2]}`),
      houseNumber: houseNumber === undefined ? null : bounded(houseNumber),
    };
  }
  const streetAndNumber = STREET_AND_NUMBER.exec(parts[0]);
  if (streetAndNumber) return { kind: 'street', street: streetAndNumber[1].trim(), houseNumber: bounded(streetAndNumber[2]) };
  return { kind: 'text', text: search };
}

function bounded(digits: string): number {
  return Math.min(Number(digits), MAX_HOUSE_NUMBER);
}
