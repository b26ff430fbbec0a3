import { InvalidParam } from './app-exception';

/** A Dutch address as the platform keeps it: normalised, so equal addresses compare equal. */
export interface Address {
  postcode: string;
  houseNumber: number;
  houseLetter?: string;
  houseNumberAddition?: string;
  street: string;
  city: string;
}

export const POSTCODE_PATTERN = /^[1-9][0-9]{3}[A-Z]{2}$/;
export const HOUSE_LETTER_PATTERN = /^[a-zA-Z]$/;
export const HOUSE_NUMBER_ADDITION_PATTERN = /^[0-9a-zA-Z]{1,4}$/;
export const BAG_ID_PATTERN = /^[0-9]{4}20[0-9]{10}$/;
export const MIN_HOUSE_NUMBER = 1;
export const MAX_HOUSE_NUMBER = 99999;

/** The longest postcode input taken: `1234 ab` with room for stray spaces, not a megabyte of them. */
export const MAX_POSTCODE_INPUT_LENGTH = 16;

/** `1234 ab` and `1234AB` are the same postcode. */
export function normalisePostcode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** House letters are kept upper case (BAG writes `12A`); additions upper case too, so `2hg` == `2HG`. */
export function normaliseHouseLetter(input: string): string {
  return input.trim().toUpperCase();
}

export function normaliseHouseNumberAddition(input: string): string {
  return input.trim().toUpperCase();
}

export interface AddressLookup {
  postcode: string;
  houseNumber: number;
  houseLetter?: string;
  houseNumberAddition?: string;
}

/** Checks the parts that identify an address; `prefix` names the fields as the client sent them. */
export function validateAddressKey(
  input: { postcode?: unknown; huisnummer?: unknown; huisletter?: unknown; huisnummertoevoeging?: unknown },
  prefix = '',
): { value?: AddressLookup; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const field = (name: string) => `${prefix}${name}`;

  let postcode: string | undefined;
  if (typeof input.postcode !== 'string' || input.postcode.trim() === '') {
    problems.push({ name: field('postcode'), code: 'required', reason: 'Postcode is required, e.g. 1234AB.' });
  } else if (input.postcode.length > MAX_POSTCODE_INPUT_LENGTH) {
    problems.push({
      name: field('postcode'),
      code: 'pattern',
      reason: 'Postcode must be four digits (not starting with 0) and two letters, e.g. 1234AB.',
    });
  } else {
    postcode = normalisePostcode(input.postcode);
    if (!POSTCODE_PATTERN.test(postcode)) {
      problems.push({
        name: field('postcode'),
        code: 'pattern',
        reason: 'Postcode must be four digits (not starting with 0) and two letters, e.g. 1234AB.',
      });
    }
  }

  const rawNumber = typeof input.huisnummer === 'string' && /^\d+$/.test(input.huisnummer) ? Number(input.huisnummer) : input.huisnummer;
  if (typeof rawNumber !== 'number' || !Number.isInteger(rawNumber) || rawNumber < MIN_HOUSE_NUMBER || rawNumber > MAX_HOUSE_NUMBER) {
    const reason = `Huisnummer must be a whole number from ${MIN_HOUSE_NUMBER} to ${MAX_HOUSE_NUMBER}.`;
    problems.push({ name: field('huisnummer'), code: 'range', reason });
  }

  let houseLetter: string | undefined;
  if (input.huisletter !== undefined && input.huisletter !== null && input.huisletter !== '') {
    if (typeof input.huisletter !== 'string' || !HOUSE_LETTER_PATTERN.test(input.huisletter.trim())) {
      problems.push({ name: field('huisletter'), code: 'pattern', reason: 'Huisletter must be one letter.' });
    } else {
      houseLetter = normaliseHouseLetter(input.huisletter);
    }
  }

  let addition: string | undefined;
  if (input.huisnummertoevoeging !== undefined && input.huisnummertoevoeging !== null && input.huisnummertoevoeging !== '') {
    if (typeof input.huisnummertoevoeging !== 'string' || !HOUSE_NUMBER_ADDITION_PATTERN.test(input.huisnummertoevoeging.trim())) {
      problems.push({
        name: field('huisnummertoevoeging'),
        code: 'pattern',
        reason: 'Huisnummertoevoeging must be 1 to 4 letters or digits.',
      });
    } else {
      addition = normaliseHouseNumberAddition(input.huisnummertoevoeging);
    }
  }

  if (problems.length > 0) return { problems };
  return { value: { postcode: postcode!, houseNumber: rawNumber as number, houseLetter, houseNumberAddition: addition }, problems };
}

/** The contract's `adres` object, as every answer and event shows an address. */
export interface ContractAddress {
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  straatnaam: string;
  woonplaats: string;
}

export function contractAddress(address: {
  postcode: string;
  houseNumber: number;
  houseLetter?: string | null;
  houseNumberAddition?: string | null;
  street: string;
  city: string;
}): ContractAddress {
  return {
    postcode: address.postcode,
    huisnummer: address.houseNumber,
    ...(address.houseLetter ? { huisletter: address.houseLetter } : {}),
    ...(address.houseNumberAddition ? { huisnummertoevoeging: address.houseNumberAddition } : {}),
    straatnaam: address.street,
    woonplaats: address.city,
  };
}

/** An address as raw SQL returns it: no letter or addition is null (a row, not a normalised Address). */
export interface AddressColumns {
  postcode: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  street: string;
  city: string;
}

/** The address of a raw query row whose columns are named as in the location table (`house_number` …). */
export function addressFromRow(row: Record<string, unknown>): AddressColumns {
  return {
    postcode: row.postcode as string,
    houseNumber: row.house_number as number,
    houseLetter: (row.house_letter as string | null) ?? null,
    houseNumberAddition: (row.house_number_addition as string | null) ?? null,
    street: row.street as string,
    city: row.city as string,
  };
}
