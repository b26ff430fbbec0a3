import { NormError } from './problem';

/**
 * A calendar date as `YYYY-MM-DD`, the contract's date format. Dates stay strings throughout the
 * library: a `Date` is an instant, and turning one into a day depends on a time zone, which is
 * exactly the bug class we want to keep out of deadline arithmetic.
 */
export type IsoDate = string;

/**
 * The days the contract takes as input (issue 16): a date or timestamp outside them is refused as
 * invalid input, never carried into arithmetic or a query where year 10000 breaks something.
 */
export const EARLIEST_CONTRACT_DATE: IsoDate = '2000-01-01';
export const LATEST_CONTRACT_DATE: IsoDate = '2100-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// The Gregorian calendar (and the Easter algorithm) starts in 1583; Date.UTC also misreads years 0-99.
const FIRST_YEAR = 1583;

interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= FIRST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return toUtcDate(date).getUTCDay();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'days');
  return fromUtcMillis(toUtcDate(date).getTime() + days * MS_PER_DAY);
}

/**
 * Calendar months, clamped to the end of the target month (31 January + 1 month = 28 or 29
 * February), because a deadline must never spill into the month after the one intended.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  requireInteger(months, 'months');
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Dutch calendar day of an instant. Deadlines run from the day in the Netherlands: a submission
 * at 23:30 UTC on 31 December is a submission on 1 January, whatever the server's TZ is.
 */
export function dateInAmsterdam(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) {
    throw new NormError('invalid-argument', 'Invalid instant');
  }
  const parts = Object.fromEntries(amsterdamDay.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Zero-padded fixed-width strings sort like the dates they spell.
  return a < b ? -1 : a > b ? 1 : 0;
}

function parse(date: IsoDate): CalendarDay {
  if (!isIsoDate(date)) {
    throw new NormError('invalid-argument', `Not a YYYY-MM-DD date from ${FIRST_YEAR} on: ${String(date)}`);
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function toUtcDate(date: IsoDate): Date {
  const { year, month, day } = parse(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtcMillis(millis: number): IsoDate {
  const date = new Date(millis);
  return format({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function format({ year, month, day }: CalendarDay): IsoDate {
  const result = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(result)) {
    throw new NormError('invalid-argument', `Date out of range: ${result}`);
  }
  return result;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new NormError('invalid-argument', `${what} must be an integer, got ${value}`);
  }
}
