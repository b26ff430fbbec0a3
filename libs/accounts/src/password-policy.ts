import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppException } from '@keurmerk/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account-input';

const LIST_FILE = 'common-passwords.txt';
const here = dirname(fileURLToPath(import.meta.url));

let common: Set<string> | undefined;

/**
 * The shipped list of common breached passwords, read once per process. From source (tests) it sits
 * beside this file; a build (dist/libs/accounts/src) reads it from the source tree it was built from.
 */
function commonPasswords(): Set<string> {
  if (common) return common;
  const candidates = [join(here, 'data', LIST_FILE), join(here, '..', '..', '..', '..', 'libs', 'accounts', 'src', 'data', LIST_FILE)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`The list of common passwords was not found in ${candidates.join(' or ')}`);
  const lines = readFileSync(found, 'utf8').split(/\r?\n/);
  common = new Set(lines.filter((line) => line.length > 0 && !line.startsWith('#')).map((line) => line.toLowerCase()));
  return common;
}

/** Why a password is refused, or undefined when it may be set. */
export function passwordProblem(value: string): { code: string; reason: string } | undefined {
  if ([...value].length < PASSWORD_MIN_LENGTH) {
    return { code: 'too-short', reason: `A password has at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (value.length > PASSWORD_MAX_LENGTH) {
    return { code: 'too-long', reason: `A password has at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  if (value.trim().length === 0) return { code: 'blank', reason: 'A password is more than spaces.' };
  if (commonPasswords().has(value.toLowerCase()) || commonPasswords().has(value.trim().toLowerCase())) {
    return { code: 'common', reason: 'This password is on the list of common breached passwords; choose another.' };
  }
  return undefined;
}

/**
 * The one password rule, for every place a password is set (a new user, a change, a reset): 12+
 * characters, not only whitespace, not on the shipped list of common breached passwords (compared
 * case-insensitively). Throws a 400 naming `field`.
 */
export function assertAcceptablePassword(value: string, field = 'wachtwoord'): void {
  const problem = passwordProblem(value);
  if (problem) throw AppException.invalidField(field, problem.code, problem.reason);
}
