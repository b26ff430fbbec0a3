import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the complaints feature refused. */
export enum ComplaintExceptionCode {
  AdministratorOnly = 'complaint-administrator-only',
  NotFound = 'complaint-not-found',
  /** Closed is final: no planning, no second closing. */
  Closed = 'complaint-closed',
  InspectionAlreadyPlanned = 'complaint-inspection-already-planned',
  NoKnownLocation = 'complaint-no-known-location',
  /** Another process linked or closed the complaint while an inspection was being planned for it. */
  ChangedMeanwhile = 'complaint-changed-meanwhile',
}

export class ComplaintException extends FeatureException<ComplaintExceptionCode> {
  readonly feature = 'complaints';

  constructor(code: ComplaintExceptionCode, detail: string) {
    super(code, complaintKind(code), detail);
  }
}

function complaintKind(code: ComplaintExceptionCode): AppErrorCode {
  switch (code) {
    case ComplaintExceptionCode.AdministratorOnly:
      return AppErrorCode.Forbidden;
    case ComplaintExceptionCode.NotFound:
      return AppErrorCode.NotFound;
    case ComplaintExceptionCode.Closed:
    case ComplaintExceptionCode.InspectionAlreadyPlanned:
    case ComplaintExceptionCode.NoKnownLocation:
    case ComplaintExceptionCode.ChangedMeanwhile:
      return AppErrorCode.Conflict;
    default:
      return assertUnreachable(code, 'complaint exception code');
  }
}
