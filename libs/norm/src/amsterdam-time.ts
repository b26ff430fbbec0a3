import { NormError } from './problem';
import type { IsoDate } from './iso-date';

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

/**
 * The moment a Dutch calendar day begins: midnight in Amsterdam (23:00 UTC the evening before in
 * winter, 22:00 in summer; the clocks never change at midnight). Validity is counted in these days,
 * so a certificate valid from a date is valid from this moment, not from midnight UTC.
 */
export function startOfAmsterdamDay(date: IsoDate): Date {
  const start = amsterdamInstant(date, '00:00');
  if (!start) throw new NormError('invalid-argument', `Not a YYYY-MM-DD date: ${String(date)}`);
  return start;
}
