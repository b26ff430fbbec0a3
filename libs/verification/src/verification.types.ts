import type { CertificateDocumentData } from '@keurmerk/certificate-pdf';
import type { CertificateStatus } from '@keurmerk/certificates';

/** The facts a verification answers with: the public certificate. */
export interface CertificateFacts {
  number: string;
  status: CertificateStatus;
  validFrom: string;
  validUntil: string;
  maximumResidents: number;
  municipalityCode: string;
  normVersion: string;
  pdfSha256: string;
  statusChangedAt: Date;
  content: CertificateDocumentData;
  /** The certificate that replaced this one (status `vervangen`), else null. */
  supersededBy: string | null;
}

export const REASON_CODES = ['geen-certificaat', 'geschorst', 'ingetrokken', 'verlopen', 'vervangen', 'te-veel-bewoners'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  description: string;
}

export interface Verdict {
  complies: boolean;
  reasons: Reason[];
  certificate: CertificateFacts | null;
}

export type VerificationRequest =
  | { certificateNumber: string; residents?: number }
  | { postcode: string; houseNumber: number; houseLetter?: string; houseNumberAddition?: string; residents?: number };
