import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

export enum OccupancyExceptionCode {
  /** Only the location's own landlord reports its residents. */
  NotReporter = 'occupancy-not-reporter',
}

export class OccupancyException extends FeatureException<OccupancyExceptionCode> {
  readonly feature = 'occupancy';

  constructor(code: OccupancyExceptionCode, detail: string) {
    super(code, occupancyKind(code), detail);
  }
}

function occupancyKind(code: OccupancyExceptionCode): AppErrorCode {
  switch (code) {
    case OccupancyExceptionCode.NotReporter:
      return AppErrorCode.Forbidden;
    default:
      return assertUnreachable(code, 'occupancy exception code');
  }
}
