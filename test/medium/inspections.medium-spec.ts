import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { AppErrorCode } from '@keurmerk/common';
import type { Actor } from '@keurmerk/events';
import {
  AnswerEntity,
  CertificationPort,
  DecisionEntity,
  FindingEntity,
  FindingService,
  InspectionEntity,
  type InspectionKind,
  InspectionsModule,
  InspectionService,
  NOTICE_TOO_SHORT,
} from '@keurmerk/inspections';
import { ApplicationEntity, LocationEntity } from '@keurmerk/locations';
import { addWorkingDays, dateInAmsterdam } from '@keurmerk/norm';
import { type Medium, MEDIUM_SETUP_TIMEOUT, type Person, refusal, startMedium } from '../support/medium';
import { withNotice } from '../support/scenario';
import { type AuditPeople, auditPeople, auditSteps } from './support/audit-steps';

/**
 * What the audit workflow tells certification, recorded, with whether it was told inside the
 * transaction of the change (so the certificate side commits or rolls back with it). Certification's
 * own rules have their medium test in certificates.medium-spec.ts.
 */
type Told = 'granted' | 'knockOutFound' | 'majorOverdue' | 'refused';

class RecordingCertification extends CertificationPort {
  readonly told: { what: Told; inTransaction: boolean; context: Record<string, unknown> }[] = [];
  /** Makes the next `granted` fail, as a certificate that cannot be allocated would. */
  failNextGrant = false;

  private record(what: Told, manager: EntityManager, context: Record<string, unknown>): void {
    this.told.push({ what, inTransaction: manager.queryRunner?.isTransactionActive === true, context });
  }

  async granted(manager: EntityManager, context: { decisionId: string; inspectionId: string; locationId: string; actor: Actor }) {
    this.record('granted', manager, context);
    if (this.failNextGrant) {
      this.failNextGrant = false;
      throw new Error('allocation failed');
    }
    return { certificateNumber: `number for ${context.decisionId}` };
  }

  async knockOutFound(
    manager: EntityManager,
    context: { locationId: string; inspectionId: string; criterionCodes: string[]; findingIds: string[]; actor: Actor },
  ) {
    this.record('knockOutFound', manager, context);
  }

  async refused(
    manager: EntityManager,
    context: { decisionId: string; inspectionId: string; locationId: string; openSeriousFindingIds: string[]; actor: Actor },
  ) {
    this.record('refused', manager, context);
  }

  async majorOverdue(manager: EntityManager, context: { locationId: string; findingId: string; criterionCode: string; actor: Actor }) {
    this.record('majorOverdue', manager, context);
  }

  about(what: string, key: string, value: string) {
    return this.told.filter((t) => t.what === what && t.context[key] === value);
  }
}

const START = new Date('2026-12-01T09:00:00Z');
const BZ01_KNOCK_OUT = 'BZ-01';
const VZ04_MAJOR = 'VZ-04';
const BH02_MINOR = 'BH-02';
const FAIL = { resultaat: 'voldoet-niet', opmerking: 'Afwijking vastgesteld' };

describe('inspections on a real database (medium)', () => {
  const certification = new RecordingCertification();
  let m: Medium;
  let inspections: InspectionService;
  let findings: FindingService;
  let w: AuditPeople;
  let steps: ReturnType<typeof auditSteps>;

  beforeAll(async () => {
    m = await startMedium({
      now: START,
      imports: [
        InspectionsModule,
        {
          module: class CertificationStandIn {},
          global: true,
          providers: [{ provide: CertificationPort, useValue: certification }],
          exports: [CertificationPort],
        },
      ],
    });
    inspections = m.get(InspectionService);
    findings = m.get(FindingService);
    w = await auditPeople(m);
    steps = auditSteps(m, w);
  }, MEDIUM_SETUP_TIMEOUT);
  afterAll(async () => {
    await m?.close();
  });
  afterEach(() => {
    m.clock.set(START);
  });

  const location = (extra: Partial<LocationEntity> = {}) => steps.location(extra);
  const plan = (locationId: string, auditor?: Person) => steps.plan(locationId, auditor);
  const answerAll = (inspectionId: string, overrides: Record<string, object> = {}, skip: string[] = []) =>
    steps.answerAll(inspectionId, overrides, skip);
  const submitted = (overrides: Record<string, object> = {}) => steps.submitted(overrides);

  const inspectionRow = (id: string) => m.db.manager.findOneByOrFail(InspectionEntity, { id });
  const decisionOf = (inspectionId: string) => m.db.manager.findOneBy(DecisionEntity, { inspectionId });
  const eventsOf = async (entityId: string) =>
    (await m.sql<{ action: string }>('SELECT action FROM event_log WHERE entity_id = $1 ORDER BY id', [entityId])).map((e) => e.action);

  describe('planning', () => {
    it('plans with a free auditor: pinned to the published norm, the open application taken into handling, logged', async () => {
      const { id: locationId } = await location();
      const application = await m.rows.application(locationId, w.landlord.userId);
      const inspection = await plan(locationId);
      expect(inspection).toMatchObject({
        locationId,
        applicationId: application.id,
        auditorId: w.auditor.userId,
        status: 'gepland',
        normVersion: '2026.1',
        createdBy: w.admin.userId,
      });
      expect((await m.db.manager.findOneByOrFail(ApplicationEntity, { id: application.id })).status).toBe('in-behandeling');
      expect(await eventsOf(inspection.id)).toEqual(['planned']);
    });

    it.each<[string, () => Promise<Person>]>([
      ['belongs to the landlord’s own organisation', () => m.rows.person('auditor', { organisationId: w.landlordOrg })],
      [
        'declared a relation with the landlord',
        async () => {
          const auditor = await m.rows.person('auditor', { organisationId: w.body });
          await inspections.declareRelation(w.admin, {
            auditorId: auditor.userId,
            organisationId: w.landlordOrg,
            description: 'Oud-werknemer',
          });
          return auditor;
        },
      ],
      [
        'works for a body whose accreditation lapsed before the date',
        async () =>
          m.rows.person('auditor', {
            organisationId: (await m.rows.organisation('inspectie-instelling', { accreditationValidUntil: '2026-11-30' })).id,
          }),
      ],
      [
        'works for a body with no accreditation on record',
        async () =>
          m.rows.person('auditor', {
            organisationId: (await m.rows.organisation('inspectie-instelling', { accreditationValidUntil: null })).id,
          }),
      ],
      [
        'has an own accreditation that lapsed before the date',
        () => m.rows.person('auditor', { organisationId: w.body, accreditationValidUntil: '2026-11-30' }),
      ],
    ])('refuses (409) an auditor who %s, and changes nothing', async (_, conflicted) => {
      const auditor = await conflicted();
      const { id: locationId } = await location();
      const application = await m.rows.application(locationId, w.landlord.userId);
      await refusal(plan(locationId, auditor), AppErrorCode.Conflict);
      expect(await m.db.manager.countBy(InspectionEntity, { locationId })).toBe(0);
      expect((await m.db.manager.findOneByOrFail(ApplicationEntity, { id: application.id })).status).toBe('ingediend');
    });

    it('takes an accreditation valid through the inspection day as valid', async () => {
      // The steps plan with 24 hours' notice: the inspection day is the day after START.
      const inspectionDay = dateInAmsterdam(new Date(withNotice(START)));
      const body = await m.rows.organisation('inspectie-instelling', { accreditationValidUntil: inspectionDay });
      const auditor = await m.rows.person('auditor', { organisationId: body.id, accreditationValidUntil: inspectionDay });
      const { id: locationId } = await location();
      expect((await plan(locationId, auditor)).status).toBe('gepland');
    });

    it('names the unknown location and the unknown auditor (400)', async () => {
      const error = await refusal(
        inspections.plan(w.admin, {
          locationId: '00000000-0000-4000-8000-000000000000',
          auditorId: w.certifier.userId,
          kind: 'initieel',
          plannedAt: new Date(withNotice(START)),
        }),
        AppErrorCode.InvalidInput,
      );
      expect(error.invalidParams?.map((p) => p.name).sort()).toEqual(['auditorId', 'locatieId']);
    });

    it('refuses an announced inspection less than 24 hours ahead (400 naming gepland); an unannounced one may be now', async () => {
      const { id: locationId } = await location();
      const planAt = (kind: InspectionKind, plannedAt: Date) =>
        inspections.plan(w.admin, { locationId, auditorId: w.auditor.userId, kind, plannedAt });
      const justShort = new Date(START.getTime() + 24 * 3_600_000 - 1);
      for (const kind of ['initieel', 'periodiek', 'herinspectie'] as const) {
        const error = await refusal(planAt(kind, justShort), AppErrorCode.InvalidInput);
        expect(error.invalidParams).toEqual([expect.objectContaining({ name: 'gepland', code: NOTICE_TOO_SHORT })]);
      }
      expect(await m.db.manager.countBy(InspectionEntity, { locationId })).toBe(0);
      expect((await planAt('onaangekondigd', START)).status).toBe('gepland');
      expect((await planAt('periodiek', new Date(START.getTime() + 24 * 3_600_000))).status).toBe('gepland');
    });

    it('records a relation once (409 the second time)', async () => {
      const auditor = await m.rows.person('auditor', { organisationId: w.body });
      const relation = { auditorId: auditor.userId, organisationId: w.otherLandlordOrg, description: 'Familie' };
      await inspections.declareRelation(w.admin, relation);
      await refusal(inspections.declareRelation(w.admin, relation), AppErrorCode.Conflict);
      expect(await inspections.relations(auditor.userId)).toHaveLength(1);
    });
  });

  describe('answers', () => {
    it('judges a measurement itself: the persons it supports, and a value that supports nobody fails', async () => {
      const { id: locationId } = await location();
      const { id } = await plan(locationId);
      expect(await inspections.answer(w.auditor, id, 'PR-01', { meetwaarde: 7 })).toMatchObject({
        result: 'voldoet',
        measurement: 7,
        personsSupported: 14,
      });
      expect(await inspections.answer(w.auditor, id, 'SA-01', { meetwaarde: 0 })).toMatchObject({
        result: 'voldoet-niet',
        measurement: 0,
        personsSupported: 0,
      });
      // A new build sleeps one per bedroom.
      const { id: newBuildId } = await plan((await location({ newBuild: true })).id);
      expect(await inspections.answer(w.auditor, newBuildId, 'PR-01', { meetwaarde: 7 })).toMatchObject({ personsSupported: 7 });
    });

    it('starts the inspection with the first answer, and keeps one answer per criterion', async () => {
      const { id } = await plan((await location()).id);
      await inspections.answer(w.auditor, id, 'BH-01', { resultaat: 'voldoet' });
      expect((await inspectionRow(id)).status).toBe('in-uitvoering');
      m.clock.advance(60_000);
      await inspections.answer(w.auditor, id, 'BH-01', { resultaat: 'voldoet-niet', opmerking: 'Geen contactpersoon' });
      const answers = await m.db.manager.findBy(AnswerEntity, { inspectionId: id });
      expect(answers).toEqual([
        expect.objectContaining({
          criterionCode: 'BH-01',
          result: 'voldoet-niet',
          remark: 'Geen contactpersoon',
          answeredAt: m.clock.now(),
        }),
      ]);
      expect(await eventsOf(id)).toEqual(['planned', 'started', 'answered', 'answered']);
    });

    it('refuses another auditor (404), an unknown criterion (404) and a malformed answer (400)', async () => {
      const { id } = await plan((await location()).id);
      await refusal(inspections.answer(w.otherAuditor, id, 'BH-01', { resultaat: 'voldoet' }), AppErrorCode.NotFound);
      await refusal(inspections.answer(w.auditor, id, 'XX-99', { resultaat: 'voldoet' }), AppErrorCode.NotFound);
      await refusal(inspections.answer(w.auditor, id, 'BH-01', { resultaat: 'misschien' }), AppErrorCode.InvalidInput);
      await refusal(inspections.answer(w.auditor, id, 'PR-01', { meetwaarde: 'zeven' }), AppErrorCode.InvalidInput);
      expect(await m.db.manager.countBy(AnswerEntity, { inspectionId: id })).toBe(0);
      expect((await inspectionRow(id)).status).toBe('gepland');
    });

    it('freezes the answers at submission (409)', async () => {
      const { id } = await submitted();
      await refusal(inspections.answer(w.auditor, id, 'BH-01', FAIL), AppErrorCode.Conflict);
      expect(await m.db.manager.findOneByOrFail(AnswerEntity, { inspectionId: id, criterionCode: 'BH-01' })).toMatchObject({
        result: 'voldoet',
      });
    });
  });

  describe('submission', () => {
    it('names every unanswered criterion (400) and leaves the inspection open', async () => {
      const { id } = await plan((await location()).id);
      await answerAll(id, {}, ['RU-02', 'CT-02', 'BH-02']);
      const error = await refusal(inspections.submit(w.auditor, id), AppErrorCode.InvalidInput);
      expect(error.invalidParams?.map((p) => p.name).sort()).toEqual(['BH-02', 'CT-02', 'RU-02']);
      expect(await inspectionRow(id)).toMatchObject({ status: 'in-uitvoering', submittedAt: null, result: null });
    });

    it('computes score 100, the maximum residents the measurements support, and no findings for a passing inspection', async () => {
      m.clock.set(new Date('2026-12-01T15:30:00Z'));
      const { id, result, findings: made } = await submitted();
      // DOMAIN.md's example: 14 beds asked, the 335 L fridge supports 11.
      expect(result).toMatchObject({ score: 100, knockOuts: 0, majors: 0, minors: 0, maximumResidents: 11, findings: [] });
      expect(made).toEqual([]);
      expect(await inspectionRow(id)).toMatchObject({
        status: 'ingediend',
        submittedAt: m.clock.now(),
        result: expect.objectContaining({ maximumResidents: 11 }),
      });
      expect(await eventsOf(id)).toContain('submitted');
    });

    it('certifies fewer residents rather than refusing when a measurement supports fewer than asked', async () => {
      const { result } = await submitted({ 'PR-02': { meetwaarde: 9 } });
      expect(result).toMatchObject({ score: 100, maximumResidents: 9, findings: [] });
    });

    it('makes each failed criterion a finding with its repair deadline, and tells certification of a knock-out', async () => {
      const {
        id,
        locationId,
        result,
        findings: made,
      } = await submitted({ [BZ01_KNOCK_OUT]: FAIL, [VZ04_MAJOR]: FAIL, [BH02_MINOR]: FAIL });
      expect(result).toMatchObject({ knockOuts: 1, majors: 1, minors: 1 });
      expect(result.score).toBeLessThan(100);
      // Submitted Tuesday 1 December 2026: a major gets 30 working days (Christmas and New Year's Day skipped), a minor 3 months.
      expect(addWorkingDays('2026-12-01', 30)).toBe('2027-01-14');
      const rows = await m.db.manager.find(FindingEntity, { where: { inspectionId: id }, order: { criterionCode: 'ASC' } });
      expect(rows.map((f) => [f.criterionCode, f.severity, f.repairDeadline, f.status])).toEqual([
        [BH02_MINOR, 'minor', '2027-03-01', 'open'],
        [BZ01_KNOCK_OUT, 'knock-out', null, 'open'],
        [VZ04_MAJOR, 'major', '2027-01-14', 'open'],
      ]);
      expect(made.map((f) => f.id).sort()).toEqual(rows.map((f) => f.id).sort());
      expect(certification.about('knockOutFound', 'inspectionId', id)).toEqual([
        { what: 'knockOutFound', inTransaction: true, context: expect.objectContaining({ locationId, criterionCodes: [BZ01_KNOCK_OUT] }) },
      ]);
    });

    it('submits once (409 the second time)', async () => {
      const { id } = await submitted();
      await refusal(inspections.submit(w.auditor, id), AppErrorCode.Conflict);
      await refusal(inspections.submit(w.otherAuditor, id), AppErrorCode.NotFound);
    });
  });

  describe('the four-eyes decision', () => {
    it('grants a clean inspection: decision recorded, inspection decided, application closed, certification asked', async () => {
      const { id: locationId } = await location();
      const application = await m.rows.application(locationId, w.landlord.userId);
      const { id } = await plan(locationId);
      await answerAll(id);
      await inspections.submit(w.auditor, id);
      m.clock.advance(3_600_000);
      const { decision, certificateNumber } = await inspections.decide(w.certifier, id, {
        outcome: 'toekennen',
        explanation: '  Voldoet  ',
      });
      expect(decision).toMatchObject({
        inspectionId: id,
        outcome: 'toekennen',
        explanation: 'Voldoet',
        decidedBy: w.certifier.userId,
        decidedAt: m.clock.now(),
      });
      expect(certificateNumber).toBe(`number for ${decision.id}`);
      expect(certification.about('granted', 'inspectionId', id)).toEqual([
        {
          what: 'granted',
          inTransaction: true,
          context: expect.objectContaining({ decisionId: decision.id, locationId, actor: { kind: 'person', id: w.certifier.userId } }),
        },
      ]);
      expect((await inspectionRow(id)).status).toBe('besloten');
      expect((await m.db.manager.findOneByOrFail(ApplicationEntity, { id: application.id })).status).toBe('afgerond');
      expect(await eventsOf(id)).toContain('decided');
    });

    it('lets only a certificeerder decide (403), never on an inspection that person audited (403)', async () => {
      const { id } = await submitted();
      await refusal(inspections.decide(w.auditor, id, { outcome: 'toekennen', explanation: 'Zelf gedaan' }), AppErrorCode.Forbidden);
      await refusal(inspections.decide(w.admin, id, { outcome: 'toekennen', explanation: 'Beheer' }), AppErrorCode.Forbidden);
      const selfReview = { ...w.auditor, role: 'certificeerder' as const };
      await refusal(inspections.decide(selfReview, id, { outcome: 'toekennen', explanation: 'Vier ogen?' }), AppErrorCode.Forbidden);
      expect(await decisionOf(id)).toBeNull();
      expect(certification.about('granted', 'inspectionId', id)).toEqual([]);
    });

    it.each([
      ['an open knock-out', { [BZ01_KNOCK_OUT]: FAIL }],
      ['an open major', { [VZ04_MAJOR]: FAIL }],
      ['a measured criterion that supports nobody', { 'SA-01': { meetwaarde: 0 } }],
    ])('refuses toekennen (409) with %s, and records nothing', async (_, overrides) => {
      const { id } = await submitted(overrides);
      await refusal(inspections.decide(w.certifier, id, { outcome: 'toekennen', explanation: 'Toch?' }), AppErrorCode.Conflict);
      expect(await decisionOf(id)).toBeNull();
      expect((await inspectionRow(id)).status).toBe('ingediend');
      expect(certification.about('granted', 'inspectionId', id)).toEqual([]);
    });

    it('grants with only minor findings open', async () => {
      const { id } = await submitted({ [BH02_MINOR]: FAIL });
      expect((await inspections.decide(w.certifier, id, { outcome: 'toekennen', explanation: 'Klein punt open' })).decision.outcome).toBe(
        'toekennen',
      );
    });

    it('refuses (afwijzen) with knock-outs open: no grant, and certification is told of the refusal with its open findings', async () => {
      const { id } = await submitted({ [BZ01_KNOCK_OUT]: FAIL });
      const { decision, certificateNumber } = await inspections.decide(w.certifier, id, {
        outcome: 'afwijzen',
        explanation: 'Bezetting te hoog',
      });
      expect({ outcome: decision.outcome, certificateNumber }).toEqual({ outcome: 'afwijzen', certificateNumber: undefined });
      expect(certification.about('granted', 'inspectionId', id)).toEqual([]);
      const knockOut = (await inspections.findingsOf(id)).find((f) => f.criterionCode === BZ01_KNOCK_OUT)!;
      expect(certification.about('refused', 'inspectionId', id)).toEqual([
        {
          what: 'refused',
          inTransaction: true,
          context: expect.objectContaining({ decisionId: decision.id, openSeriousFindingIds: [knockOut.id] }),
        },
      ]);
    });

    it('decides once: a second decision is refused (409), and of two at once exactly one is recorded', async () => {
      const { id } = await submitted();
      await inspections.decide(w.certifier, id, { outcome: 'toekennen', explanation: 'Eerste' });
      await refusal(inspections.decide(w.certifier, id, { outcome: 'afwijzen', explanation: 'Tweede' }), AppErrorCode.Conflict);

      const { id: raced } = await submitted();
      const other = await m.rows.person('certificeerder');
      const outcomes = await Promise.allSettled([
        inspections.decide(w.certifier, raced, { outcome: 'toekennen', explanation: 'Ik' }),
        inspections.decide(other, raced, { outcome: 'afwijzen', explanation: 'Nee, ik' }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      await refusal(Promise.reject((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason), AppErrorCode.Conflict);
      expect(await m.db.manager.countBy(DecisionEntity, { inspectionId: raced })).toBe(1);
    });

    it('decides only a submitted inspection (409)', async () => {
      const { id } = await plan((await location()).id);
      await refusal(inspections.decide(w.certifier, id, { outcome: 'afwijzen', explanation: 'Te vroeg' }), AppErrorCode.Conflict);
      await inspections.answer(w.auditor, id, 'BH-01', { resultaat: 'voldoet' });
      await refusal(inspections.decide(w.certifier, id, { outcome: 'afwijzen', explanation: 'Te vroeg' }), AppErrorCode.Conflict);
      expect(await decisionOf(id)).toBeNull();
    });

    it('records no decision when certification cannot take the grant', async () => {
      const { id } = await submitted();
      certification.failNextGrant = true;
      await expect(inspections.decide(w.certifier, id, { outcome: 'toekennen', explanation: 'Voldoet' })).rejects.toThrow();
      expect(await decisionOf(id)).toBeNull();
      expect((await inspectionRow(id)).status).toBe('ingediend');
      expect(await eventsOf(id)).not.toContain('decided');
    });
  });

  describe('findings: repair and review', () => {
    /** A submitted inspection with one open major (VZ-04) and one open minor (BH-02). */
    async function withFindings() {
      const made = await submitted({ [VZ04_MAJOR]: FAIL, [BH02_MINOR]: FAIL });
      const major = made.findings.find((f) => f.criterionCode === VZ04_MAJOR)!;
      const minor = made.findings.find((f) => f.criterionCode === BH02_MINOR)!;
      return { ...made, major, minor };
    }
    const statusOf = async (id: string) => (await m.db.manager.findOneByOrFail(FindingEntity, { id })).status;

    it('closes a finding when a certificeerder accepts the landlord’s reported repair', async () => {
      const { major } = await withFindings();
      const { report } = await findings.reportRepair(w.landlord, major.id, { description: '  Wasmachine geplaatst  ' });
      expect(report).toMatchObject({ description: 'Wasmachine geplaatst', reportedBy: w.landlord.userId, accepted: null });
      expect(await statusOf(major.id)).toBe('herstel-gemeld');
      m.clock.advance(86_400_000);
      const reviewed = await findings.review(w.certifier, major.id, { accepted: true, explanation: 'Foto klopt' });
      expect(reviewed.finding).toMatchObject({ status: 'gesloten', closedAt: m.clock.now() });
      expect(reviewed.reports).toEqual([expect.objectContaining({ accepted: true, reviewedBy: w.certifier.userId })]);
      expect(await eventsOf(major.id)).toEqual(['repair-reported', 'repair-accepted']);
    });

    it('opens a finding again when the repair is rejected, and takes a new report', async () => {
      const { minor } = await withFindings();
      await findings.reportRepair(w.landlord, minor.id, { description: 'Procedure opgehangen' });
      // The inspection's own auditor may review too.
      expect(
        (await findings.review(w.auditor, minor.id, { accepted: false, explanation: 'Alleen in het Nederlands' })).finding,
      ).toMatchObject({ status: 'open', closedAt: null });
      await findings.reportRepair(w.landlord, minor.id, { description: 'Nu ook in het Pools' });
      expect((await findings.get(w.landlord, minor.id)).reports.map((r) => r.accepted)).toEqual([false, null]);
    });

    it('refuses (409) a second report awaiting review, a review of nothing, and a report on a closed finding', async () => {
      const { major } = await withFindings();
      await refusal(findings.review(w.certifier, major.id, { accepted: true, explanation: 'Niets gemeld' }), AppErrorCode.Conflict);
      await findings.reportRepair(w.landlord, major.id, { description: 'Gerepareerd' });
      await refusal(findings.reportRepair(w.landlord, major.id, { description: 'Nog eens' }), AppErrorCode.Conflict);
      await findings.review(w.certifier, major.id, { accepted: true, explanation: 'Goed' });
      await refusal(findings.reportRepair(w.landlord, major.id, { description: 'Na sluiten' }), AppErrorCode.Conflict);
      expect((await findings.get(w.certifier, major.id)).reports).toHaveLength(1);
    });

    it('hides a finding from another landlord and auditor (404); a landlord may not review, staff may not report (403)', async () => {
      const { major } = await withFindings();
      await refusal(findings.reportRepair(w.otherLandlord, major.id, { description: 'Niet van mij' }), AppErrorCode.NotFound);
      await refusal(findings.get(w.otherLandlord, major.id), AppErrorCode.NotFound);
      await refusal(findings.reportRepair(w.certifier, major.id, { description: 'Namens de verhuurder' }), AppErrorCode.Forbidden);
      await findings.reportRepair(w.landlord, major.id, { description: 'Gerepareerd' });
      await refusal(findings.review(w.otherAuditor, major.id, { accepted: true, explanation: 'Niet mijn keuring' }), AppErrorCode.NotFound);
      await refusal(findings.review(w.landlord, major.id, { accepted: true, explanation: 'Zelf goedgekeurd' }), AppErrorCode.Forbidden);
      expect(await statusOf(major.id)).toBe('herstel-gemeld');
    });

    it('lets the certificate be granted once the open major is closed', async () => {
      const { id, major } = await withFindings();
      await refusal(inspections.decide(w.certifier, id, { outcome: 'toekennen', explanation: 'Te vroeg' }), AppErrorCode.Conflict);
      await findings.reportRepair(w.landlord, major.id, { description: 'Wasmachine geplaatst' });
      await findings.review(w.certifier, major.id, { accepted: true, explanation: 'Gezien' });
      expect((await inspections.decide(w.certifier, id, { outcome: 'toekennen', explanation: 'Hersteld' })).decision.outcome).toBe(
        'toekennen',
      );
    });

    it('has the sweep tell certification once per major past its deadline, as the clock moves past it', async () => {
      const { major, minor } = await withFindings();
      const closed = await withFindings();
      await findings.reportRepair(w.landlord, closed.major.id, { description: 'Op tijd' });
      await findings.review(w.certifier, closed.major.id, { accepted: true, explanation: 'Goed' });

      m.clock.set(new Date(`${major.repairDeadline}T12:00:00Z`));
      await findings.sweepOverdueMajors();
      expect(certification.about('majorOverdue', 'findingId', major.id)).toEqual([]);

      m.clock.set(new Date(`${major.repairDeadline}T12:00:00Z`));
      m.clock.advance(86_400_000);
      expect(await findings.sweepOverdueMajors()).toBeGreaterThanOrEqual(1);
      expect(certification.about('majorOverdue', 'findingId', major.id)).toEqual([
        {
          what: 'majorOverdue',
          inTransaction: true,
          context: expect.objectContaining({ criterionCode: VZ04_MAJOR, locationId: major.locationId }),
        },
      ]);
      expect(certification.about('majorOverdue', 'findingId', minor.id)).toEqual([]);
      expect(certification.about('majorOverdue', 'findingId', closed.major.id)).toEqual([]);
      expect(await eventsOf(major.id)).toEqual(['overdue']);
      // Handled once: the next night finds nothing new for it.
      m.clock.advance(86_400_000);
      await findings.sweepOverdueMajors();
      expect(certification.about('majorOverdue', 'findingId', major.id)).toHaveLength(1);
    });
  });
});
