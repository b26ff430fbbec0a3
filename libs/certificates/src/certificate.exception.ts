import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the certificates feature refused; the web texts are in apps/api/src/web/shared/refusals/certificates.texts.ts. */
export enum CertificateExceptionCode {
  /** No published certificate has this number (one being issued is not public yet). */
  NotFound = 'certificate-not-found',
  /** The status machine does not allow this move (ingetrokken, verlopen and vervangen are final). */
  IllegalTransition = 'certificate-illegal-transition',
  /** The certificate already has the status asked for. */
  AlreadyInStatus = 'certificate-already-in-status',
  /** Issued before credentials were stored, and not yet re-issued: its credential does not exist yet. */
  CredentialPending = 'certificate-credential-pending',
  /** Reinstatement refused: a finding that led to the suspension is still open (see `openFindings`). */
  SuspensionCauseOpen = 'certificate-suspension-cause-open',
  /** No landlord organisation has this id (company sanction). */
  SanctionOrganisationNotFound = 'certificate-sanction-organisation-not-found',
  /** The company is already suspended; lift that sanction first. */
  SanctionAlreadyActive = 'certificate-sanction-already-active',
  /** There is no company suspension in force to lift. */
  NoActiveSanction = 'certificate-sanction-not-active',
}

/** What a refusal carries besides its code, for a page that lists the specifics. */
export interface CertificateExceptionData {
  /** The open findings that hold a suspension (SuspensionCauseOpen). */
  openFindings?: { id: string; criterionCode: string; severity: string }[];
}

export class CertificateException extends FeatureException<CertificateExceptionCode> {
  readonly feature = 'certificates';

  constructor(
    code: CertificateExceptionCode,
    detail: string,
    readonly data: CertificateExceptionData = {},
  ) {
    super(code, certificateKind(code), detail);
  }
}

function certificateKind(code: CertificateExceptionCode): AppErrorCode {
  switch (code) {
    case CertificateExceptionCode.NotFound:
    case CertificateExceptionCode.SanctionOrganisationNotFound:
      return AppErrorCode.NotFound;
    case CertificateExceptionCode.IllegalTransition:
    case CertificateExceptionCode.AlreadyInStatus:
    case CertificateExceptionCode.SuspensionCauseOpen:
    case CertificateExceptionCode.SanctionAlreadyActive:
    case CertificateExceptionCode.NoActiveSanction:
      return AppErrorCode.Conflict;
    case CertificateExceptionCode.CredentialPending:
      return AppErrorCode.Unavailable;
    default:
      return assertUnreachable(code, 'certificate exception code');
  }
}
