import { Injectable } from '@nestjs/common';
import { jwks, PublicJwk, PublicKeySet } from '@keurmerk/signing';
import { CertificateRepository } from './certificate.repository';

const TTL_MS = 30_000;
/** Re-read at most this often when a document names a key we do not know (an upload cannot make us hammer the table). */
const REFRESH_MIN_INTERVAL_MS = 1_000;

/**
 * The public keys the issuer published (`signing_key`), for processes that hold no private key: the
 * JWKS, and checking PDFs and credentials. Cached per process; a key published by a rotation shows
 * within TTL_MS, or at once when a document signed with it is checked (`refreshed`).
 */
@Injectable()
export class PublishedKeysService {
  private cached?: { keys: PublicKeySet; readAt: number };
  private loading?: Promise<PublicKeySet>;

  constructor(private readonly certificates: CertificateRepository) {}

  async current(): Promise<PublicKeySet> {
    const cached = this.cached;
    // An empty set (no issuer has started yet) is asked again soon rather than kept for the whole TTL.
    const ttl = cached && cached.keys.keys.length === 0 ? REFRESH_MIN_INTERVAL_MS : TTL_MS;
    if (cached && Date.now() - cached.readAt < ttl) return cached.keys;
    return this.load();
  }

  /** The keys read again, unless they were read within the last second (then those). */
  async refreshed(): Promise<PublicKeySet> {
    if (this.cached && Date.now() - this.cached.readAt < REFRESH_MIN_INTERVAL_MS) return this.cached.keys;
    return this.load();
  }

  /** Drops what this process read: the issuer in this same process has just published (embedded default, tests). */
  forget(): void {
    this.cached = undefined;
  }

  async jwks(): Promise<{ keys: PublicJwk[] }> {
    return jwks(await this.current());
  }

  private load(): Promise<PublicKeySet> {
    this.loading ??= this.certificates
      .publishedKeys()
      .then((rows) => {
        const keys = new PublicKeySet(rows.map((row) => ({ certificate: row.certificate, chain: row.chain ?? [], status: row.status })));
        this.cached = { keys, readAt: Date.now() };
        return keys;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
