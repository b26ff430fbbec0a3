import { AppErrorCode, FeatureException } from '@keurmerk/common';
import { AccountException, AccountExceptionCode, SECOND_FACTOR_PROBLEM_TYPE } from './account.exception';

describe('AccountException', () => {
  it.each<[AccountExceptionCode, AppErrorCode]>([
    [AccountExceptionCode.OrganisationNotFound, AppErrorCode.NotFound],
    [AccountExceptionCode.KvkNumberTaken, AppErrorCode.Conflict],
    [AccountExceptionCode.UserNotFound, AppErrorCode.NotFound],
    [AccountExceptionCode.EmailTaken, AppErrorCode.Conflict],
    [AccountExceptionCode.ApiKeyNotFound, AppErrorCode.NotFound],
    [AccountExceptionCode.ApiKeyOtherMunicipality, AppErrorCode.Forbidden],
    [AccountExceptionCode.ApiKeyCapReached, AppErrorCode.Conflict],
    [AccountExceptionCode.CannotDeactivateSelf, AppErrorCode.Conflict],
    [AccountExceptionCode.SecondFactorRequired, AppErrorCode.Unauthenticated],
    [AccountExceptionCode.SecondFactorInvalid, AppErrorCode.Unauthenticated],
    [AccountExceptionCode.SecondFactorNotForRole, AppErrorCode.Forbidden],
    [AccountExceptionCode.SecondFactorAlreadyEnrolled, AppErrorCode.Conflict],
    [AccountExceptionCode.SecondFactorNoEnrolment, AppErrorCode.Conflict],
  ])('%s is a refusal of kind %s', (code, kind) => {
    const error = new AccountException(code, 'detail');
    expect(error).toBeInstanceOf(FeatureException);
    expect([error.code, error.reason, error.feature, error.detail]).toEqual([kind, code, 'accounts', 'detail']);
  });

  it('covers every code, each prefixed by the feature', () => {
    expect(Object.values(AccountExceptionCode).length).toBe(13);
    for (const code of Object.values(AccountExceptionCode)) expect(code).toMatch(/^account-[a-z-]+$/);
  });

  it('tells a client that a sign-in needs the second factor by its problem type', () => {
    expect(new AccountException(AccountExceptionCode.SecondFactorRequired, 'd').problemType).toBe(SECOND_FACTOR_PROBLEM_TYPE);
    expect(new AccountException(AccountExceptionCode.SecondFactorInvalid, 'd').problemType).toBe(SECOND_FACTOR_PROBLEM_TYPE);
    expect(new AccountException(AccountExceptionCode.UserNotFound, 'd').problemType).toBeUndefined();
  });
});
