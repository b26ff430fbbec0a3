import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the certificates feature refused; the web texts are in apps/api/src/web/shared/refusals/certificates.texts.ts. */
export enum CertificateExceptionCode {
  /** No published certificate has this number (one being issued is not public yet). */
  NotFound = 'certificate-not-found',
  /** The status machine does not allow this move (ingetrokken and verlopen are final). */
  IllegalTransition = 'certificate-illegal-transition',
  /** The certificate already has the status asked for. */
  AlreadyInStatus = 'certificate-already-in-status',
  /** Issued before credentials were stored, and not yet re-issued: its credential does not exist yet. */
  CredentialPending = 'certificate-credential-pending',
}

export class CertificateException extends FeatureException<CertificateExceptionCode> {
  readonly feature = 'certificates';

  constructor(code: CertificateExceptionCode, detail: string) {
    super(code, certificateKind(code), detail);
  }
}

function certificateKind(code: CertificateExceptionCode): AppErrorCode {
  switch (code) {
    case CertificateExceptionCode.NotFound:
      return AppErrorCode.NotFound;
    case CertificateExceptionCode.IllegalTransition:
    case CertificateExceptionCode.AlreadyInStatus:
      return AppErrorCode.Conflict;
    case CertificateExceptionCode.CredentialPending:
      return AppErrorCode.Unavailable;
    default:
      return assertUnreachable(code, 'certificate exception code');
  }
}
