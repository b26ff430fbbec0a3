import { DataSource } from 'typeorm';
import { FixedClock } from '@keurmerk/common';
import {
  DailySurveillanceProcessor,
  drawSample,
  MonthlySampleProcessor,
  PlanningRequestService,
  percentageShare,
  SampleService,
} from '@keurmerk/surveillance';
import { createScenario, PASSWORD, type Scenario, withNotice } from './support/scenario';
import { ADMIN, expectProblem, invalidParamNames, startTestApp, type TestApp } from './support/test-app';

/**
 * Closed quality control, first part: the worker asks for every re-inspection before expiry, once;
 * planning the inspection marks the request; a request past its last day shows as such; the random
 * sample is reproducible from its seed and drawn by the worker once a month. Time moves with the
 * injected clock, across Amsterdam's midnight where it matters.
 */
describe('surveillance: planning requests and the random sample', () => {
  // Certified on 2 March 2026: valid to 1 March 2027; 90 days before that is 1 December 2026.
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let s: Scenario;
  const certified: { locationId: string; number: string }[] = [];
  const LOCATIONS = 20;
  let uncertified: string;

  // Access tokens live 15 minutes of the clock's time: sign in again after each jump.
  const tokenOf = async (who: 'admin' | 'auditor' | 'certifier') =>
    who === 'admin' ? t.signIn(ADMIN.email, ADMIN.password) : t.signIn(`sv-${who}@scenario.test`, PASSWORD);
  const as = async (who: 'admin' | 'auditor' | 'certifier') => ({ Authorization: `Bearer ${await tokenOf(who)}` });
  const requests = async (query: Record<string, string | number> = {}) =>
    t.http
      .get('/v1/planningsverzoeken')
      .set(await as('admin'))
      .query({ paginaGrootte: 100, ...query })
      .expect(200);
  const sweep = () => t.app.get(PlanningRequestService).openReinspectionRequests();
  const plan = async (locatieId: string, soort: string) =>
    t.http
      .post('/v1/inspecties')
      .set(await as('admin'))
      .send({ locatieId, auditorId: s.id('auditor'), soort, gepland: withNotice(clock.now()) })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'sv');
    for (let i = 0; i < LOCATIONS; i++) certified.push(await s.certifiedLocation());
    uncertified = await s.location();
  }, 300_000);
  afterAll(() => t?.close());

  describe('re-inspection requests', () => {
    it('are not opened before the lead time, judged on the Amsterdam date across midnight', async () => {
      expect(await sweep()).toBe(0);
      // 23:30 on 30 November in Amsterdam (CET, UTC+1): the horizon is 28 February, nothing expires by then.
      clock.set(new Date('2026-11-30T22:30:00Z'));
      expect(await sweep()).toBe(0);
      // 00:30 on 1 December in Amsterdam, still 30 November in UTC: 90 days on is 1 March 2027, the last valid day.
      clock.set(new Date('2026-11-30T23:30:00Z'));
      expect(clock.now().toISOString().slice(0, 10)).toBe('2026-11-30');
      expect(clock.today()).toBe('2026-12-01');
      expect(await sweep()).toBe(LOCATIONS);
    });

    it('open exactly once, however often the worker runs', async () => {
      expect(await sweep()).toBe(0);
      await t.app.get(DailySurveillanceProcessor).process();
      clock.set(new Date('2026-12-01T09:00:00Z'));
      expect(await sweep()).toBe(0);

      const response = await requests({ status: 'open' });
      expect(response.body.totaal).toBe(LOCATIONS);
      expect(response.headers.link).toContain('rel="first"');
      expect(new Set(response.body.resultaten.map((r: { locatieId: string }) => r.locatieId))).toEqual(
        new Set(certified.map((c) => c.locationId)),
      );
      const byLocation = new Map(certified.map((c) => [c.locationId, c.number]));
      for (const request of response.body.resultaten) {
        expect(request).toEqual({
          id: expect.any(String),
          locatieId: request.locatieId,
          certificaatnummer: byLocation.get(request.locatieId),
          reden: 'herinspectie',
          soort: 'periodiek',
          uiterlijk: '2027-03-01',
          status: 'open',
          verlopen: false,
        });
      }
      const logged = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_log WHERE entity_type = 'planning-request' AND action = 'opened'`,
      );
      expect(logged[0].n).toBe(1);
    });

    it('becomes ingepland when an inspection of that location with that soort is planned, and only then', async () => {
      const [first, second] = certified;
      // Another soort leaves the re-inspection request open.
      await plan(second.locationId, 'herinspectie');
      const planned = await plan(first.locationId, 'periodiek');
      const all = (await requests()).body.resultaten as { locatieId: string; status: string; inspectieId?: string; reden: string }[];
      expect(all.find((r) => r.locatieId === first.locationId && r.reden === 'herinspectie')).toMatchObject({
        status: 'ingepland',
        inspectieId: planned.body.id,
      });
      expect(all.find((r) => r.locatieId === second.locationId && r.reden === 'herinspectie')).toMatchObject({ status: 'open' });
      expect(all.find((r) => r.locatieId === second.locationId)?.inspectieId).toBeUndefined();
      expect((await requests({ status: 'ingepland' })).body.totaal).toBe(1);
      expect((await requests({ status: 'open' })).body.totaal).toBe(LOCATIONS - 1);
      // A planned request is not opened again by the next sweep.
      expect(await sweep()).toBe(0);
    });

    it('refuses a bad filter naming it, and everyone but the beheerder', async () => {
      const bad = await t.http
        .get('/v1/planningsverzoeken')
        .set(await as('admin'))
        .query({ status: 'gesloten' });
      expectProblem(bad, 400);
      expect(invalidParamNames(bad)).toEqual(['status']);
      expectProblem(await t.http.get('/v1/planningsverzoeken').set(await as('certifier')), 403);
      expectProblem(await t.http.get('/v1/planningsverzoeken'), 401);
    });
  });

  describe('requests opened by other features (openRequest)', () => {
    it('opens one per location and reason in the caller’s transaction, and an unannounced inspection plans it', async () => {
      const planning = t.app.get(PlanningRequestService);
      const locationId = certified[2].locationId;
      const open = () =>
        t.app
          .get(DataSource)
          .transaction((manager) =>
            planning.openRequest(manager, { locationId, reason: 'melding', kind: 'onaangekondigd', dueDate: '2026-12-15' }),
          );
      const id = await open();
      expect(id).toEqual(expect.any(String));
      expect(await open()).toBeNull();
      const inspection = await plan(locationId, 'onaangekondigd');
      const mine = ((await requests()).body.resultaten as { id: string }[]).find((r) => r.id === id);
      expect(mine).toMatchObject({
        reden: 'melding',
        soort: 'onaangekondigd',
        status: 'ingepland',
        inspectieId: inspection.body.id,
        uiterlijk: '2026-12-15',
      });
      // Planned, it no longer blocks a new request for a new reason to visit.
      expect(await open()).toEqual(expect.any(String));
    });
  });

  describe('the information card (IF-01)', () => {
    it('may be nvt on a first inspection only', async () => {
      const later = (await requests({ status: 'ingepland' })).body.resultaten[0].inspectieId as string;
      const refused = await t.http
        .put(`/v1/inspecties/${later}/antwoorden/IF-01`)
        .set(await as('auditor'))
        .send({ resultaat: 'nvt' });
      expectProblem(refused, 400);
      expect(invalidParamNames(refused)).toEqual(['resultaat']);
      await t.http
        .put(`/v1/inspecties/${later}/antwoorden/IF-01`)
        .set(await as('auditor'))
        .send({ resultaat: 'voldoet' })
        .expect(200);

      const first = await plan(uncertified, 'initieel');
      await t.http
        .put(`/v1/inspecties/${first.body.id}/antwoorden/IF-01`)
        .set(await as('auditor'))
        .send({ resultaat: 'nvt' })
        .expect(200);
    });
  });

  describe('the random sample', () => {
    const draw = async (body: object) =>
      t.http
        .post('/v1/steekproeven')
        .set(await as('admin'))
        .send(body);

    it('draws ceil(10 %) of the certified locations, the same ones for the same seed, as the README says', async () => {
      const one = await draw({ zaad: '5EED0FA11DEC1DE5' });
      expect(one.status).toBe(201);
      expect(one.body).toEqual({
        id: expect.any(String),
        zaad: '5eed0fa11dec1de5',
        percentage: 10,
        aantalGecertificeerd: LOCATIONS,
        locatieIds: expect.any(Array),
        getrokkenOp: clock.now().toISOString(),
        maand: null,
      });
      expect(one.body.locatieIds).toHaveLength(2);
      const two = await draw({ zaad: '5eed0fa11dec1de5', percentage: 10 });
      expect(two.body.id).not.toBe(one.body.id);
      expect(two.body.locatieIds).toEqual(one.body.locatieIds);
      // What an auditor computes with the seed and the set (sample.ts) is what the database drew.
      expect(
        drawSample(
          '5eed0fa11dec1de5',
          certified.map((c) => c.locationId),
          percentageShare(10),
        ),
      ).toEqual(one.body.locatieIds);

      const half = await draw({ zaad: 'ab', percentage: 50 });
      expect(half.body.locatieIds).toHaveLength(10);
      expect(
        drawSample(
          'ab',
          certified.map((c) => c.locationId),
          percentageShare(50),
        ),
      ).toEqual(half.body.locatieIds);
    });

    it('asks for an unannounced visit of each drawn location, once, and logs every draw', async () => {
      const drawn = (
        await t.sql<{ ids: string[] }>(`SELECT array_agg(DISTINCT l)::text[] AS ids FROM sample_draw, unnest(location_ids) AS l`)
      )[0].ids;
      const sampled = (
        (await requests({ status: 'open' })).body.resultaten as { locatieId: string; reden: string; soort: string; uiterlijk: string }[]
      ).filter((r) => r.reden === 'steekproef');
      expect(sampled.map((r) => r.locatieId).sort()).toEqual([...drawn].sort());
      for (const request of sampled) expect(request).toMatchObject({ soort: 'onaangekondigd', uiterlijk: '2027-03-01' });
      const logged = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_log WHERE entity_type = 'sample-draw' AND action = 'drawn'`,
      );
      expect(logged[0].n).toBe(3);
    });

    it('refuses bad input naming the field, and everyone but the beheerder, writing nothing', async () => {
      const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sample_draw`);
      for (const [body, field] of [
        [{ percentage: 0 }, 'percentage'],
        [{ percentage: 101 }, 'percentage'],
        [{ percentage: 12.5 }, 'percentage'],
        [{ percentage: '10' }, 'percentage'],
        [{ zaad: 'xyz' }, 'zaad'],
        [{ zaad: 'abc' }, 'zaad'],
        [{ zaad: 'a' }, 'zaad'],
        [{ zaad: 'ab'.repeat(33) }, 'zaad'],
        [{ zaad: 42 }, 'zaad'],
        [{ aantal: 3 }, 'aantal'],
      ] as const) {
        const response = await draw(body);
        expectProblem(response, 400);
        expect(invalidParamNames(response)).toContain(field);
      }
      expectProblem(
        await t.http
          .post('/v1/steekproeven')
          .set(await as('certifier'))
          .send({}),
        403,
      );
      expectProblem(await t.http.post('/v1/steekproeven').send({}), 401);
      expect(await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM sample_draw`)).toEqual(before);
    });

    it('is drawn by the worker once a month: a twelfth of the yearly percentage, with a random seed', async () => {
      const samples = t.app.get(SampleService);
      const december = await samples.drawMonthly();
      expect(december).toMatchObject({ period: '2026-12', percentage: 0.8333, eligibleCount: LOCATIONS });
      expect(december!.seed).toMatch(/^[0-9a-f]{64}$/);
      // ceil(20 × 10 % / 12) = 1.
      expect(december!.locationIds).toHaveLength(1);
      expect(await samples.drawMonthly()).toBeNull();
      await t.app.get(MonthlySampleProcessor).process();
      clock.set(new Date('2026-12-31T22:59:00Z'));
      expect(await samples.drawMonthly()).toBeNull();
      // Midnight in Amsterdam: January.
      clock.set(new Date('2026-12-31T23:30:00Z'));
      await t.app.get(MonthlySampleProcessor).process();
      expect(await samples.drawMonthly()).toBeNull();
      const months = await t.sql<{ period: string }>(`SELECT period FROM sample_draw WHERE period IS NOT NULL ORDER BY period`);
      expect(months.map((m) => m.period)).toEqual(['2026-12', '2027-01']);

      const listed = await t.http
        .get('/v1/steekproeven')
        .set(await as('admin'))
        .query({ paginaGrootte: 2 })
        .expect(200);
      expect(listed.body).toMatchObject({ totaal: 5, pagina: 1, paginaGrootte: 2 });
      expect(listed.body.resultaten[0].maand).toBe('2027-01');
      expect(listed.headers.link).toContain('rel="next"');
    });
  });

  describe('a request past its last day', () => {
    it('shows as verlopen from midnight in Amsterdam, while a planned one does not', async () => {
      // 23:30 on 1 March 2027 in Amsterdam: the last day of the certificates and of their re-inspection requests.
      clock.set(new Date('2027-03-01T22:30:00Z'));
      let all = (await requests({ status: 'open' })).body.resultaten as { reden: string; verlopen: boolean }[];
      expect(all.filter((r) => r.reden === 'herinspectie').every((r) => !r.verlopen)).toBe(true);
      // 00:30 on 2 March in Amsterdam, still 1 March in UTC.
      clock.set(new Date('2027-03-01T23:30:00Z'));
      all = (await requests({ status: 'open' })).body.resultaten;
      const reinspections = all.filter((r) => r.reden === 'herinspectie');
      expect(reinspections).toHaveLength(LOCATIONS - 1);
      expect(reinspections.every((r) => r.verlopen)).toBe(true);
      const planned = (await requests({ status: 'ingepland' })).body.resultaten;
      expect(planned.every((r: { verlopen: boolean }) => !r.verlopen)).toBe(true);
    });
  });
});
