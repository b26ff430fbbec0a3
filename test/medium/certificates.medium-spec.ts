import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CertificateAllocator,
  CertificateEntity,
  CertificateIssuanceModule,
  CertificateIssuer,
  CertificateLifecycleService,
  CertificateQueryService,
  CertificatesModule,
  type CertificateStatus,
  CertificateStatusChangeEntity,
  parseCertificateNumber,
} from '@keurmerk/certificates';
import { AppErrorCode } from '@keurmerk/common';
import { type Actor, SYSTEM_ACTOR } from '@keurmerk/events';
import { FindingService, InspectionsModule } from '@keurmerk/inspections';
import { LocationEntity } from '@keurmerk/locations';
import { JOB_QUEUE_SCHEMA } from '@keurmerk/migrations';
import { ObjectStorage } from '@keurmerk/storage';
import type { EntityManager } from 'typeorm';
import { type Medium, MEDIUM_SETUP_TIMEOUT, refusal, startMedium } from '../support/medium';
import { type AuditPeople, auditPeople, auditSteps } from './support/audit-steps';

/**
 * The certificate services this file drives, in one place: the allocator, the issuer (the only
 * holder of the signing keys), the lifecycle (every status change) and the read-only queries.
 */
function certificateParts(m: Medium) {
  const lifecycle = m.get(CertificateLifecycleService);
  return {
    allocate: (manager: EntityManager, context: { decisionId: string; inspectionId: string; locationId: string; actor: Actor }) =>
      m.get(CertificateAllocator).allocate(manager, context),
    issue: (number: string) => m.get(CertificateIssuer).issue(number),
    changeStatus: async (number: string, to: CertificateStatus, reason: string, actor: Actor = SYSTEM_ACTOR) => {
      await lifecycle.changeStatus(number, to, reason, actor);
      return m.get(CertificateQueryService).getPublic(number);
    },
    expire: () => lifecycle.expire(),
    getPublic: (number: string) => m.get(CertificateQueryService).getPublic(number),
  };
}

const START = new Date('2026-12-01T09:00:00Z');

describe('certificates on a real database (medium)', () => {
  let m: Medium;
  let w: AuditPeople;
  let steps: ReturnType<typeof auditSteps>;
  let certificates: ReturnType<typeof certificateParts>;

  beforeAll(async () => {
    // The real certification seam: decisions and findings reach certificates as in production.
    m = await startMedium({ now: START, storage: true, imports: [InspectionsModule, CertificatesModule, CertificateIssuanceModule] });
    w = await auditPeople(m);
    steps = auditSteps(m, w);
    certificates = certificateParts(m);
  }, MEDIUM_SETUP_TIMEOUT);
  afterAll(async () => {
    await m?.close();
  });
  afterEach(() => {
    m.clock.set(START);
  });

  const row = (number: string) => m.db.manager.findOneByOrFail(CertificateEntity, { number });
  const changesOf = (number: string) =>
    m.db.manager.find(CertificateStatusChangeEntity, { where: { certificateNumber: number }, order: { id: 'ASC' } });
  const transitions = async (number: string) => (await changesOf(number)).map((c) => [c.fromStatus, c.toStatus]);
  const eventsOf = async (number: string) =>
    m.sql<{ action: string; after: Record<string, unknown> }>(
      `SELECT action, "after" FROM event_log WHERE entity_type = 'certificate' AND entity_id = $1 ORDER BY id`,
      [number],
    );
  /** A granted and issued certificate at a new location (or at `locationId`). */
  async function issued(locationId?: string) {
    const granted = await steps.granted({}, locationId);
    expect(await certificates.issue(granted.certificateNumber)).toBe('issued');
    return { ...granted, number: granted.certificateNumber };
  }

  describe('allocation: what will be signed is recorded first', () => {
    it('records the certificate’s whole content with the decision, enqueues its issuance, and signs nothing yet', async () => {
      const { certificateNumber: granted, locationId, decision } = await steps.granted();
      const location = await m.db.manager.findOneByOrFail(LocationEntity, { id: locationId });
      const certificate = await m.db.manager.findOneByOrFail(CertificateEntity, { decisionId: decision.id });
      expect(certificate.number).toBe(granted);
      expect(certificate).toMatchObject({
        status: 'uitgifte',
        locationId,
        organisationId: w.landlordOrg,
        municipalityCode: 'GM1783',
        validFrom: '2026-12-01',
        validUntil: '2027-11-30',
        maximumResidents: 11,
        normVersion: '2026.1',
        pdfKey: null,
        pdfSha256: null,
        signingKid: null,
        issuedAt: null,
      });
      expect(certificate.content).toMatchObject({
        certificateNumber: granted,
        holderKvkNumber: expect.stringMatching(/^\d{8}$/),
        address: { street: 'Tuinbouwweg', houseNumber: location.houseNumber, postcode: '2671AB', city: 'Naaldwijk' },
        municipalityName: 'Westland',
        maximumResidents: 11,
        validFrom: '2026-12-01',
        validUntil: '2027-11-30',
        normVersion: '2026.1',
        verifyUrl: `http://keurmerk.test/controleer/${granted}`,
      });
      expect(await eventsOf(granted)).toEqual([{ action: 'allocated', after: { decisionId: decision.id, content: certificate.content } }]);
      const jobs = await m.sql(`SELECT 1 FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'certificates.issue' AND data ->> 'number' = $1`, [
        granted,
      ]);
      expect(jobs).toHaveLength(1);
      expect(await transitions(granted)).toEqual([]);
      // Not public while being issued.
      await refusal(certificates.getPublic(granted), AppErrorCode.NotFound);
    });

    it('numbers certificates in one series per year, each with a valid check digit', async () => {
      const first = (await steps.granted()).certificateNumber;
      const second = (await steps.granted()).certificateNumber;
      const [a, b] = [parseCertificateNumber(first), parseCertificateNumber(second)];
      expect([a.valid, b.valid]).toEqual([true, true]);
      expect(first.slice(0, 8)).toBe('KM-2026-');
      expect(Number(second.slice(8, 14))).toBe(Number(first.slice(8, 14)) + 1);
    });

    it('allocates one certificate per decision: a second allocation for it is refused by the database', async () => {
      const { decision, id, locationId, certificateNumber } = await steps.granted();
      await expect(
        m.db.transaction((manager) =>
          certificates.allocate(manager, { decisionId: decision.id, inspectionId: id, locationId, actor: SYSTEM_ACTOR }),
        ),
      ).rejects.toThrow();
      expect(await m.db.manager.findBy(CertificateEntity, { decisionId: decision.id })).toEqual([
        expect.objectContaining({ number: certificateNumber }),
      ]);
    });
  });

  describe('issuance', () => {
    it('renders, signs and stores what was recorded, then publishes it in one step', async () => {
      const { certificateNumber: number } = await steps.granted();
      m.clock.advance(5_000);
      expect(await certificates.issue(number)).toBe('issued');
      const certificate = await row(number);
      expect(certificate).toMatchObject({
        status: 'geldig',
        issuedAt: m.clock.now(),
        signingKid: expect.any(String),
        pdfKey: expect.stringContaining(`certificates/${number}/`),
      });
      const pdf = await m.get(ObjectStorage).get(certificate.pdfKey!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(certificate.pdfSha256);
      expect(await transitions(number)).toEqual([[null, 'geldig']]);
      expect((await eventsOf(number)).map((e) => e.action)).toEqual(['allocated', 'issued']);
      expect(await certificates.getPublic(number)).toMatchObject({ number, status: 'geldig' });
    });

    it('issues once, also when asked twice at the same time', async () => {
      const { certificateNumber: number } = await steps.granted();
      expect((await Promise.all([certificates.issue(number), certificates.issue(number)])).sort()).toEqual(['already-issued', 'issued']);
      expect(await certificates.issue(number)).toBe('already-issued');
      expect(await transitions(number)).toEqual([[null, 'geldig']]);
      expect((await eventsOf(number)).filter((e) => e.action === 'issued')).toHaveLength(1);
    });

    it('replaces the location’s current certificate with a re-inspection’s', async () => {
      const first = await issued();
      const second = await issued(first.locationId);
      expect(await row(first.number)).toMatchObject({ status: 'vervangen', supersededBy: second.number });
      expect(await transitions(first.number)).toEqual([
        [null, 'geldig'],
        ['geldig', 'vervangen'],
      ]);
      expect((await row(second.number)).status).toBe('geldig');
    });
  });

  describe('status changes', () => {
    /** An issued certificate brought to `status` the way the platform brings it there. */
    async function certificateIn(status: CertificateStatus): Promise<string> {
      const { number } = await issued();
      if (status === 'geschorst' || status === 'ingetrokken') await certificates.changeStatus(number, status, 'Voor de test');
      if (status === 'verlopen') {
        m.clock.set(new Date('2027-12-01T12:00:00Z'));
        await certificates.expire();
        m.clock.set(START);
      }
      expect((await row(number)).status).toBe(status);
      return number;
    }

    it.each<[CertificateStatus, CertificateStatus]>([
      ['geldig', 'geschorst'],
      ['geldig', 'ingetrokken'],
      ['geschorst', 'geldig'],
      ['geschorst', 'ingetrokken'],
    ])('goes from %s to %s: the row, the changes feed and the event log, together', async (from, to) => {
      const number = await certificateIn(from);
      const before = (await changesOf(number)).length;
      const staff: Actor = { kind: 'person', id: w.certifier.userId };
      expect(await certificates.changeStatus(number, to, ' Controle ', staff)).toMatchObject({ number, status: to });
      const changes = await changesOf(number);
      expect(changes.slice(before)).toEqual([
        expect.objectContaining({ fromStatus: from, toStatus: to, reason: 'Controle', actorKind: 'person', actorId: w.certifier.userId }),
      ]);
      expect((await eventsOf(number)).at(-1)).toMatchObject({ action: 'status-changed', after: { status: to } });
    });

    it.each<[CertificateStatus, CertificateStatus]>([
      ['geldig', 'geldig'],
      ['geschorst', 'geschorst'],
      ['ingetrokken', 'geldig'],
      ['ingetrokken', 'geschorst'],
      ['ingetrokken', 'ingetrokken'],
      ['verlopen', 'geldig'],
      ['verlopen', 'geschorst'],
      ['verlopen', 'ingetrokken'],
    ])('refuses %s to %s (409), and records nothing', async (from, to) => {
      const number = await certificateIn(from);
      const before = { changes: (await changesOf(number)).length, events: (await eventsOf(number)).length };
      await refusal(certificates.changeStatus(number, to, 'Mag niet'), AppErrorCode.Conflict);
      expect((await row(number)).status).toBe(from);
      expect({ changes: (await changesOf(number)).length, events: (await eventsOf(number)).length }).toEqual(before);
    });

    it('has no status to change for a certificate being issued (404), and names a malformed number (400)', async () => {
      const { certificateNumber: number } = await steps.granted();
      await refusal(certificates.changeStatus(number, 'geschorst', 'Te vroeg'), AppErrorCode.NotFound);
      expect((await row(number)).status).toBe('uitgifte');
      await refusal(certificates.getPublic('KM-2026-12'), AppErrorCode.InvalidInput);
    });
  });

  describe('expiry', () => {
    it('expires valid and suspended certificates after their last valid day (Dutch calendar), once', async () => {
      const valid = (await issued()).number;
      const suspended = (await issued()).number;
      await certificates.changeStatus(suspended, 'geschorst', 'Klacht');
      expect((await row(valid)).validUntil).toBe('2027-11-30');

      // 30 November 2027, 23:30 in Amsterdam: still the last valid day.
      m.clock.set(new Date('2027-11-30T22:30:00Z'));
      await certificates.expire();
      expect([(await row(valid)).status, (await row(suspended)).status]).toEqual(['geldig', 'geschorst']);

      // Half past midnight in Amsterdam, 1 December: expired.
      m.clock.set(new Date('2027-11-30T23:30:00Z'));
      expect(await certificates.expire()).toBeGreaterThanOrEqual(2);
      expect([(await row(valid)).status, (await row(suspended)).status]).toEqual(['verlopen', 'verlopen']);
      expect((await transitions(suspended)).at(-1)).toEqual(['geschorst', 'verlopen']);
      expect((await changesOf(valid)).at(-1)).toMatchObject({ toStatus: 'verlopen', actorKind: 'system', occurredAt: m.clock.now() });
      expect(await certificates.expire()).toBe(0);
    });
  });

  describe('suspension at the location', () => {
    it('suspends the location’s valid certificate at once when a submitted inspection fails a knock-out', async () => {
      const { number, locationId } = await issued();
      await steps.submitted({ 'BZ-01': { resultaat: 'voldoet-niet' } }, locationId);
      expect((await row(number)).status).toBe('geschorst');
      expect((await changesOf(number)).at(-1)).toMatchObject({
        fromStatus: 'geldig',
        toStatus: 'geschorst',
        actorKind: 'person',
        actorId: w.auditor.userId,
      });
      // Already suspended: another knock-out changes nothing more.
      await steps.submitted({ 'CT-01': { resultaat: 'voldoet-niet' } }, locationId);
      expect(await transitions(number)).toEqual([
        [null, 'geldig'],
        ['geldig', 'geschorst'],
      ]);
    });

    it('leaves a location without a certificate as it is, and a passing inspection suspends nothing', async () => {
      const { locationId: bare } = await steps.submitted({ 'BZ-01': { resultaat: 'voldoet-niet' } });
      expect(await m.db.manager.countBy(CertificateEntity, { locationId: bare })).toBe(0);
      const { number, locationId } = await issued();
      await steps.submitted({}, locationId);
      expect((await row(number)).status).toBe('geldig');
    });

    it('suspends when a major passes its repair deadline unrepaired, as the clock moves past it', async () => {
      const { number, locationId } = await issued();
      const { findings } = await steps.submitted({ 'VZ-04': { resultaat: 'voldoet-niet' } }, locationId);
      const major = findings.find((f) => f.criterionCode === 'VZ-04')!;
      m.clock.set(new Date(`${major.repairDeadline}T12:00:00Z`));
      await m.get(FindingService).sweepOverdueMajors();
      expect((await row(number)).status).toBe('geldig');
      m.clock.advance(86_400_000);
      await m.get(FindingService).sweepOverdueMajors();
      expect((await row(number)).status).toBe('geschorst');
      expect((await changesOf(number)).at(-1)).toMatchObject({ fromStatus: 'geldig', toStatus: 'geschorst', actorKind: 'system' });
    });
  });
});
