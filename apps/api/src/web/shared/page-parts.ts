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

/** Dutch wall-clock time to the minute, made once: building an Intl formatter is not cheap. */
const AMSTERDAM_MINUTE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

function amsterdamWallClock(instant: Date): WallClock {
  return Object.fromEntries(AMSTERDAM_MINUTE.formatToParts(instant).map((part) => [part.type, part.value])) as WallClock;
}

/** Minutes Amsterdam is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(instant: Date): number {
  const parts = amsterdamWallClock(instant);
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The moment a Dutch date and time (`2026-12-07`, `09:30`) mean, or undefined when they are not a
 * real date and time. The people planning think in Dutch wall-clock time, whatever their browser says.
 */
export function amsterdamInstant(date: string, time: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(d[2]) - 1 || check.getUTCDate() !== Number(d[3])) return undefined;
  // The offset at the guessed moment, then again at the corrected one (right across a DST change).
  const first = new Date(wall - amsterdamOffsetMinutes(new Date(wall)) * 60_000);
  return new Date(wall - amsterdamOffsetMinutes(first) * 60_000);
}

/** The Dutch wall-clock date and time of a moment, for filling the fields again. */
export function amsterdamParts(instant: Date): { date: string; time: string } {
  const parts = amsterdamWallClock(instant);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
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
