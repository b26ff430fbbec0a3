import { addDays, dayOfWeek, IsoDate, isIsoDate } from './iso-date';
import { NormError } from './problem';

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for every
 * Gregorian year.
 */
export function easterSunday(year: number): IsoDate {
  requireYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The days that stop a deadline, per the Algemene termijnenwet (Atw), art. 3: lid 1 names
 * Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag, the day the King's
 * birthday is celebrated and 5 May; lid 2 treats Goede Vrijdag the same. Koningsdag is 27 April, or
 * 26 April when the 27th is a Sunday (Wet vaststelling Koningsdag, 2013); that rule is applied to
 * every year, as the scheme's deadlines start in 2026. Easter Sunday and Whit Sunday are Sundays
 * anyway. Days equated by a royal decree under lid 3 (bridge days, announced a few years ahead in
 * the Staatscourant) are not included: they cannot be computed, and counting them as working days
 * only makes our deadlines a day shorter than the longest legal reading, never longer.
 */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    { date: `${year}-05-05`, name: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag' },
  ];
  // Hemelvaartsdag can fall on 5 May (2016, 2157): both stay listed, the day counts once.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

export function isDutchPublicHoliday(date: IsoDate): boolean {
  requireDate(date);
  const year = Number(date.slice(0, 4));
  return dutchPublicHolidays(year).some((holiday) => holiday.date === date);
}

export function isWorkingDay(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isDutchPublicHoliday(date);
}

/**
 * The date `count` working days after `date`; `date` itself never counts, so a 30-working-day
 * term submitted on a Friday starts counting on Monday. Saturdays, Sundays and the Atw holidays
 * above are skipped.
 */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  requireDate(date);
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new NormError('invalid-argument', `count must be a non-negative integer, got ${count}`);
  }
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

function kingsDay(year: number): IsoDate {
  const twentySeventh = `${year}-04-27`;
  return dayOfWeek(twentySeventh) === 0 ? `${year}-04-26` : twentySeventh;
}

function requireYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 1583 || year > 9999) {
    throw new NormError('invalid-argument', `year must be a Gregorian year 1583..9999, got ${year}`);
  }
}

function requireDate(date: IsoDate): void {
  if (!isIsoDate(date)) {
    throw new NormError('invalid-argument', `Not a YYYY-MM-DD date: ${String(date)}`);
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
