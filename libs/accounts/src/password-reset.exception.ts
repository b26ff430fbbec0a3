import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why a password reset link was refused. */
export enum PasswordResetExceptionCode {
  /** No link was ever made with this token (mistyped, or cut off by a mail program). */
  UnknownToken = 'password-reset-unknown-token',
  /** The link was used already: it works once. */
  Used = 'password-reset-used',
  /** The link is older than an hour. */
  Expired = 'password-reset-expired',
}

export class PasswordResetException extends FeatureException<PasswordResetExceptionCode> {
  readonly feature = 'password-reset';

  constructor(code: PasswordResetExceptionCode, detail: string) {
    super(code, passwordResetKind(code), detail);
    if (code === PasswordResetExceptionCode.UnknownToken) {
      Object.assign(this, { invalidParams: [{ name: 'token', code: 'unknown', reason: detail }] });
    }
  }
}

function passwordResetKind(code: PasswordResetExceptionCode): AppErrorCode {
  switch (code) {
    case PasswordResetExceptionCode.UnknownToken:
      return AppErrorCode.InvalidInput;
    case PasswordResetExceptionCode.Used:
    case PasswordResetExceptionCode.Expired:
      return AppErrorCode.Gone;
    default:
      return assertUnreachable(code, 'password reset exception code');
  }
}
