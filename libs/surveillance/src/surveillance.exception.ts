import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

export enum SurveillanceExceptionCode {
  /** Planning requests and the sample are the beheerder's. */
  BeheerderOnly = 'surveillance-beheerder-only',
}

export class SurveillanceException extends FeatureException<SurveillanceExceptionCode> {
  readonly feature = 'surveillance';

  constructor(code: SurveillanceExceptionCode, detail: string) {
    super(code, surveillanceKind(code), detail);
  }
}

function surveillanceKind(code: SurveillanceExceptionCode): AppErrorCode {
  switch (code) {
    case SurveillanceExceptionCode.BeheerderOnly:
      return AppErrorCode.Forbidden;
    default:
      return assertUnreachable(code, 'surveillance exception code');
  }
}
