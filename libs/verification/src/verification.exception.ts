import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the public read path refused; the web texts are in apps/api/src/web/shared/refusals/verification.texts.ts. */
export enum VerificationExceptionCode {
  /** A municipality asked for the changes feed of another municipality's area. */
  ForeignArea = 'verification-foreign-area',
}

export class VerificationException extends FeatureException<VerificationExceptionCode> {
  readonly feature = 'verification';

  constructor(code: VerificationExceptionCode, detail: string) {
    super(code, verificationKind(code), detail);
  }
}

function verificationKind(code: VerificationExceptionCode): AppErrorCode {
  switch (code) {
    case VerificationExceptionCode.ForeignArea:
      return AppErrorCode.Forbidden;
    default:
      return assertUnreachable(code, 'verification exception code');
  }
}
