import type { InvalidParam } from '@keurmerk/common';
import { isIsoDate } from '@keurmerk/norm';

export const GEMEENTECODE_PATTERN = /^GM[0-9]{4}$/;
/** The statistics reach back to the scheme's first records. */
export const EARLIEST_STATISTICS_DATE = '2000-01-01';
/** Expiring "soon": within this many days of the peildatum. */
export const EXPIRY_HORIZON_DAYS = 90;
/** Complaints "recent": the 30 days that end with the peildatum. */
export const RECENT_COMPLAINT_DAYS = 30;
/** The municipal page's monthly trends reach back this many months (this one included). */
export const TREND_MONTHS = 12;

/** A location's status on the map and in the tables: its latest certificate's, or none. */
export const LOCATION_STATUSES = ['geldig', 'geschorst', 'ingetrokken', 'verlopen'] as const;
export type LocationCertificateStatus = (typeof LOCATION_STATUSES)[number];

/** Checks the query of the open statistics; `today` is the upper bound of the peildatum. */
export function validateStatisticsQuery(
  input: { gemeentecode?: unknown; peildatum?: unknown },
  today: string,
): { value?: { municipalityCode?: string; referenceDate: string }; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const code = input.gemeentecode;
  if (code !== undefined && (typeof code !== 'string' || !GEMEENTECODE_PATTERN.test(code))) {
    problems.push({ name: 'gemeentecode', code: 'pattern', reason: 'gemeentecode must be GM followed by 4 digits, e.g. GM0363.' });
  }
  const date = input.peildatum;
  if (date !== undefined) {
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isIsoDate(date)) {
      problems.push({ name: 'peildatum', code: 'date', reason: 'peildatum must be an existing date YYYY-MM-DD.' });
    } else if (date < EARLIEST_STATISTICS_DATE || date > today) {
      problems.push({
        name: 'peildatum',
        code: 'range',
        reason: `peildatum must lie from ${EARLIEST_STATISTICS_DATE} up to today (${today}, Netherlands).`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  return { value: { municipalityCode: code as string | undefined, referenceDate: (date as string | undefined) ?? today }, problems };
}
