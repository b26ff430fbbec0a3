import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addressKey } from '@keurmerk/certificates';
import { Clock } from '@keurmerk/common';
import { VerificationCache } from './verification-cache';
import { CertificateFacts, Reason, Verdict, VerificationRequest } from './verification.types';

export const VERIFICATION_READER = Symbol('VERIFICATION_READER');

/** Stands for "no certificate" where an object key is needed. */
const NOT_FOUND = {};

const FACTS = `c.number, c.status, c.valid_from, c.valid_until, c.maximum_residents, c.municipality_code, c.norm_version, c.pdf_sha256, c.status_changed_at, c.content`;

/** The location's certificate: the one issued last (a re-inspection's replaces the old). */
const BY_ADDRESS = `
  SELECT ${FACTS}
    FROM location l
    JOIN LATERAL (SELECT * FROM certificate c WHERE c.location_id = l.id AND c.status <> 'uitgifte' ORDER BY c.issued_at DESC LIMIT 1) c ON true
   WHERE l.postcode = $1 AND l.house_number = $2 AND coalesce(l.house_letter, '') = $3 AND coalesce(l.house_number_addition, '') = $4`;

const DESCRIPTIONS: Record<Reason['code'], string> = {
  'geen-certificaat': 'Er is geen certificaat voor deze locatie of dit nummer.',
  geschorst: 'Het certificaat is geschorst.',
  ingetrokken: 'Het certificaat is ingetrokken.',
  verlopen: 'Het certificaat is verlopen.',
  'te-veel-bewoners': 'Het gevraagde aantal bewoners is hoger dan het gecertificeerde maximum.',
};

function factsOf(row: Record<string, unknown>): CertificateFacts {
  return {
    number: row.number as string,
    status: row.status as CertificateFacts['status'],
    validFrom: row.valid_from as string,
    validUntil: row.valid_until as string,
    maximumResidents: row.maximum_residents as number,
    municipalityCode: row.municipality_code as string,
    normVersion: row.norm_version as string,
    pdfSha256: row.pdf_sha256 as string,
    statusChangedAt: row.status_changed_at as Date,
    content: row.content as CertificateFacts['content'],
  };
}

/**
 * The permit precondition check, the platform's hottest path. It only reads (in production through a
 * read-only database role), answers from the in-process cache when it can, and judges with the
 * clock: a certificate past its last valid day is `verlopen` even before the nightly sweep says so.
 */
@Injectable()
export class VerificationService {
  /** Rendered answers by renderer, then by the cached facts object they were made from (or NOT_FOUND). */
  private readonly rendered = new WeakMap<(verdict: Verdict) => string, WeakMap<object, { day: string; text: string }>>();

  constructor(
    @Inject(VERIFICATION_READER) private readonly reader: DataSource,
    private readonly cache: VerificationCache,
    private readonly clock: Clock,
  ) {}

  async verify(request: VerificationRequest): Promise<Verdict> {
    return this.judge(await this.lookup(request), request.residents);
  }

  /**
   * The verdict as `render` writes it. Without a number of residents the answer depends only on the
   * facts and the day, so it is rendered once per cached facts object and day and then served as
   * the same string: the hot path does no mapping and no serialising. A change evicts the facts,
   * and with them (held weakly) their rendered answer.
   */
  async verifyRendered(request: VerificationRequest, render: (verdict: Verdict) => string): Promise<string> {
    const found = await this.lookup(request);
    if (request.residents !== undefined) return render(this.judge(found, request.residents));
    let byFacts = this.rendered.get(render);
    if (!byFacts) this.rendered.set(render, (byFacts = new WeakMap()));
    const day = this.today();
    const key = found ?? NOT_FOUND;
    const kept = byFacts.get(key);
    if (kept?.day === day) return kept.text;
    const text = render(this.judge(found));
    byFacts.set(key, { day, text });
    return text;
  }

  /** Up to 1000 requests in request order, with one database round trip for whatever the cache lacks. */
  async verifyMany(requests: VerificationRequest[]): Promise<Verdict[]> {
    const found = new Map<number, CertificateFacts | null>();
    const missing: number[] = [];
    requests.forEach((request, index) => {
      const cached = 'certificateNumber' in request ? this.cache.getByNumber(request.certificateNumber) : this.cache.getByAddress(addressKey(request));
      if (cached === undefined) missing.push(index);
      else found.set(index, cached);
    });
    if (missing.length > 0) {
      const readAt = this.cache.generation;
      const rows = await this.reader.query(
        `WITH request AS (
           SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[])
             AS r(idx, number, postcode, house_number, house_letter, addition)
         )
         SELECT r.idx, f.* FROM request r
         LEFT JOIN LATERAL (
           SELECT ${FACTS} FROM certificate c WHERE r.number IS NOT NULL AND c.number = r.number AND c.status <> 'uitgifte'
           UNION ALL
           (SELECT ${FACTS}
              FROM location l
              JOIN LATERAL (SELECT * FROM certificate c WHERE c.location_id = l.id AND c.status <> 'uitgifte' ORDER BY c.issued_at DESC LIMIT 1) c ON true
             WHERE r.number IS NULL AND l.postcode = r.postcode AND l.house_number = r.house_number
               AND coalesce(l.house_letter, '') = r.house_letter AND coalesce(l.house_number_addition, '') = r.addition)
           LIMIT 1
         ) f ON true`,
        [
          missing,
          missing.map((i) => ('certificateNumber' in requests[i] ? (requests[i] as { certificateNumber: string }).certificateNumber : null)),
          missing.map((i) => ('postcode' in requests[i] ? (requests[i] as { postcode: string }).postcode : null)),
          missing.map((i) => ('houseNumber' in requests[i] ? (requests[i] as { houseNumber: number }).houseNumber : null)),
          missing.map((i) => ('postcode' in requests[i] ? ((requests[i] as { houseLetter?: string }).houseLetter ?? '').toUpperCase() : null)),
          missing.map((i) => ('postcode' in requests[i] ? ((requests[i] as { houseNumberAddition?: string }).houseNumberAddition ?? '').toUpperCase() : null)),
        ],
      );
      for (const row of rows as Record<string, unknown>[]) {
        const index = row.idx as number;
        const facts = row.number ? factsOf(row) : null;
        found.set(index, facts);
        this.remember(requests[index], facts, readAt);
      }
    }
    return requests.map((request, index) => this.judge(found.get(index) ?? null, request.residents));
  }

  private async lookup(request: VerificationRequest): Promise<CertificateFacts | null> {
    if ('certificateNumber' in request) {
      const cached = this.cache.getByNumber(request.certificateNumber);
      if (cached !== undefined) return cached;
      const readAt = this.cache.generation;
      const [row] = await this.reader.query(`SELECT ${FACTS} FROM certificate c WHERE c.number = $1 AND c.status <> 'uitgifte'`, [request.certificateNumber]);
      const facts = row ? factsOf(row) : null;
      this.remember(request, facts, readAt);
      return facts;
    }
    const key = addressKey(request);
    const cached = this.cache.getByAddress(key);
    if (cached !== undefined) return cached;
    const readAt = this.cache.generation;
    const [row] = await this.reader.query(BY_ADDRESS, [request.postcode, request.houseNumber, (request.houseLetter ?? '').toUpperCase(), (request.houseNumberAddition ?? '').toUpperCase()]);
    const facts = row ? factsOf(row) : null;
    this.remember(request, facts, readAt);
    return facts;
  }

  /** Stores what a read found, unless a change was announced while it ran (then the next read decides). */
  private remember(request: VerificationRequest, facts: CertificateFacts | null, readAt: number): void {
    if ('certificateNumber' in request) this.cache.putNumber(request.certificateNumber, facts, readAt);
    else this.cache.putAddress(addressKey(request), facts, readAt);
    // A certificate found by one key is the same answer for the other.
    if (facts) {
      this.cache.putNumber(facts.number, facts, readAt);
      this.cache.putAddress(addressKey(facts.content.address), facts, readAt);
    }
  }

  /** The answer for the facts found: `voldoet` only for a valid certificate whose maximum covers the residents. */
  judge(found: CertificateFacts | null, residents?: number): Verdict {
    if (!found) return { complies: false, reasons: [reason('geen-certificaat')], certificate: null };
    const certificate = this.effective(found);
    const reasons: Reason[] = [];
    if (certificate.status !== 'geldig') reasons.push(reason(certificate.status));
    if (residents !== undefined && residents > certificate.maximumResidents) reasons.push(reason('te-veel-bewoners'));
    return { complies: reasons.length === 0, reasons, certificate };
  }

  /** A certificate whose last valid day has passed is expired now, whatever the sweep has done yet. */
  private effective(facts: CertificateFacts): CertificateFacts {
    if ((facts.status === 'geldig' || facts.status === 'geschorst') && facts.validUntil < this.today()) {
      return { ...facts, status: 'verlopen' };
    }
    return facts;
  }

  /** The clock's Amsterdam today (memoised per minute there), as every deadline and expiry uses. */
  private today(): string {
    return this.clock.today();
  }
}

function reason(code: Reason['code']): Reason {
  return { code, description: DESCRIPTIONS[code] };
}
