import type { PageRequest } from '@keurmerk/common';
import { AppException, DEFAULT_PAGE_SIZE, isUuid } from '@keurmerk/common';
import { createValidationPipe } from '../../http/validation';

/*
 * Small parts every role's pages share: paging, reading forms through the REST API's own DTO
 * validation, ids in paths, selects and textareas, address lines, and Dutch wall-clock times.
 */

type Fields = Record<string, unknown>;

/** A form field as text: a browser sends strings; anything else (a repeated field) is taken as empty. */
export function text(body: Fields | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

/** The page number of `?pagina=`; anything but a positive whole number is the first page. */
export function pageRequest(value: unknown, pageSize = DEFAULT_PAGE_SIZE): PageRequest {
  const page = typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1;
  return { page, pageSize };
}

/**
 * Checks form fields with the DTO class the REST endpoint validates its body with (the same rules,
 * the same field names in the problems). Empty optional fields are left out, as a form sends them all.
 * Throws the AppException with invalidParams the REST API would answer.
 */
export async function validated<T extends object>(dto: new () => T, fields: Record<string, string | undefined>): Promise<T> {
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== '') body[name] = value;
  return (await createValidationPipe().transform(body, { type: 'body', metatype: dto })) as T;
}

/** A path id that is not a UUID names nothing: answered like anything the person may not see. */
export function uuidOr404(id: string, what: string): string {
  if (!isUuid(id)) throw AppException.notFound(what);
  return id.toLowerCase();
}

export interface AddressParts {
  street: string;
  houseNumber: number;
  houseLetter?: string | null;
  houseNumberAddition?: string | null;
  postcode: string;
  city: string;
}

/** An address on one line as the Dutch write it: Tuinbouwweg 12A-2, 2671 AB Naaldwijk. */
export function addressLine(a: AddressParts): string {
  const number = `${a.houseNumber}${a.houseLetter ?? ''}${a.houseNumberAddition ? `-${a.houseNumberAddition}` : ''}`;
  // Postcodes are kept as 2671AB and written as people write them: 2671 AB.
  return `${a.street} ${number}, ${a.postcode.replace(/^(\d{4})([A-Z]{2})$/, '$1 $2')} ${a.city}`;
}
