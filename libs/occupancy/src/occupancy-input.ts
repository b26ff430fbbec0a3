import type { InvalidParam } from '@keurmerk/common';
import { isIsoDate } from '@keurmerk/norm';

/**
 * The occupancy feature's limits, once: the REST DTO, the landlord's web form and the database's
 * CHECKs take them from here.
 */
export const MIN_RESIDENTS = 0;
export const MAX_RESIDENTS = 10_000;
/** No report is about a day before the scheme's records begin. */
export const EARLIEST_REFERENCE_DATE = '2000-01-01';
/** An over-occupied location is to be visited, unannounced, within this many days of the report. */
export const OVER_OCCUPANCY_DUE_DAYS = 14;
/** The planning request an over-occupancy report opens (contract: reden `melding`, soort `onaangekondigd`). */
export const OVER_OCCUPANCY_REASON = 'melding';
export const OVER_OCCUPANCY_KIND = 'onaangekondigd';
/** A month as the reminder hook takes it. */
export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export interface NewOccupancyReport {
  /** The day the residents were counted (YYYY-MM-DD). */
  referenceDate: unknown;
  residents: unknown;
}

/**
 * Checks a report against `today` (Amsterdam): a real date from EARLIEST_REFERENCE_DATE up to today (a
 * count of a day still to come is a guess), and a whole number of residents within the bounds.
 */
export function validateOccupancyReport(
  input: NewOccupancyReport,
  today: string,
): { value?: { referenceDate: string; residents: number }; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const date = input.referenceDate;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isIsoDate(date)) {
    problems.push({ name: 'peildatum', code: 'date', reason: 'peildatum must be an existing date YYYY-MM-DD.' });
  } else if (date < EARLIEST_REFERENCE_DATE || date > today) {
    problems.push({
      name: 'peildatum',
      code: 'range',
      reason: `peildatum must lie from ${EARLIEST_REFERENCE_DATE} up to today (${today}, Netherlands).`,
    });
  }
  const residents = input.residents;
  if (typeof residents !== 'number' || !Number.isInteger(residents) || residents < MIN_RESIDENTS || residents > MAX_RESIDENTS) {
    problems.push({
      name: 'aantalBewoners',
      code: 'range',
      reason: `aantalBewoners must be a whole number from ${MIN_RESIDENTS} to ${MAX_RESIDENTS}.`,
    });
  }
  if (problems.length > 0) return { problems };
  return { value: { referenceDate: date as string, residents: residents as number }, problems };
}
