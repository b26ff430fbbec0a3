import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the norm versions feature refused. */
export enum NormVersionExceptionCode {
  /** Missing, or a concept the caller may not see. */
  NotFound = 'norm-version-not-found',
  AlreadyExists = 'norm-version-already-exists',
  /** A published version never changes: editing it is refused. */
  PublishedImmutable = 'norm-version-published-immutable',
  AlreadyPublished = 'norm-version-already-published',
  /** Nothing can be pinned to an inspection before a version is published. */
  NonePublished = 'norm-version-none-published',
}

export class NormVersionException extends FeatureException<NormVersionExceptionCode> {
  readonly feature = 'norm-versions';

  constructor(code: NormVersionExceptionCode, detail: string) {
    super(code, normVersionKind(code), detail);
  }
}

function normVersionKind(code: NormVersionExceptionCode): AppErrorCode {
  switch (code) {
    case NormVersionExceptionCode.NotFound:
      return AppErrorCode.NotFound;
    case NormVersionExceptionCode.AlreadyExists:
    case NormVersionExceptionCode.PublishedImmutable:
    case NormVersionExceptionCode.AlreadyPublished:
    case NormVersionExceptionCode.NonePublished:
      return AppErrorCode.Conflict;
    default:
      return assertUnreachable(code, 'norm version exception code');
  }
}
