import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { renderCertificatePdf } from '@keurmerk/certificate-pdf';
import { Clock } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { Metrics } from '@keurmerk/metrics';
import { addDays, startOfAmsterdamDay } from '@keurmerk/norm';
import { KeyRing, signCredential, signPdf } from '@keurmerk/signing';
import { ObjectStorage } from '@keurmerk/storage';
import type { CertificateStatus } from './certificate-lifecycle';
import { CertificateEntity } from './certificate.entities';
import { CertificateLifecycleService } from './certificate-lifecycle.service';
import { CompanySanctionService } from './company-sanction.service';
import { CertificateRepository, IssuedArtifacts } from './certificate.repository';
import { KEY_RING } from './key-ring.provider';
import { PublishedKeysService } from './published-keys.service';

/** Raised when the certificate's layout changes, so `reissue` knows which PDFs are stale. */
export const TEMPLATE_VERSION = 1;

/** The `credentialStatus.type` of our credentials: the live status is at `credentialStatus.id`. */
export const CREDENTIAL_STATUS_TYPE = 'KeurmerkCertificaatStatus';

/**
 * The credential of a certificate as the issuer signs it. `status` is the status when it was signed (at
 * issuance, or at a re-issue); `credentialStatus` points verifiers at the live status, which is what a
 * suspension or withdrawal changes (the credential is not signed again for a status change).
 */
export function credentialPayload(
  certificate: Pick<
    CertificateEntity,
    'number' | 'validFrom' | 'validUntil' | 'maximumResidents' | 'content' | 'municipalityCode' | 'normVersion'
  >,
  facts: { status: CertificateStatus; pdfSha256: string; signedAt: Date; publicBaseUrl: string },
): object {
  const url = `${facts.publicBaseUrl}/v1/certificaten/${certificate.number}`;
  const content = certificate.content;
  return {
    iss: facts.publicBaseUrl,
    sub: certificate.number,
    iat: Math.floor(facts.signedAt.getTime() / 1000),
    // Dutch calendar days: valid from midnight in Amsterdam on the first day to midnight after the last.
    nbf: startOfAmsterdamDay(certificate.validFrom).getTime() / 1000,
    exp: startOfAmsterdamDay(addDays(certificate.validUntil, 1)).getTime() / 1000,
    vc: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'KeurmerkCertificaat'],
      credentialSubject: {
        id: url,
        certificaatnummer: certificate.number,
        status: facts.status,
        geldigVanaf: certificate.validFrom,
        geldigTot: certificate.validUntil,
        maximaalAantalBewoners: certificate.maximumResidents,
        adres: content.address,
        gemeentecode: certificate.municipalityCode,
        houder: { naam: content.holderName, kvkNummer: content.holderKvkNumber },
        normVersie: certificate.normVersion,
        pdfSha256: facts.pdfSha256,
      },
      credentialStatus: { id: url, type: CREDENTIAL_STATUS_TYPE },
    },
  };
}

/**
 * Boulder's CA: the only holder of the key ring. Renders, signs the PDF and the credential, stores both,
 * and publishes through the lifecycle's one path; publishes its public keys for everyone else. Provided
 * only where issuance runs: the worker, the CLI (`reissue`, `rotate-key`) and the in-process worker of
 * the embedded default (CertificateIssuanceModule), never in an API process of its own.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger('certificates');
  private keysPublished?: Promise<void>;

  constructor(
    @Inject(KEY_RING) private readonly keyRing: KeyRing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly certificates: CertificateRepository,
    private readonly lifecycle: CertificateLifecycleService,
    private readonly publishedKeys: PublishedKeysService,
    private readonly storage: ObjectStorage,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly sanctions: CompanySanctionService,
    private readonly metrics: Metrics,
  ) {}

  /** The ring this issuer signs with (for benchmarks of signing alone). */
  get signingKeys(): KeyRing {
    return this.keyRing;
  }

  /**
   * Publishes the public side of every key of the ring (active first, retired ones too) into
   * `signing_key`, where the API reads its JWKS and checks PDFs. Once per issuer; again after a failure.
   */
  publishKeys(): Promise<void> {
    this.keysPublished ??= this.certificates
      .publishKeys(
        this.keyRing.keys.map((key) => ({
          kid: key.kid,
          algorithm: key.algorithm,
          certificate: key.certificate,
          chain: [...key.chain],
          status: key.status,
        })),
        this.clock.now(),
      )
      .then(
        () => {
          this.publishedKeys.forget();
          this.logger.log(`published ${this.keyRing.keys.length} public key(s), active ${this.keyRing.activeKey.kid}`);
        },
        (error: unknown) => {
          this.keysPublished = undefined;
          throw error;
        },
      );
    return this.keysPublished;
  }

  /** Renders and signs what was recorded; the same content always renders the same page. */
  private async renderAndSign(certificate: CertificateEntity): Promise<{ pdf: Buffer; sha256: string }> {
    const unsigned = await renderCertificatePdf(certificate.content, { signingTime: certificate.createdAt });
    const pdf = await signPdf(unsigned, this.keyRing);
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  /** PDF and credential for `certificate` as it will stand (`status`), the PDF already stored. */
  private async produce(certificate: CertificateEntity, status: CertificateStatus): Promise<IssuedArtifacts> {
    const { pdf, sha256 } = await this.renderAndSign(certificate);
    const pdfKey = `certificates/${certificate.number}/${sha256}.pdf`;
    await this.storage.put(pdfKey, pdf, 'application/pdf');
    const credential = await signCredential(
      credentialPayload(certificate, { status, pdfSha256: sha256, signedAt: this.clock.now(), publicBaseUrl: this.config.publicBaseUrl }),
      {
        keyRing: this.keyRing,
      },
    );
    return { pdfKey, pdfSha256: sha256, credential, signingKid: this.keyRing.activeKey.kid, templateVersion: TEMPLATE_VERSION };
  }

  /**
   * The worker's step for one allocated certificate: render, sign, store, then publish. Safe to run
   * again after a crash at any point (it only publishes what is still 'uitgifte'), and safe to run
   * twice at once (the row lock lets one publish; the other's stored copy is never referenced).
   */
  async issue(number: string): Promise<'issued' | 'already-issued'> {
    const certificate = await this.certificates.findByNumber(number);
    if (!certificate) throw new Error(`certificate ${number} does not exist`);
    if (certificate.status !== 'uitgifte') return 'already-issued';
    // Nobody may see a document signed with a key the API cannot show yet.
    await this.publishKeys();
    const produced = this.metrics.issuance.startTimer();
    const artifacts = await this.produce(certificate, 'geldig');
    produced();
    return this.certificates.transaction(async (manager) => {
      const locked = await this.certificates.lockByNumber(manager, number);
      if (!locked || locked.status !== 'uitgifte') return 'already-issued' as const;
      // A later decision's certificate replaces the location's current one (geldig or geschorst): `vervangen`.
      await this.lifecycle.supersedeAtLocation(manager, locked.locationId, number);
      await this.lifecycle.recordChange(manager, locked, 'geldig', 'Toegekend', SYSTEM_ACTOR, artifacts);
      // A new decision does not end a company's suspension.
      await this.sanctions.applyInForce(manager, locked, SYSTEM_ACTOR);
      return 'issued' as const;
    });
  }

  /** Issues everything still allocated (a catch-up for jobs lost with a dead queue, and for tests). */
  async issuePending(): Promise<number> {
    let issued = 0;
    for (const number of await this.certificates.pendingNumbers()) if ((await this.issue(number)) === 'issued') issued++;
    return issued;
  }

  /**
   * Re-renders and re-signs (PDF and credential) current certificates made with another key or template,
   * or without a stored credential (issued before credentials were stored). Resumable: what is done no
   * longer matches. Content, number and status stay; the PDF, its hash, the credential and the key change.
   */
  async reissue(
    options: { limit?: number; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<{ reissued: number; remaining: number }> {
    await this.publishKeys();
    const kid = this.keyRing.activeKey.kid;
    const total = await this.certificates.countStale(kid, TEMPLATE_VERSION);
    let reissued = 0;
    while (options.limit === undefined || reissued < options.limit) {
      const batch = await this.certificates.findStale(kid, TEMPLATE_VERSION, 50);
      if (batch.length === 0) break;
      for (const certificate of batch) {
        const artifacts = await this.produce(certificate, certificate.status as CertificateStatus);
        const stored = await this.certificates.transaction(async (manager) => {
          const locked = await this.certificates.lockByNumber(manager, certificate.number);
          // Changed meanwhile: left stale, and signed again with its new status on the next round.
          if (!locked || locked.status !== certificate.status) return false;
          await this.certificates.updateArtifacts(manager, certificate.number, artifacts);
          await this.events.append(manager, {
            actor: SYSTEM_ACTOR,
            entityType: 'certificate',
            entityId: certificate.number,
            action: 'reissued',
            before: { pdfSha256: certificate.pdfSha256, signingKid: certificate.signingKid },
            after: { pdfSha256: artifacts.pdfSha256, signingKid: artifacts.signingKid },
          });
          return true;
        });
        if (!stored) continue;
        reissued++;
        options.onProgress?.(reissued, total);
        if (options.limit !== undefined && reissued >= options.limit) break;
      }
    }
    return { reissued, remaining: await this.certificates.countStale(kid, TEMPLATE_VERSION) };
  }
}
