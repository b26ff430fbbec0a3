import { Injectable } from '@nestjs/common';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

export interface Allowance {
  limit: number;
  remaining: number;
  /** Set when the caller is over the limit: seconds until its window ends. */
  retryAfterSeconds?: number;
}

/**
 * The public routes' limits, in fixed one-minute windows in this process's memory: a guard against
 * abuse, not an accounting. One instance serves the rate-limit guard and the verification fast path,
 * so both count the same calls.
 */
@Injectable()
export class PublicRateWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  take(key: string, limit: number, now = Date.now()): Allowance {
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const allowance: Allowance = { limit, remaining: Math.max(0, limit - window.count) };
    if (window.count > limit) allowance.retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    return allowance;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
