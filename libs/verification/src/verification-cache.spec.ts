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
});
