import type { FastifyRequest } from 'fastify';
import { clientKey, RateLimitedException, RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit within the window, refuses the next with the seconds to wait, and frees up as the window slides', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => now);
    limiter.take('a');
    now += 10_000;
    limiter.take('a');
    limiter.take('a');
    now += 5_000;
    let refused: unknown;
    try {
      limiter.take('a');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RateLimitedException);
    expect((refused as RateLimitedException).retryAfterSeconds).toBe(45);
    limiter.take('b');
    now += 45_001;
    expect(() => limiter.take('a')).not.toThrow();
    expect(() => limiter.take('a')).toThrow(RateLimitedException);
  });

  it('keeps at most maxKeys addresses', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, maxKeys: 100 }, () => now);
    for (let i = 0; i < 1000; i++) {
      now++;
      limiter.take(`k${i}`);
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The most recent keys are the ones kept.
    expect(() => limiter.take('k999')).toThrow(RateLimitedException);
  });
});

describe('clientKey', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:10.0.0.7', '10.0.0.7'],
    ['2001:db8:0:12:a:b:c:d', '2001:db8:0:12::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s counts as %s', (ip, key) => {
    expect(clientKey({ ip } as FastifyRequest)).toBe(key);
  });
});
