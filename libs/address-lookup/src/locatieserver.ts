import type { AddressLookup } from '@keurmerk/common';

/**
 * PDOK Locatieserver's answer to a `free` search (v3.1), as far as the address lookup reads it:
 * `response.docs[]`, each an address of the BAG with its street, town, municipality (code without the
 * GM prefix, and name), its point in WGS84 as `POINT(lon lat)` and its nummeraanduiding id.
 */
export interface LocatieserverDoc {
  type?: string;
  straatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  postcode?: string;
  woonplaatsnaam?: string;
  gemeentecode?: string;
  gemeentenaam?: string;
  centroide_ll?: string;
  nummeraanduiding_id?: string;
}

/** An address the BAG knows: what fills the landlord's form and puts the location on the map. */
export interface FoundAddress {
  street: string;
  city: string;
  /** `GM` and four digits, as the platform writes it. */
  municipalityCode: string;
  municipalityName: string;
  bagId: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The fields asked for: the answer carries nothing else. */
export const LOCATIESERVER_FIELDS = [
  'type',
  'straatnaam',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'postcode',
  'woonplaatsnaam',
  'gemeentecode',
  'gemeentenaam',
  'centroide_ll',
  'nummeraanduiding_id',
];

/**
 * The query string of a `free` search for one address. Only validated values go in (postcode
 * `1234AB`, a whole number, a letter, up to four letters or digits), so nothing a person typed can
 * change the Solr query.
 */
export function locatieserverQuery(key: AddressLookup): URLSearchParams {
  const terms = [`postcode:${key.postcode}`, `huisnummer:${key.houseNumber}`];
  if (key.houseLetter) terms.push(`huisletter:${key.houseLetter}`);
  if (key.houseNumberAddition) terms.push(`huisnummertoevoeging:${key.houseNumberAddition}`);
  return new URLSearchParams({ q: terms.join(' and '), fq: 'type:adres', fl: LOCATIESERVER_FIELDS.join(' '), rows: '10' });
}

const POINT = /^POINT\((-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)\)$/;
const MUNICIPALITY = /^(?:GM)?([0-9]{4})$/;
const BAG_ID = /^[0-9]{4}20[0-9]{10}$/;

/** `POINT(4.2 51.9)` as latitude and longitude, or nulls for anything else. */
export function parsePoint(value: unknown): { latitude: number | null; longitude: number | null } {
  const match = typeof value === 'string' ? POINT.exec(value.trim()) : null;
  if (!match) return { latitude: null, longitude: null };
  const longitude = Number(match[1]);
  const latitude = Number(match[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { latitude: null, longitude: null };
  return { latitude, longitude };
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

/**
 * The one address of the answer that is exactly the asked one (postcode, number, letter and addition
 * all equal; `12` is not `12A`), or undefined. Anything malformed is no answer: the form stays as typed.
 */
export function addressFromAnswer(answer: unknown, key: AddressLookup): FoundAddress | undefined {
  const docs = (answer as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(docs)) return undefined;
  for (const doc of docs as LocatieserverDoc[]) {
    if (typeof doc !== 'object' || doc === null) continue;
    if (doc.type !== undefined && doc.type !== 'adres') continue;
    if ((doc.postcode ?? '').replace(/\s+/g, '').toUpperCase() !== key.postcode || Number(doc.huisnummer) !== key.houseNumber) continue;
    if (!same(doc.huisletter, key.houseLetter) || !same(doc.huisnummertoevoeging, key.houseNumberAddition)) continue;
    const municipality = MUNICIPALITY.exec(String(doc.gemeentecode ?? ''));
    if (typeof doc.straatnaam !== 'string' || typeof doc.woonplaatsnaam !== 'string' || !municipality) continue;
    return {
      street: doc.straatnaam,
      city: doc.woonplaatsnaam,
      municipalityCode: `GM${municipality[1]}`,
      municipalityName: typeof doc.gemeentenaam === 'string' ? doc.gemeentenaam : '',
      bagId: typeof doc.nummeraanduiding_id === 'string' && BAG_ID.test(doc.nummeraanduiding_id) ? doc.nummeraanduiding_id : null,
      ...parsePoint(doc.centroide_ll),
    };
  }
  return undefined;
}
