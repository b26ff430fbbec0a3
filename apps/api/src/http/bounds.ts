import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { EARLIEST_CONTRACT_DATE, isIsoDate, LATEST_CONTRACT_DATE } from '@keurmerk/norm';

/**
 * The bounds of dates and timestamps the contract takes (issue 16: `9999-12-31T23:59:59.999999999Z`
 * reached the norm-version lookup as year 10000). Documented in the OpenAPI document as the schema
 * extensions `x-earliest` and `x-latest`, which OpenAPI 3.0 has no keyword for, so clients and the
 * fuzzer (test/security/fuzz.e2e-spec.ts) can find them.
 */
export const DATE_BOUNDS = { 'x-earliest': EARLIEST_CONTRACT_DATE, 'x-latest': LATEST_CONTRACT_DATE } as const;
/** `sinds` asks for changes after a moment: the epoch is a natural "from the start". */
export const SINCE_BOUNDS = { 'x-earliest': '1970-01-01', 'x-latest': LATEST_CONTRACT_DATE } as const;

/** RFC 3339 with a zone; at most nine decimals (nanoseconds), as clients send them. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_TIMESTAMP_LENGTH = 40;

const instantOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayAfter = (day: string) => instantOf(day) + 86_400_000;

/** The instant of an RFC 3339 timestamp within the bounds (by the instant, whatever its offset), else undefined. */
export function parseBoundedTimestamp(
  value: unknown,
  bounds: { 'x-earliest': string; 'x-latest': string } = DATE_BOUNDS,
): Date | undefined {
  if (typeof value !== 'string' || value.length > MAX_TIMESTAMP_LENGTH || !TIMESTAMP_PATTERN.test(value)) return undefined;
  // Date.parse keeps milliseconds; the extra digits of a finer fraction do not change the day.
  const instant = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  if (!isIsoDate(value.slice(0, 10)) || Number.isNaN(instant)) return undefined;
  return instant >= instantOf(bounds['x-earliest']) && instant < dayAfter(bounds['x-latest']) ? new Date(instant) : undefined;
}

/** A `YYYY-MM-DD` date that exists and lies within the bounds. */
export function isBoundedDate(value: unknown, bounds: { 'x-earliest': string; 'x-latest': string } = DATE_BOUNDS): boolean {
  return (
    typeof value === 'string' &&
    DATE_PATTERN.test(value) &&
    isIsoDate(value) &&
    value >= bounds['x-earliest'] &&
    value <= bounds['x-latest']
  );
}

/** Validates a contract date (`YYYY-MM-DD`) within DATE_BOUNDS. */
export function IsContractDate(field: string): PropertyDecorator {
  return applyDecorators(
    IsString(),
    ValidateBy({
      name: 'date',
      validator: {
        validate: (value) => isBoundedDate(value),
        defaultMessage: () =>
          `${field} must be an existing date YYYY-MM-DD from ${DATE_BOUNDS['x-earliest']} to ${DATE_BOUNDS['x-latest']}`,
      },
    }),
  );
}

/** Validates a contract timestamp (RFC 3339 with a zone) whose instant lies within DATE_BOUNDS. */
export function IsContractTimestamp(field: string): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(MAX_TIMESTAMP_LENGTH),
    Matches(TIMESTAMP_PATTERN, { message: `${field} must be a timestamp with a time zone, e.g. 2026-12-07T09:00:00+01:00` }),
    ValidateBy({
      name: 'date-time',
      validator: {
        validate: (value) => parseBoundedTimestamp(value) !== undefined,
        defaultMessage: () => `${field} must be an existing moment from ${DATE_BOUNDS['x-earliest']} to ${DATE_BOUNDS['x-latest']} (UTC)`,
      },
    }),
  );
}

/** OpenAPI for a contract date or timestamp: the format, its bounds, and its length. */
export const dateSchema = (format: 'date' | 'date-time', bounds: typeof DATE_BOUNDS | typeof SINCE_BOUNDS = DATE_BOUNDS) =>
  ({ format, maxLength: format === 'date' ? 10 : MAX_TIMESTAMP_LENGTH, ...bounds }) as { format: string; maxLength: number };
