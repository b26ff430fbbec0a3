import { Injectable } from '@nestjs/common';
import { addressKey } from '@keurmerk/certificates';
import { Clock } from '@keurmerk/common';
import { VerificationCache } from './verification-cache';
import { FactsLookup, VerificationRepository } from './verification.repository';
import { CertificateFacts, Reason, Verdict, VerificationRequest } from './verification.types';

/** Stands for "no certificate" where an object key is needed. */
const NOT_FOUND = {};
const RENDERED_PER_FACTS = 16;

const DESCRIPTIONS: Record<Reason['code'], string> = {
  'geen-certificaat': 'Er is geen certificaat voor deze locatie of dit nummer.',
  geschorst: 'Het certificaat is geschorst.',
  ingetrokken: 'Het certificaat is ingetrokken.',
  verlopen: 'Het certificaat is verlopen.',
  vervangen: 'Het certificaat is vervangen door een nieuwer certificaat.',
  'te-veel-bewoners': 'Het gevraagde aantal bewoners is hoger dan het gecertificeerde maximum.',
};

/** An address request as the repository and the cache key it: letter and addition upper-cased, '' when absent. */
function addressOf(request: { postcode: string; houseNumber: number; houseLetter?: string; houseNumberAddition?: string }) {
  return {
    postcode: request.postcode,
    houseNumber: request.houseNumber,
    houseLetter: (request.houseLetter ?? '').toUpperCase(),
    houseNumberAddition: (request.houseNumberAddition ?? '').toUpperCase(),
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
  private readonly rendered = new WeakMap<
    (verdict: Verdict) => unknown,
    WeakMap<object, { day: string; byResidents: Map<number, unknown> }>
  >();

  constructor(
    private readonly repository: VerificationRepository,
    private readonly cache: VerificationCache,
    private readonly clock: Clock,
  ) {}

  async verify(request: VerificationRequest): Promise<Verdict> {
    return this.judge(await this.lookup(request), request.residents);
  }

  /**
   * The verdict as `render` writes it. The answer depends only on the facts, the day and the number
   * of residents asked about, so it is rendered once per cached facts object, day and number, and
   * then served as the same string: the hot path does no mapping and no serialising. A change evicts
   * the facts, and with them (held weakly) their rendered answers. A facts object keeps the answers
   * for at most RENDERED_PER_FACTS different numbers of residents (a municipality asks few).
   */
  async verifyRendered<T>(request: VerificationRequest, render: (verdict: Verdict) => T): Promise<T> {
    return this.renderedFor(await this.lookup(request), request, render);
  }

  /**
   * As `verifyRendered`, but the answer itself when the cache holds the facts: no promise, no wrapper
   * object and no turn of the event loop for the commonest answer; a promise of it when the database
   * has to be asked (the cache is asked once either way). The answer is bytes or text, so a promise is
   * never an answer. The same question object asked again (the front door keeps one per query string)
   * gets the answer kept for it while the cache vouches for it (`VerificationCache.answerTo`): no key
   * built, nothing looked up.
   */
  verifyRenderedNow<T extends Buffer | string>(request: VerificationRequest, render: (verdict: Verdict) => T): T | Promise<T> {
    const day = this.today();
    const kept = this.cache.answerTo(request, render, day);
    if (kept !== undefined) return kept as T;
    const entry = this.cachedEntry(request);
    if (entry === undefined) return this.fetch(request).then((found) => this.renderedFor(found, request, render));
    const answer = this.renderedFor(entry.facts, request, render);
    this.cache.keepAnswer(request, render, day, entry, answer);
    return answer;
  }

  private renderedFor<T>(found: CertificateFacts | null, request: VerificationRequest, render: (verdict: Verdict) => T): T {
    let byFacts = this.rendered.get(render);
    if (!byFacts) this.rendered.set(render, (byFacts = new WeakMap()));
    const day = this.today();
    const key = found ?? NOT_FOUND;
    let kept = byFacts.get(key);
    if (kept?.day !== day) byFacts.set(key, (kept = { day, byResidents: new Map() }));
    const residents = request.residents ?? 0;
    const text = kept.byResidents.get(residents) as T | undefined;
    if (text !== undefined) return text;
    const made = render(this.judge(found, request.residents));
    if (kept.byResidents.size >= RENDERED_PER_FACTS) kept.byResidents.clear();
    kept.byResidents.set(residents, made);
    return made;
  }

  /** Up to 1000 requests in request order, with one database round trip for whatever the cache lacks. */
  async verifyMany(requests: VerificationRequest[]): Promise<Verdict[]> {
    const found = new Map<number, CertificateFacts | null>();
    const missing: number[] = [];
    requests.forEach((request, index) => {
      const cached = this.cachedEntry(request)?.facts;
      if (cached === undefined) missing.push(index);
      else found.set(index, cached);
    });
    if (missing.length > 0) {
      const readAt = this.cache.generation;
      const lookups: FactsLookup[] = missing.map((i) => {
        const request = requests[i];
        return 'certificateNumber' in request ? { number: request.certificateNumber } : addressOf(request);
      });
      const facts = await this.repository.factsForMany(lookups);
      missing.forEach((index, position) => {
        found.set(index, facts[position]);
        this.remember(requests[index], facts[position], readAt);
      });
    }
    return requests.map((request, index) => this.judge(found.get(index) ?? null, request.residents));
  }

  private async lookup(request: VerificationRequest): Promise<CertificateFacts | null> {
    const entry = this.cachedEntry(request);
    return entry !== undefined ? entry.facts : this.fetch(request);
  }

  /** The cache's entry for the question (its facts null: known to have no certificate), or undefined when it does not know. */
  private cachedEntry(request: VerificationRequest) {
    return 'certificateNumber' in request
      ? this.cache.entryByNumber(request.certificateNumber)
      : this.cache.entryByAddress(addressKey(request));
  }

  private async fetch(request: VerificationRequest): Promise<CertificateFacts | null> {
    const readAt = this.cache.generation;
    const facts =
      'certificateNumber' in request
        ? await this.repository.factsByNumber(request.certificateNumber)
        : await this.repository.factsByAddress(addressOf(request));
    this.remember(request, facts, readAt);
    return facts;
  }

  /** Stores what a read found, unless a change was announced while it ran (then the next read decides). */
  private remember(request: VerificationRequest, facts: CertificateFacts | null, readAt: number): void {
    if ('certificateNumber' in request) this.cache.putNumber(request.certificateNumber, facts, readAt);
    else this.cache.putAddress(addressKey(request), facts, readAt);
    // A certificate found by its address is the answer for its number too. The reverse holds only for a
    // certificate still in force: an old number (replaced, withdrawn, expired) is not what its address answers now.
    if (facts) {
      this.cache.putNumber(facts.number, facts, readAt);
      if (!('certificateNumber' in request) || facts.status === 'geldig' || facts.status === 'geschorst') {
        this.cache.putAddress(addressKey(facts.content.address), facts, readAt);
      }
    }
  }

  /** The answer for the facts found: `voldoet` only for a valid certificate whose maximum covers the residents. */
  judge(found: CertificateFacts | null, residents?: number): Verdict {
    if (!found) return { complies: false, reasons: [reason('geen-certificaat')], certificate: null };
    const certificate = this.effective(found);
    const reasons: Reason[] = [];
    if (certificate.status === 'vervangen' && certificate.supersededBy) {
      reasons.push({ code: 'vervangen', description: `Het certificaat is vervangen door ${certificate.supersededBy}.` });
    } else if (certificate.status !== 'geldig') reasons.push(reason(certificate.status));
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
