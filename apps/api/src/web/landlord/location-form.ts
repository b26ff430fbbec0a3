import type { InvalidParam } from '@keurmerk/common';
import { MAX_ADDRESS_TEXT_LENGTH, MAX_REQUESTED_BEDS, MIN_REQUESTED_BEDS, type NewLocation } from '@keurmerk/locations';
import type { HousingType } from '@keurmerk/norm';
import { type WebContext } from '../web-context';
import { landlordText } from './landlord.texts';

/**
 * The registration form of a location. Its fields carry the names of POST /v1/locaties
 * (`adres.postcode`, `gemeentecode`, …), so the service's problems land beside the right field.
 */
export const LOCATION_FIELDS = [
  'adres.postcode',
  'adres.huisnummer',
  'adres.huisletter',
  'adres.huisnummertoevoeging',
  'adres.straatnaam',
  'adres.woonplaats',
  'gemeentecode',
  'bagNummeraanduidingId',
  'soortHuisvesting',
  'nieuwbouw',
  'aantalSlaapplaatsen',
] as const;

export type LocationFormField = (typeof LOCATION_FIELDS)[number];
/** What was typed, as typed: a form that comes back with errors shows it again. */
export type LocationFormValues = Record<LocationFormField, string>;

export function locationFormValues(body: Record<string, unknown> | undefined): LocationFormValues {
  const values = {} as LocationFormValues;
  for (const name of LOCATION_FIELDS) {
    const value = body?.[name];
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/** A whole number as typed, or `undefined` so the service names the field as missing or invalid. */
function wholeNumber(value: string): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function yesNo(value: string): boolean | undefined {
  if (value === 'ja') return true;
  if (value === 'nee') return false;
  return undefined;
}

/**
 * The service's input from the form. Nothing is checked here: LocationService.create checks every
 * field (the same check as the REST API) and names each problem by its contract name.
 */
export function newLocationOf(values: LocationFormValues): NewLocation {
  return {
    address: {
      postcode: values['adres.postcode'],
      houseNumber: wholeNumber(values['adres.huisnummer']) as number,
      houseLetter: optional(values['adres.huisletter']),
      houseNumberAddition: optional(values['adres.huisnummertoevoeging']),
      street: values['adres.straatnaam'],
      city: values['adres.woonplaats'],
    },
    municipalityCode: values.gemeentecode.toUpperCase(),
    bagId: optional(values.bagNummeraanduidingId),
    housingType: values.soortHuisvesting as HousingType,
    newBuild: yesNo(values.nieuwbouw) as boolean,
    requestedBeds: wholeNumber(values.aantalSlaapplaatsen) as number,
  };
}

/** The service's reasons are written for developers; the landlord reads what to fill in, in its language. */
export function locationProblemText(web: Pick<WebContext, 'language'>, param: InvalidParam): string {
  switch (param.name) {
    case 'adres.postcode':
      return landlordText(web).enterPostcodeFourDigitsTwo;
    case 'adres.huisnummer':
      return landlordText(web).enterHouseNumberWholeNumber;
    case 'adres.huisletter':
      return landlordText(web).aHouseLetterOneLetter;
    case 'adres.huisnummertoevoeging':
      return landlordText(web).anAddition14Letters;
    case 'adres.straatnaam':
      return landlordText(web).enterStreetMost(MAX_ADDRESS_TEXT_LENGTH);
    case 'adres.woonplaats':
      return landlordText(web).enterTownMost(MAX_ADDRESS_TEXT_LENGTH);
    case 'gemeentecode':
      return param.code === 'unknown' ? landlordText(web).thisMunicipalityCodeNotCurrent : landlordText(web).enterMunicipalityCodeGmFour;
    case 'bagNummeraanduidingId':
      return landlordText(web).aBagAddressId16;
    case 'soortHuisvesting':
      return landlordText(web).chooseKindHousing;
    case 'nieuwbouw':
      return landlordText(web).chooseWhetherNewBuild;
    case 'aantalSlaapplaatsen':
      return landlordText(web).enterNumberBedsWholeNumber(MIN_REQUESTED_BEDS, MAX_REQUESTED_BEDS);
    default:
      return param.reason;
  }
}
