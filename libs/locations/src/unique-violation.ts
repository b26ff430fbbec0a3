import { QueryFailedError } from 'typeorm';

/** A unique index refused the row: the database, not a prior read, decides races such as two open applications. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
