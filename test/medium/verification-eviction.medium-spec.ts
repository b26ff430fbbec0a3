import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { certificateChangePayload, CertificateRepository, CertificatesModule } from '@keurmerk/certificates';
import { type CertificateFacts, CommitEvictor, VerificationCache } from '@keurmerk/verification';
import { type Medium, MEDIUM_SETUP_TIMEOUT, startMedium } from '../support/medium';

/**
 * The process that changes a certificate drops it from its own verification cache when the
 * transaction commits, not when its notification comes back: its caller's next read is current.
 * The cache here listens to nothing else, so only the commit can have evicted it.
 */
describe('verification cache eviction at commit (medium)', () => {
  let m: Medium;
  let cache: VerificationCache;
  const number = 'KM-2026-000001-4';
  const address = { postcode: '2671AB', houseNumber: 1, houseLetter: null, houseNumberAddition: null };
  const payload = certificateChangePayload({ number, content: { address } } as never);
  const { address: addressKey } = JSON.parse(payload) as { address: string };
  const facts = { number } as CertificateFacts;
  const fill = () => {
    cache.putNumber(number, facts, cache.generation);
    cache.putAddress(addressKey, facts, cache.generation);
  };

  beforeAll(async () => {
    m = await startMedium({ imports: [CertificatesModule] });
    cache = new VerificationCache();
    cache.setListening(true);
    new CommitEvictor(m.db, cache);
  }, MEDIUM_SETUP_TIMEOUT);
  afterAll(async () => {
    await m?.close();
  });

  it('evicts number and address as soon as the transaction has committed', async () => {
    fill();
    expect(cache.getByNumber(number)).toBe(facts);
    await m.db.transaction(async (manager) => {
      await m.get(CertificateRepository).notifyChanged(manager, payload);
      // Not before the commit: until then the old facts are still what the database says.
      expect(cache.getByNumber(number)).toBe(facts);
    });
    expect(cache.getByNumber(number)).toBeUndefined();
    expect(cache.getByAddress(addressKey)).toBeUndefined();
  });

  it('keeps them when the transaction rolls back, and forgets what the rolled-back one announced', async () => {
    fill();
    await expect(
      m.db.transaction(async (manager) => {
        await m.get(CertificateRepository).notifyChanged(manager, payload);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(cache.getByNumber(number)).toBe(facts);
    await m.db.transaction(async (manager) => {
      await manager.query('SELECT 1');
    });
    expect(cache.getByNumber(number)).toBe(facts);
  });

  it('waits for the outermost commit when a savepoint is released first', async () => {
    fill();
    await m.db.transaction(async (manager) => {
      await manager.transaction(async (inner) => {
        await m.get(CertificateRepository).notifyChanged(inner, payload);
      });
      expect(cache.getByNumber(number)).toBe(facts);
    });
    expect(cache.getByNumber(number)).toBeUndefined();
  });
});
