import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseCertificateNumber, PublishedKeysService } from '@keurmerk/certificates';
import { verifyPdfSignature } from '@keurmerk/signing';
import { VerificationRepository } from './verification.repository';
import { VerificationService } from './verification.service';
import type { Verdict } from './verification.types';

export interface DocumentCheck {
  /** Signed by this scheme's key (current or retired), and the signature holds. */
  signatureValid: boolean;
  /** The signature covers the whole file, and the file is the one the registry holds for this number. */
  documentUnchanged: boolean;
  certificateNumber: string | null;
  /** A short code saying what is wrong, when something is. */
  problem?: string;
  verdict: Verdict | null;
}

const NUMBER_IN_PDF = /KM-\d{4}-\d{6}-\d/g;

/**
 * Checks a certificate PDF someone holds: signature (against this scheme's published public keys; this
 * process holds no private key), coverage, the registry's SHA-256, and the certificate's current status.
 * Hostile input gets an answer, never an exception.
 */
@Injectable()
export class DocumentCheckService {
  constructor(
    private readonly keys: PublishedKeysService,
    private readonly repository: VerificationRepository,
    private readonly verification: VerificationService,
  ) {}

  async check(pdf: Buffer): Promise<DocumentCheck> {
    const known = await this.keys.current();
    let signature = await verifyPdfSignature(pdf, known);
    if (signature.signed && !signature.signedByThisScheme) {
      // Perhaps signed with a key published since this process last read the keys (a rotation).
      const fresh = await this.keys.refreshed();
      if (fresh !== known) signature = await verifyPdfSignature(pdf, fresh);
    }
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const registered = await this.repository.numberByPdfSha256(sha256);
    // A valid but superseded PDF (re-issued, or re-inspected) still names its certificate in its metadata.
    const number: string | null = registered ?? (signature.signatureValid && signature.signedByThisScheme ? this.numberIn(pdf) : null);
    const signatureValid = signature.signed && signature.signatureValid && signature.signedByThisScheme;
    const documentUnchanged = signatureValid && signature.coversWholeDocument && Boolean(registered);
    const verdict = number ? await this.verification.verify({ certificateNumber: number }) : null;
    const problem = !signature.signed
      ? (signature.reason ?? 'no-signature')
      : !signature.signatureValid
        ? (signature.reason ?? 'signature-invalid')
        : !signature.signedByThisScheme
          ? 'unknown-signer'
          : !signature.coversWholeDocument
            ? 'not-whole-document'
            : !registered
              ? 'not-the-registered-document'
              : undefined;
    return { signatureValid, documentUnchanged, certificateNumber: number, verdict, ...(problem ? { problem } : {}) };
  }

  private numberIn(pdf: Buffer): string | null {
    const text = pdf.toString('latin1');
    for (const match of text.matchAll(NUMBER_IN_PDF)) if (parseCertificateNumber(match[0]).valid) return match[0];
    return null;
  }
}
