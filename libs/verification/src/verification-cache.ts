import { Injectable } from '@nestjs/common';
import type { CertificateFacts } from './verification.types';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 200_000;

interface Entry {
  facts: CertificateFacts | null;
  until: number;
}

/** An answer made from an entry, for one question object, renderer and day (see `answerTo`). */
interface KeptAnswer {
  render: unknown;
  day: string;
  generation: number;
  until: number;
  answer: unknown;
}

/**
 * What the public read path last read, by certificate number and by address. Entries are evicted by
 * the change listener within milliseconds of a commit; the TTL only bounds what an unforeseen miss
 * could cost. `null` is cached too: "no certificate at this address" is the commonest answer to guard.
 */
@Injectable()
export class VerificationCache {
  private readonly byNumber = new Map<string, Entry>();
  private readonly byAddress = new Map<string, Entry>();
  /** Answers by the question object they answer; held weakly, so they go with the question. */
  private readonly answers = new WeakMap<object, KeptAnswer>();
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
    return this.read(this.byNumber, number)?.facts;
  }

  getByAddress(key: string): CertificateFacts | null | undefined {
    return this.read(this.byAddress, key)?.facts;
  }

  /** As getByNumber and getByAddress, with the moment the entry stops being served. */
  entryByNumber(number: string): Readonly<Entry> | undefined {
    return this.read(this.byNumber, number);
  }

  entryByAddress(key: string): Readonly<Entry> | undefined {
    return this.read(this.byAddress, key);
  }

  /**
   * The answer kept for this question object, renderer and day, while it still is what the entry it was
   * made from would give: nothing evicted since (any eviction, a clear and a lost LISTEN raise the
   * generation) and the entry not past its TTL. A caller that asks the same question object again (the
   * front door keeps one per query string) skips the key, the lookup and the rendering. Counted as a hit.
   */
  answerTo(question: object, render: unknown, day: string): unknown {
    const kept = this.answers.get(question);
    if (
      kept === undefined ||
      kept.generation !== this.generationValue ||
      kept.render !== render ||
      kept.day !== day ||
      kept.until < Date.now() ||
      !this.listening
    ) {
      return undefined;
    }
    this.hits++;
    return kept.answer;
  }

  /** Keeps an answer made from `entry` (just read) for `answerTo`. */
  keepAnswer(question: object, render: unknown, day: string, entry: Readonly<Entry>, answer: unknown): void {
    this.answers.set(question, { render, day, generation: this.generationValue, until: entry.until, answer });
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

  /** Evicts what a change announced (`certificateChangePayload`); a payload it cannot read clears everything. */
  evictAnnounced(payload: string): void {
    try {
      const { number, address } = JSON.parse(payload) as { number: string; address: string };
      this.evict(number, address);
    } catch {
      this.clear();
    }
  }

  clear(): void {
    this.generationValue++;
    this.byNumber.clear();
    this.byAddress.clear();
  }

  private read(map: Map<string, Entry>, key: string): Entry | undefined {
    if (!this.listening) return undefined;
    const entry = map.get(key);
    if (!entry || entry.until < Date.now()) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry;
  }

  private write(map: Map<string, Entry>, key: string, facts: CertificateFacts | null): void {
    if (!this.listening) return;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { facts, until: Date.now() + TTL_MS });
  }
}
