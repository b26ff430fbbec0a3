import { Injectable } from '@nestjs/common';
import type { CertificateFacts } from './verification.types';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 200_000;

/**
 * What the public read path last read, by certificate number and by address. Entries are evicted by
 * the change listener within milliseconds of a commit; the TTL only bounds what an unforeseen miss
 * could cost. `null` is cached too: "no certificate at this address" is the commonest answer to guard.
 */
@Injectable()
export class VerificationCache {
  private readonly byNumber = new Map<string, { facts: CertificateFacts | null; until: number }>();
  private readonly byAddress = new Map<string, { facts: CertificateFacts | null; until: number }>();
  private listening = false;
  /**
   * Raised by every eviction. A read that began before an eviction may carry the old facts; it may
   * only store them while the generation it started under is still current.
   */
  private generationValue = 0;
  hits = 0;
  misses = 0;

  setListening(listening: boolean): void {
    if (!listening) this.clear();
    this.listening = listening;
  }

  get enabled(): boolean {
    return this.listening;
  }

  get generation(): number {
    return this.generationValue;
  }

  getByNumber(number: string): CertificateFacts | null | undefined {
    return this.read(this.byNumber, number);
  }

  getByAddress(key: string): CertificateFacts | null | undefined {
    return this.read(this.byAddress, key);
  }

  putNumber(number: string, facts: CertificateFacts | null, readAt: number): void {
    if (readAt === this.generationValue) this.write(this.byNumber, number, facts);
  }

  putAddress(key: string, facts: CertificateFacts | null, readAt: number): void {
    if (readAt === this.generationValue) this.write(this.byAddress, key, facts);
  }

  evict(number: string, address: string): void {
    this.generationValue++;
    this.byNumber.delete(number);
    this.byAddress.delete(address);
  }

  clear(): void {
    this.generationValue++;
    this.byNumber.clear();
    this.byAddress.clear();
  }

  private read(map: Map<string, { facts: CertificateFacts | null; until: number }>, key: string): CertificateFacts | null | undefined {
    if (!this.listening) return undefined;
    const entry = map.get(key);
    if (!entry || entry.until < Date.now()) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry.facts;
  }

  private write(map: Map<string, { facts: CertificateFacts | null; until: number }>, key: string, facts: CertificateFacts | null): void {
    if (!this.listening) return;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { facts, until: Date.now() + TTL_MS });
  }
}
