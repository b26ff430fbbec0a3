import type { Response } from 'supertest';
import { PRINCIPALS, type PrincipalName } from './world';

/**
 * What one principal gets from one route:
 * - 'ok': any 2xx;
 * - 'sees' / 'hidden': a 2xx collection that does / does not contain the fixture (by its id or number);
 * - a status: exactly that status, as problem+json. A validation or state answer (400, 409) is written
 *   down as such where a caller passes the access check but its request cannot succeed.
 */
export type Expectation = 'ok' | 'sees' | 'hidden' | 400 | 401 | 403 | 404 | 409;
export type Policy = Record<PrincipalName, Expectation>;
type Someone = Exclude<PrincipalName, 'anonymous'>;

/** Anyone, with or without credentials, gets a 2xx. */
export const PUBLIC: Policy = Object.fromEntries(PRINCIPALS.map((p) => [p, 'ok'])) as Policy;

/** Anonymous callers get 401 and everyone not listed 403; the listed principals get what is listed. */
export function guarded(allowed: Partial<Record<Someone, Expectation>>): Policy {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, p === 'anonymous' ? 401 : (allowed[p as Someone] ?? 403)])) as Policy;
}

/** Every principal gets the same answer, except those listed. */
export function everyone(expectation: Expectation, except: Partial<Record<PrincipalName, Expectation>> = {}): Policy {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, except[p] ?? expectation])) as Policy;
}

/** Why a response does not meet the expectation, or undefined when it does. */
export function mismatch(response: Response, expected: Expectation, marker?: string): string | undefined {
  const status = response.status;
  const success = status >= 200 && status < 300;
  if (typeof expected === 'number') {
    if (status !== expected) return `expected ${expected}, got ${status}`;
    const type = String(response.headers['content-type'] ?? '');
    return type.startsWith('application/problem+json') ? undefined : `expected problem+json, got ${type}`;
  }
  if (!success) return `expected ${expected} (2xx), got ${status}`;
  if (expected === 'ok') return undefined;
  if (!marker) return `the route has no marker to tell '${expected}' by`;
  const seen = response.text.includes(marker);
  if (expected === 'sees' && !seen) return `expected the answer to include ${marker}`;
  if (expected === 'hidden' && seen) return `LEAK: the answer includes ${marker}`;
  return undefined;
}
