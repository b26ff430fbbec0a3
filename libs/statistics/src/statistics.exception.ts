import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

export enum StatisticsExceptionCode {
  /** A municipal page for an account that belongs to no municipality. */
  NoMunicipality = 'statistics-no-municipality',
  /** The national page is the beheerder's. */
  BeheerderOnly = 'statistics-beheerder-only',
}

export class StatisticsException extends FeatureException<StatisticsExceptionCode> {
  readonly feature = 'statistics';

  constructor(code: StatisticsExceptionCode, detail: string) {
    super(code, statisticsKind(code), detail);
  }
}

function statisticsKind(code: StatisticsExceptionCode): AppErrorCode {
  switch (code) {
    case StatisticsExceptionCode.NoMunicipality:
    case StatisticsExceptionCode.BeheerderOnly:
      return AppErrorCode.Forbidden;
    default:
      return assertUnreachable(code, 'statistics exception code');
  }
}
