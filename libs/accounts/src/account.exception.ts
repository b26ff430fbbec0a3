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
}

export class AccountException extends FeatureException<AccountExceptionCode> {
  readonly feature = 'accounts';

  constructor(code: AccountExceptionCode, detail: string) {
    super(code, accountKind(code), detail);
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
      return AppErrorCode.Conflict;
    case AccountExceptionCode.ApiKeyOtherMunicipality:
      return AppErrorCode.Forbidden;
    default:
      return assertUnreachable(code, 'account exception code');
  }
}
