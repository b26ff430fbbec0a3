import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the objection procedure refused. */
export enum ObjectionExceptionCode {
  /** No such objection, or one the caller may not see; also a contested thing that is not the landlord's. */
  NotFound = 'objection-not-found',
  /** Only a landlord (verhuurder) files an objection, against its own location's case. */
  NotLandlord = 'objection-not-landlord',
  /** Only a certificeerder decides on an objection. */
  NotCertifier = 'objection-not-certifier',
  /** The certificeerder decided or inspected the contested case: someone else decides (ISO/IEC 17065 §7.13). */
  Involved = 'objection-involved',
  /** Nothing to object against: no refusal, suspension or withdrawal (a valid certificate, a grant, a replacement). */
  NothingContestable = 'objection-nothing-contestable',
  /** The six weeks after the contested effect have passed. */
  TermExpired = 'objection-term-expired',
  /** This effect has been objected against already. */
  AlreadyObjected = 'objection-already-objected',
  /** A second decision on the objection. */
  AlreadyDecided = 'objection-already-decided',
}

export class ObjectionException extends FeatureException<ObjectionExceptionCode> {
  readonly feature = 'objections';

  constructor(code: ObjectionExceptionCode, detail: string) {
    super(code, objectionKind(code), detail);
  }
}

export function objectionKind(code: ObjectionExceptionCode): AppErrorCode {
  switch (code) {
    case ObjectionExceptionCode.NotFound:
      return AppErrorCode.NotFound;
    case ObjectionExceptionCode.NotLandlord:
    case ObjectionExceptionCode.NotCertifier:
    case ObjectionExceptionCode.Involved:
      return AppErrorCode.Forbidden;
    case ObjectionExceptionCode.NothingContestable:
    case ObjectionExceptionCode.TermExpired:
    case ObjectionExceptionCode.AlreadyObjected:
    case ObjectionExceptionCode.AlreadyDecided:
      return AppErrorCode.Conflict;
    default:
      return assertUnreachable(code, 'objection exception code');
  }
}
