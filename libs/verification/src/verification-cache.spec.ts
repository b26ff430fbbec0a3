import { jest } from '@jest/globals';
import { VerificationCache } from './verification-cache';
import type { CertificateFacts } from './verification.types';

const facts = (status: CertificateFacts['status']) => ({ number: 'KM-2026-000001-8', status }) as CertificateFacts;

describe('VerificationCache', () => {
  it('stores nothing while it is not listening for changes', () => {
    const cache = new VerificationCache();
    cache.putNumber('n', facts('geldig'), cache.generation);
    expect(cache.getByNumber('n')).toBeUndefined();
  });

  it('keeps what was read, and drops it when its certificate changes', () => {
    const cache = new VerificationCache();
    cache.setListening(true);
    cache.putNumber('n', facts('geldig'), cache.generation);
    cache.putAddress('a', null, cache.generation);
    expect(cache.getByNumber('n')?.status).toBe('geldig');
    expect(cache.getByAddress('a')).toBeNull();
    cache.evict('n', 'a');
    expect(cache.getByNumber('n')).toBeUndefined();
    expect(cache.getByAddress('a')).toBeUndefined();
  });

  it('refuses a read that started before a change was announced (it may carry the old facts)', () => {
    const cache = new VerificationCache();
    cache.setListening(true);
    const readAt = cache.generation;
    cache.evict('n', 'a');
    cache.putNumber('n', facts('geldig'), readAt);
    expect(cache.getByNumber('n')).toBeUndefined();
    cache.putNumber('n', facts('geschorst'), cache.generation);
    expect(cache.getByNumber('n')?.status).toBe('geschorst');
  });

  describe('answers kept by question', () => {
    const question = { certificateNumber: 'n' };
    const render = () => 'rendered';
    const kept = () => {
      const cache = new VerificationCache();
      cache.setListening(true);
      cache.putNumber('n', facts('geldig'), cache.generation);
      cache.keepAnswer(question, render, '2026-12-04', cache.entryByNumber('n')!, 'answer');
      return cache;
    };

    it('serves the answer again for the same question, renderer and day, counted as a hit', () => {
      const cache = kept();
      const hits = cache.hits;
      expect(cache.answerTo(question, render, '2026-12-04')).toBe('answer');
      expect(cache.hits).toBe(hits + 1);
      expect(cache.answerTo({ certificateNumber: 'n' }, render, '2026-12-04')).toBeUndefined();
      expect(cache.answerTo(question, () => 'other', '2026-12-04')).toBeUndefined();
      expect(cache.answerTo(question, render, '2026-12-05')).toBeUndefined();
    });

    it('drops it with any eviction, when listening stops, and when the entry it came from expires', () => {
      const evicted = kept();
      evicted.evict('other', 'other');
      expect(evicted.answerTo(question, render, '2026-12-04')).toBeUndefined();

      const deaf = kept();
      deaf.setListening(false);
      deaf.setListening(true);
      expect(deaf.answerTo(question, render, '2026-12-04')).toBeUndefined();

      const expiring = kept();
      const now = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 5 * 60_000 + 1);
      try {
        expect(expiring.answerTo(question, render, '2026-12-04')).toBeUndefined();
      } finally {
        clock.mockRestore();
      }
    });
  });
});
