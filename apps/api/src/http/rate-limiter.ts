import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { AppErrorCode, AppException } from '@keurmerk/common';

/** 429 with the seconds to wait; the problem filter turns `retryAfterSeconds` into a Retry-After header. */
export class RateLimitedException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super(AppErrorCode.RateLimited, `Too many requests; try again in ${retryAfterSeconds} seconds.`);
  }
}

export interface RateLimit {
  /** Requests allowed per key within the window. */
  limit: number;
  windowMs: number;
  /** Keys kept at most; beyond it the oldest are forgotten, so memory stays bounded under a flood of addresses. */
  maxKeys?: number;
}

/**
 * A sliding-window limiter in this process's memory: nothing about the caller is written anywhere.
 * Several API processes each count on their own, so the effective limit is per process.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly maxKeys: number;

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.maxKeys = rule.maxKeys ?? 100_000;
  }

  /** Counts one request for `key`, or throws RateLimitedException when the window is full (the refused request is not counted). */
  take(key: string): void {
    const now = this.now();
    const since = now - this.rule.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.rule.limit) {
      this.hits.set(key, recent);
      throw new RateLimitedException(Math.max(1, Math.ceil((recent[0] + this.rule.windowMs - now) / 1000)));
    }
    recent.push(now);
    // Re-inserted, so the Map's order is least recently used first.
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.prune(since);
  }

  private prune(since: number): void {
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= since) this.hits.delete(key);
    }
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }

  get size(): number {
    return this.hits.size;
  }
}

/**
 * The address a limit counts by: the client's IP as Fastify resolves it (behind the proxy, with
 * trustProxy). An IPv6 client usually holds a whole /64, so that is one key.
 */
export function clientKey(request: FastifyRequest): string {
  const ip = request.ip ?? 'unknown';
  if (!isIPv6(ip) || ip.startsWith('::ffff:')) return ip.replace(/^::ffff:/, '');
  const groups = expandIPv6(ip);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right] : left;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
