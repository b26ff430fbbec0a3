import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the accounts feature refused: organisations, users and municipal API keys. */
export enum AccountExceptionCode {
  OrganisationNotFound = 'account-organisation-not-found',
  KvkNumberTaken = 'account-kvk-number-taken',
  UserNotFound = 'account-user-not-found',
  EmailTaken = 'account-email-taken',
  ApiKeyNotFound = 'account-api-key-not-found',
  ApiKeyOtherMunicipality = 'account-api-key-other-municipality',
  /** A municipality holds as many active keys as it may. */
  ApiKeyCapReached = 'account-api-key-cap-reached',
  /** A beheerder may not deactivate their own account (nobody would be left to undo it). */
  CannotDeactivateSelf = 'account-cannot-deactivate-self',
  /** The account has a second factor: the request needs its current code (or a recovery code). */
  SecondFactorRequired = 'account-second-factor-required',
  /** The second factor's code was wrong, already used, or outside its window. */
  SecondFactorInvalid = 'account-second-factor-invalid',
  /** Only beheerder and certificeerder enrol a second factor. */
  SecondFactorNotForRole = 'account-second-factor-not-for-role',
  SecondFactorAlreadyEnrolled = 'account-second-factor-already-enrolled',
  /** Confirming an enrolment that was never started (or was already confirmed). */
  SecondFactorNoEnrolment = 'account-second-factor-no-enrolment',
}

/** The problem type of a sign-in that needs the second factor's code, so a client can ask for it. */
export const SECOND_FACTOR_PROBLEM_TYPE = 'https://keurmerk.nl/problemen/tweede-factor-vereist';

export class AccountException extends FeatureException<AccountExceptionCode> {
  readonly feature = 'accounts';

  constructor(code: AccountExceptionCode, detail: string) {
    super(code, accountKind(code), detail);
    if (code === AccountExceptionCode.SecondFactorRequired || code === AccountExceptionCode.SecondFactorInvalid) {
      this.problemType = SECOND_FACTOR_PROBLEM_TYPE;
    }
  }
}

function accountKind(code: AccountExceptionCode): AppErrorCode {
  switch (code) {
    case AccountExceptionCode.OrganisationNotFound:
    case AccountExceptionCode.UserNotFound:
    case AccountExceptionCode.ApiKeyNotFound:
      return AppErrorCode.NotFound;
    case AccountExceptionCode.KvkNumberTaken:
    case AccountExceptionCode.EmailTaken:
    case AccountExceptionCode.ApiKeyCapReached:
    case AccountExceptionCode.CannotDeactivateSelf:
    case AccountExceptionCode.SecondFactorAlreadyEnrolled:
    case AccountExceptionCode.SecondFactorNoEnrolment:
      return AppErrorCode.Conflict;
    case AccountExceptionCode.SecondFactorRequired:
    case AccountExceptionCode.SecondFactorInvalid:
      return AppErrorCode.Unauthenticated;
    case AccountExceptionCode.SecondFactorNotForRole:
      return AppErrorCode.Forbidden;
    case AccountExceptionCode.ApiKeyOtherMunicipality:
      return AppErrorCode.Forbidden;
    default:
      return assertUnreachable(code, 'account exception code');
  }
}
