import { describe, expect, it } from '@jest/globals';
import { AppException } from '@keurmerk/common';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe('the password rule', () => {
  it.each([
    ['short', 'too-short'],
    ['elf tekens!', 'too-short'],
    ['            ', 'blank'],
    ['\t\t\t\t\t\t\t\t\t\t\t\t', 'blank'],
    ['password1234', 'common'],
    ['PASSWORD1234', 'common'],
    ['123456789012', 'common'],
    ['qwertyuiopas', 'common'],
    ['1qaz2wsx3edc', 'common'],
    ['x'.repeat(257), 'too-long'],
  ])('refuses %j (%s)', (value, code) => {
    expect(passwordProblem(value)?.code).toBe(code);
  });

  it.each(['een-lang-wachtwoord', 'zeven groene appels op tafel', 'beheerder-wachtwoord-1', 'keurmerk-demo-2026'])(
    'accepts %j',
    (value) => {
      expect(passwordProblem(value)).toBeUndefined();
    },
  );

  it('counts characters, not UTF-16 units: twelve emoji are twelve characters', () => {
    expect(passwordProblem('🏠'.repeat(11))?.code).toBe('too-short');
    expect(passwordProblem('🏠'.repeat(12))).toBeUndefined();
  });

  it('throws a 400 naming the field it is given', () => {
    let thrown: unknown;
    try {
      assertAcceptablePassword('password1234', 'nieuwWachtwoord');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppException);
    expect((thrown as AppException).invalidParams).toEqual([expect.objectContaining({ name: 'nieuwWachtwoord', code: 'common' })]);
  });
});
