import type { InvalidParam } from '@keurmerk/common';
import type { NewLocation } from '@keurmerk/locations';
import type { HousingType } from '@keurmerk/norm';
import { t, type WebContext } from '../web-context';

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
      return t(web, 'Vul een postcode in van vier cijfers en twee letters, bijvoorbeeld 2671 AB.', 'Enter a postcode of four digits and two letters, for example 2671 AB.');
    case 'adres.huisnummer':
      return t(web, 'Vul een huisnummer in: een heel getal van 1 tot en met 99999.', 'Enter a house number: a whole number from 1 to 99999.');
    case 'adres.huisletter':
      return t(web, 'Een huisletter is één letter.', 'A house letter is one letter.');
    case 'adres.huisnummertoevoeging':
      return t(web, 'Een toevoeging is 1 tot 4 letters of cijfers.', 'An addition is 1 to 4 letters or digits.');
    case 'adres.straatnaam':
      return t(web, 'Vul de straatnaam in (ten hoogste 200 tekens).', 'Enter the street (at most 200 characters).');
    case 'adres.woonplaats':
      return t(web, 'Vul de woonplaats in (ten hoogste 200 tekens).', 'Enter the town (at most 200 characters).');
    case 'gemeentecode':
      return param.code === 'unknown'
        ? t(web, 'Deze gemeentecode hoort niet bij een bestaande gemeente.', 'This municipality code is not a current municipality.')
        : t(web, 'Vul de gemeentecode in: GM en vier cijfers, bijvoorbeeld GM1783.', 'Enter the municipality code: GM and four digits, for example GM1783.');
    case 'bagNummeraanduidingId':
      return t(web, 'Een BAG-nummeraanduiding is 16 cijfers, met 20 op de plaatsen 5 en 6.', 'A BAG address id is 16 digits, with 20 in positions 5 and 6.');
    case 'soortHuisvesting':
      return t(web, 'Kies de soort huisvesting.', 'Choose the kind of housing.');
    case 'nieuwbouw':
      return t(web, 'Kies of het nieuwbouw is.', 'Choose whether it is a new build.');
    case 'aantalSlaapplaatsen':
      return t(web, 'Vul het aantal slaapplaatsen in: een heel getal van 1 tot en met 10000.', 'Enter the number of beds: a whole number from 1 to 10000.');
    default:
      return param.reason;
  }
}
