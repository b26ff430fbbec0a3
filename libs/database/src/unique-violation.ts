import { QueryFailedError } from 'typeorm';

/**
 * A unique index refused the row (SQLSTATE 23505), optionally naming which one. The database, not a
 * prior read, decides races such as two open applications or two decisions on one inspection.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
