import {
  Address,
  BAG_ID_PATTERN,
  CONTROL_CHARACTERS,
  InvalidParam,
  MAX_CLIENT_REFERENCE_LENGTH,
  validateAddressKey,
} from '@keurmerk/common';
import { HOUSING_TYPES, type HousingType } from '@keurmerk/norm';

export const MUNICIPALITY_CODE_PATTERN = /^GM[0-9]{4}$/;
export const MAX_ADDRESS_TEXT_LENGTH = 200;
export const MIN_REQUESTED_BEDS = 1;
export const MAX_REQUESTED_BEDS = 10_000;

/** A location as a caller registers it. Field names in problems are the contract's (`adres.postcode`). */
export interface NewLocation {
  /** The landlord organisation; a verhuurder may leave it out (its own), a beheerder must give it. */
  organisationId?: string;
  address: Address;
  municipalityCode: string;
  bagId?: string;
  housingType: HousingType;
  newBuild: boolean;
  requestedBeds: number;
}

/** A location's own fields after normalisation: what is stored, so equal addresses compare equal. */
export interface ValidLocation {
  address: Address;
  municipalityCode: string;
  bagId: string | null;
  housingType: HousingType;
  newBuild: boolean;
  requestedBeds: number;
}

/**
 * Checks and normalises everything about a new location that needs no database: the address, the
 * form of the gemeentecode, the BAG id, housing type, new build and beds. Every problem is reported
 * at once. Whether the gemeentecode is a current municipality and who owns the location are the
 * service's to check.
 */
export function validateNewLocation(input: NewLocation): { value?: ValidLocation; problems: InvalidParam[] } {
  const address: Partial<Address> = input.address ?? {};
  const key = validateAddressKey(
    {
      postcode: address.postcode,
      huisnummer: typeof address.houseNumber === 'number' ? address.houseNumber : undefined,
      huisletter: address.houseLetter,
      huisnummertoevoeging: address.houseNumberAddition,
    },
    'adres.',
  );
  const problems = [...key.problems];
  const street = addressText(address.street, 'adres.straatnaam', problems);
  const city = addressText(address.city, 'adres.woonplaats', problems);

  if (typeof input.municipalityCode !== 'string' || !MUNICIPALITY_CODE_PATTERN.test(input.municipalityCode)) {
    problems.push({ name: 'gemeentecode', code: 'pattern', reason: 'gemeentecode must be GM followed by 4 digits, e.g. GM0363.' });
  }
  if (input.bagId !== undefined && input.bagId !== null && (typeof input.bagId !== 'string' || !BAG_ID_PATTERN.test(input.bagId))) {
    problems.push({
      name: 'bagNummeraanduidingId',
      code: 'pattern',
      reason: 'bagNummeraanduidingId must be 16 digits with 20 in positions 5 and 6.',
    });
  }
  if (!(HOUSING_TYPES as readonly unknown[]).includes(input.housingType)) {
    problems.push({ name: 'soortHuisvesting', code: 'enum', reason: `soortHuisvesting is one of ${HOUSING_TYPES.join(', ')}.` });
  }
  if (typeof input.newBuild !== 'boolean') {
    problems.push({ name: 'nieuwbouw', code: 'type', reason: 'nieuwbouw must be true or false.' });
  }
  if (!Number.isInteger(input.requestedBeds) || input.requestedBeds < MIN_REQUESTED_BEDS || input.requestedBeds > MAX_REQUESTED_BEDS) {
    problems.push({
      name: 'aantalSlaapplaatsen',
      code: 'range',
      reason: `aantalSlaapplaatsen must be a whole number from ${MIN_REQUESTED_BEDS} to ${MAX_REQUESTED_BEDS}.`,
    });
  }

  if (problems.length > 0 || !key.value) return { problems };
  return {
    problems,
    value: {
      address: {
        postcode: key.value.postcode,
        houseNumber: key.value.houseNumber,
        ...(key.value.houseLetter ? { houseLetter: key.value.houseLetter } : {}),
        ...(key.value.houseNumberAddition ? { houseNumberAddition: key.value.houseNumberAddition } : {}),
        street: street!,
        city: city!,
      },
      municipalityCode: input.municipalityCode,
      bagId: input.bagId ?? null,
      housingType: input.housingType,
      newBuild: input.newBuild,
      requestedBeds: input.requestedBeds,
    },
  };
}

/** A client reference on an application document: 1 to 100 characters without control characters. */
export function clientReferenceProblem(clientReference: string | undefined): InvalidParam | undefined {
  if (clientReference === undefined) return undefined;
  if (clientReference.length > 0 && clientReference.length <= MAX_CLIENT_REFERENCE_LENGTH && !CONTROL_CHARACTERS.test(clientReference))
    return undefined;
  return {
    name: 'clientReferentie',
    code: 'length',
    reason: `clientReferentie is 1 to ${MAX_CLIENT_REFERENCE_LENGTH} characters without control characters.`,
  };
}

// Street and city end up on certificates and information cards; control characters never belong there.
function addressText(value: unknown, name: string, problems: InvalidParam[]): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) {
    problems.push({ name, code: 'required', reason: `${name.split('.').pop()} is required.` });
  } else if (text.length > MAX_ADDRESS_TEXT_LENGTH) {
    problems.push({ name, code: 'length', reason: `${name.split('.').pop()} is at most ${MAX_ADDRESS_TEXT_LENGTH} characters.` });
  } else if (CONTROL_CHARACTERS.test(text)) {
    problems.push({ name, code: 'pattern', reason: `${name.split('.').pop()} must not contain control characters.` });
  } else {
    return text;
  }
  return undefined;
}

/** A reason given for deregistration, transfer or resolving a claim: it ends up in the event log and on status changes. */
export const MAX_REASON_LENGTH = 1000;
/** Days within which a material change of a certified location should be inspected (a `wijziging` request). */
export const CHANGE_INSPECTION_DUE_DAYS = 30;

/** What a holder may change about a location after registration; the address never changes (register anew). */
export interface LocationChange {
  requestedBeds?: number;
  housingType?: HousingType;
  newBuild?: boolean;
}

/** Every problem of a change at once; a change that changes nothing is a problem too. */
export function validateLocationChange(input: LocationChange): InvalidParam[] {
  const problems: InvalidParam[] = [];
  if (input.requestedBeds === undefined && input.housingType === undefined && input.newBuild === undefined) {
    problems.push({
      name: 'aantalSlaapplaatsen',
      code: 'required',
      reason: 'Give at least one of aantalSlaapplaatsen, soortHuisvesting and nieuwbouw.',
    });
  }
  if (input.housingType !== undefined && !(HOUSING_TYPES as readonly unknown[]).includes(input.housingType)) {
    problems.push({ name: 'soortHuisvesting', code: 'enum', reason: `soortHuisvesting is one of ${HOUSING_TYPES.join(', ')}.` });
  }
  if (input.newBuild !== undefined && typeof input.newBuild !== 'boolean') {
    problems.push({ name: 'nieuwbouw', code: 'type', reason: 'nieuwbouw must be true or false.' });
  }
  if (
    input.requestedBeds !== undefined &&
    (!Number.isInteger(input.requestedBeds) || input.requestedBeds < MIN_REQUESTED_BEDS || input.requestedBeds > MAX_REQUESTED_BEDS)
  ) {
    problems.push({
      name: 'aantalSlaapplaatsen',
      code: 'range',
      reason: `aantalSlaapplaatsen must be a whole number from ${MIN_REQUESTED_BEDS} to ${MAX_REQUESTED_BEDS}.`,
    });
  }
  return problems;
}

/** A reason: 1 to MAX_REASON_LENGTH characters with something besides white space (line breaks are fine). */
export function reasonProblem(reason: unknown, name = 'reden'): InvalidParam | undefined {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length === 0) return { name, code: 'required', reason: `${name} is required.` };
  if (text.length > MAX_REASON_LENGTH) return { name, code: 'length', reason: `${name} is at most ${MAX_REASON_LENGTH} characters.` };
  return undefined;
}
