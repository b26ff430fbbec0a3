import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AddressLookup } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { addressFromAnswer, type FoundAddress, locatieserverQuery } from './locatieserver';

/** The largest answer read: ten addresses are a few kilobytes. */
const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * The address lookup on the BAG through PDOK Locatieserver (`ADRES_LOOKUP_URL`). A help, never a
 * condition: off when no URL is set, and an answer that is slow (ADRES_LOOKUP_TIMEOUT_MS), wrong or
 * absent is `undefined`, so the landlord types the address and registration goes on as without it.
 */
@Injectable()
export class AddressLookupClient {
  private readonly logger = new Logger(AddressLookupClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.addressLookup.url !== undefined;
  }

  async find(key: AddressLookup): Promise<FoundAddress | undefined> {
    const base = this.config.addressLookup.url;
    if (!base) return undefined;
    try {
      const response = await fetch(`${base}/free?${locatieserverQuery(key).toString()}`, {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.addressLookup.timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) {
        this.logger.warn(`address lookup answered ${response.status}`);
        return undefined;
      }
      const text = await response.text();
      if (text.length > MAX_ANSWER_BYTES) return undefined;
      return addressFromAnswer(JSON.parse(text), key);
    } catch (error) {
      this.logger.warn(`address lookup failed: ${(error as Error).name}`);
      return undefined;
    }
  }
}
