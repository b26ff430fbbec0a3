import { CertificateIssuer, DailyCertificateProcessor } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { PNG } from './support/files';
import { createScenario, PASSWORD, Scenario } from './support/scenario';
import { ADMIN, expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';
import { until } from './support/until';
import { type Received, WebhookReceiver } from './support/webhook-receiver';

/**
 * The certificate follows the latest decision, and the sanctions ladder (issue 14, contract "Closed quality
 * control"): a later grant replaces (`vervangen` + successor, announced as certificaat-vervangen), a later
 * refusal suspends, a suspension is cured only by closing what caused it (a knock-out only by a passing
 * herinspectie) or ends in withdrawal after SCHORSING_MAXIMUM_DAGEN, and a company can be suspended as a
 * whole. After every event that should end a certificate's validity, verification no longer says `voldoet`.
 */
/** Each test certifies and inspects several locations through the API: minutes when the machine is busy. */
const SLOW = 240_000;

describe('the certificate follows the latest decision; the sanctions ladder', () => {
  // Certified on 2 March 2026: valid to 1 March 2027, so 90 days of suspension stay within the validity.
  const START = new Date('2026-03-02T09:00:00Z');
  const clock = new FixedClock(START);
  const receiver = new WebhookReceiver();
  let t: TestApp;
  let s: Scenario;

  // Access tokens live 15 minutes of the clock's time: sign in afresh, so a test may move the clock.
  const signIn = (who: string, prefix: string) =>
    who === 'admin' ? t.signIn(ADMIN.email, ADMIN.password) : t.signIn(`${prefix}-${who}@scenario.test`, PASSWORD);
  const as = async (who: string, prefix = 'lc') => ({ Authorization: `Bearer ${await signIn(who, prefix)}` });
  const issue = (number: string) => t.app.get(CertificateIssuer).issue(number);
  const certificate = async (number: string) => (await t.http.get(`/v1/certificaten/${number}`).expect(200)).body;
  const verifyNumber = async (number: string, aantalBewoners?: number) =>
    (
      await t.http
        .get('/v1/verificaties')
        .query({ certificaatnummer: number, ...(aantalBewoners ? { aantalBewoners } : {}) })
        .expect(200)
    ).body;
  const verifyAddress = async (huisnummer: number, aantalBewoners?: number) =>
    (
      await t.http
        .get('/v1/verificaties')
        .query({ postcode: '2671 ab', huisnummer, ...(aantalBewoners ? { aantalBewoners } : {}) })
        .expect(200)
    ).body;
  const changeStatus = async (number: string, status: string, reden = `Test: ${status}`) =>
    t.http
      .post(`/v1/certificaten/${number}/statuswijzigingen`)
      .set(await as('admin'))
      .send({ status, reden });
  const decide = async (inspectionId: string, uitkomst: 'toekennen' | 'afwijzen', toelichting = 'Besluit') =>
    t.http
      .post(`/v1/inspecties/${inspectionId}/besluiten`)
      .set(await as('certifier'))
      .send({ uitkomst, toelichting });
  const lastChange = async (number: string) =>
    (
      await t.sql<{ from_status: string; to_status: string; reason: string }>(
        `SELECT from_status, to_status, reason FROM certificate_status_change WHERE certificate_number = $1 ORDER BY id DESC LIMIT 1`,
        [number],
      )
    )[0];
  const event = (type: string, subject: string) =>
    until(
      () =>
        receiver.requests.find(
          (r) => r.path === '/lc' && r.event.type === `nl.keurmerk.certificaat-${type}` && r.event.subject === subject,
        ),
      20_000,
      `certificaat-${type} for ${subject}`,
    ) as Promise<Received>;
  const failing = (opmerking: string) => ({ resultaat: 'voldoet-niet', opmerking });
  /** A certified location at house number `huisnummer` of 2671AB (scenario `s`). */
  const certifiedAt = (huisnummer: number) => s.certifiedLocation({ huisnummer });

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ clock, withWorker: true, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '200' } });
    s = await createScenario(t, 'lc');
    await t.http
      .post('/v1/abonnementen')
      .set(s.as('municipality'))
      .send({ callbackUrl: receiver.url('/lc') })
      .expect(201);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  describe('a later grant replaces', () => {
    it(
      'a periodic inspection that measures less room: a new certificate with the lower maximum replaces the old (vervangen)',
      async () => {
        const { locationId, number: old } = await certifiedAt(101);
        expect(await certificate(old)).toMatchObject({ status: 'geldig', maximaalAantalBewoners: 11 });

        // 60 m² of usable floor area supports 5 persons (12 m² each).
        const inspection = await s.inspect(locationId, { 'RU-01': { meetwaarde: 60 } }, 'periodiek');
        const granted = await decide(inspection, 'toekennen');
        expect(granted.status).toBe(201);
        const successor = granted.body.certificaatnummer as string;
        // The worker may have published it already; either way it is published once.
        await issue(successor);

        expect(await certificate(old)).toMatchObject({ status: 'vervangen', vervangenDoor: successor });
        expect(await certificate(successor)).toMatchObject({
          status: 'geldig',
          maximaalAantalBewoners: 5,
          geldigVanaf: '2026-03-02',
          geldigTot: '2027-03-01',
        });
        expect((await certificate(successor)).vervangenDoor).toBeUndefined();
        expect(await lastChange(old)).toMatchObject({
          from_status: 'geldig',
          to_status: 'vervangen',
          reason: expect.stringContaining(successor),
        });

        // By address: the successor, never the replaced one; its maximum is the new one.
        const byAddress = await verifyAddress(101);
        expect(byAddress).toMatchObject({ voldoet: true, redenen: [], certificaat: { certificaatnummer: successor, status: 'geldig' } });
        expect(await verifyAddress(101, 11)).toMatchObject({
          voldoet: false,
          redenen: [{ code: 'te-veel-bewoners' }],
          certificaat: { certificaatnummer: successor },
        });
        // By the old number: not valid, replaced, naming the successor.
        expect(await verifyNumber(old)).toMatchObject({
          voldoet: false,
          redenen: [{ code: 'vervangen', omschrijving: expect.stringContaining(successor) }],
          certificaat: { certificaatnummer: old, status: 'vervangen', vervangenDoor: successor },
        });
        // The municipality hears of it as a replacement, never as a withdrawal, with the successor.
        const replaced = await event('vervangen', old);
        expect(replaced.event.data).toMatchObject({
          certificaatnummer: old,
          status: 'vervangen',
          vervangenDoor: successor,
          gemeentecode: 'GM1783',
        });
        await event('toegekend', successor);
        expect(receiver.requests.some((r) => r.event.type === 'nl.keurmerk.certificaat-ingetrokken' && r.event.subject === old)).toBe(
          false,
        );

        // The changes feed says the same.
        const feed = await t.http
          .get('/v1/mutaties')
          .set(await as('admin'))
          .query({ sinds: '2026-03-01T00:00:00Z', paginaGrootte: 100 })
          .expect(200);
        expect(feed.body.resultaten).toContainEqual(
          expect.objectContaining({ certificaatnummer: old, vorigeStatus: 'geldig', status: 'vervangen', vervangenDoor: successor }),
        );

        // The residents' page for the old number says it was replaced and links to the new one.
        const page = await t.http.get(`/controleer/${old}`).expect(200);
        expect(page.text).toContain('data-status="vervangen"');
        expect(page.text).toMatch(new RegExp(`href="/controleer/${successor}[^"]*"[^>]*data-successor`));
        const english = await t.http.get(`/controleer/${old}?taal=en`).expect(200);
        expect(english.text).toContain('No longer valid: replaced');
      },
      SLOW,
    );

    it(
      'replaces a suspended certificate too',
      async () => {
        const { locationId, number: old } = await certifiedAt(102);
        expect((await changeStatus(old, 'geschorst', 'Klacht in onderzoek')).status).toBe(201);
        const successor = (await decide(await s.inspect(locationId, {}, 'periodiek'), 'toekennen')).body.certificaatnummer as string;
        await issue(successor);
        expect(await certificate(old)).toMatchObject({ status: 'vervangen', vervangenDoor: successor });
        expect(await lastChange(old)).toMatchObject({ from_status: 'geschorst', to_status: 'vervangen' });
        expect(await verifyAddress(102)).toMatchObject({ voldoet: true, certificaat: { certificaatnummer: successor } });
        // Final: a replaced certificate cannot be reinstated or suspended.
        expectProblem(await changeStatus(old, 'geldig'), 409);
        expectProblem(await changeStatus(old, 'geschorst'), 409);
      },
      SLOW,
    );
  });

  describe('a later refusal suspends; reinstatement waits for the repair', () => {
    it(
      'afwijzen on a periodic inspection suspends, naming the inspection; reinstatement is 409 until the major closes',
      async () => {
        const { locationId, number } = await certifiedAt(111);
        const inspection = await s.inspect(locationId, { 'VZ-04': failing('Geen wasmachine of droogruimte') }, 'periodiek');
        expect((await certificate(number)).status).toBe('geldig');

        const refused = await decide(inspection, 'afwijzen', 'Wasvoorziening ontbreekt');
        expect(refused.status).toBe(201);
        expect(await certificate(number)).toMatchObject({ status: 'geschorst' });
        expect(await lastChange(number)).toMatchObject({ to_status: 'geschorst', reason: expect.stringContaining(inspection) });
        expect(await verifyNumber(number)).toMatchObject({ voldoet: false, redenen: [{ code: 'geschorst' }] });
        expect(await verifyAddress(111)).toMatchObject({ voldoet: false, redenen: [{ code: 'geschorst' }] });
        await event('geschorst', number);

        const reinstate = await changeStatus(number, 'geldig', 'Te vroeg');
        expectProblem(reinstate, 409);
        expect(reinstate.body.detail).toContain('VZ-04');
        expect((await certificate(number)).status).toBe('geschorst');

        const [major] = await t.sql<{ id: string }>(`SELECT id FROM finding WHERE inspection_id = $1 AND criterion_code = 'VZ-04'`, [
          inspection,
        ]);
        await t.http
          .post(`/v1/bevindingen/${major.id}/herstelmeldingen`)
          .set(await as('verhuurderA'))
          .field('omschrijving', 'Wasmachine geplaatst')
          .attach('bestand', PNG, 'wasmachine.png')
          .expect(201);
        await t.http
          .post(`/v1/bevindingen/${major.id}/beoordelingen`)
          .set(await as('certifier'))
          .send({ akkoord: true, toelichting: 'Foto toont wasmachine' })
          .expect(201);
        expect((await changeStatus(number, 'geldig', 'Hersteld na beoordeling')).status).toBe(201);
        expect(await verifyNumber(number)).toMatchObject({ voldoet: true });
        await event('hersteld', number);
      },
      SLOW,
    );

    it(
      'a knock-out suspends at once; it is closed only by a passing herinspectie (accepting a repair report is 409)',
      async () => {
        const { locationId, number } = await certifiedAt(121);
        const unannounced = await s.inspect(locationId, { 'BV-01': failing('Geen brandblusser bij de kookplaats') }, 'onaangekondigd');
        expect((await certificate(number)).status).toBe('geschorst');
        expect(await verifyAddress(121)).toMatchObject({ voldoet: false, redenen: [{ code: 'geschorst' }] });
        const [knockOut] = await t.sql<{ id: string }>(`SELECT id FROM finding WHERE inspection_id = $1 AND criterion_code = 'BV-01'`, [
          unannounced,
        ]);

        const early = await changeStatus(number, 'geldig', 'Blusser gekocht');
        expectProblem(early, 409);
        expect(early.body.detail).toContain('BV-01');

        await t.http
          .post(`/v1/bevindingen/${knockOut.id}/herstelmeldingen`)
          .set(await as('verhuurderA'))
          .field('omschrijving', 'Brandblusser opgehangen')
          .attach('bestand', PNG, 'blusser.png')
          .expect(201);
        const accept = await t.http
          .post(`/v1/bevindingen/${knockOut.id}/beoordelingen`)
          .set(await as('certifier'))
          .send({ akkoord: true, toelichting: 'Foto is genoeg' });
        expectProblem(accept, 409);
        expect(accept.body.detail).toContain('herinspectie');
        expect((await t.sql<{ status: string }>(`SELECT status FROM finding WHERE id = $1`, [knockOut.id]))[0].status).toBe(
          'herstel-gemeld',
        );
        // Rejecting the report is allowed; the finding stays open.
        await t.http
          .post(`/v1/bevindingen/${knockOut.id}/beoordelingen`)
          .set(await as('certifier'))
          .send({ akkoord: false, toelichting: 'Alleen een herinspectie sluit een knock-out' })
          .expect(201);
        expectProblem(await changeStatus(number, 'geldig'), 409);

        // A herinspectie in which BV-01 passes closes the knock-out; then the certificate can be reinstated.
        const reinspection = await s.inspect(locationId, {}, 'herinspectie');
        const [closed] = await t.sql<{ status: string; closed_at: Date | null }>(`SELECT status, closed_at FROM finding WHERE id = $1`, [
          knockOut.id,
        ]);
        expect(closed).toMatchObject({ status: 'gesloten', closed_at: expect.any(Date) });
        const [logged] = await t.sql<{ after: { inspectionId: string } }>(
          `SELECT "after" FROM event_log WHERE entity_type = 'finding' AND entity_id = $1 AND action = 'closed-by-reinspection'`,
          [knockOut.id],
        );
        expect(logged.after.inspectionId).toBe(reinspection);
        expect((await changeStatus(number, 'geldig', 'Herinspectie voldoet')).status).toBe(201);
        expect(await verifyAddress(121)).toMatchObject({ voldoet: true, certificaat: { certificaatnummer: number } });
      },
      SLOW,
    );

    it(
      'a herinspectie in which the criterion fails again closes nothing',
      async () => {
        const { locationId, number } = await certifiedAt(131);
        await s.inspect(locationId, { 'BV-03': failing('Rookmelder werkt niet') }, 'onaangekondigd');
        await s.inspect(locationId, { 'BV-03': failing('Nog steeds kapot') }, 'herinspectie');
        const open = await t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM finding WHERE location_id = $1 AND criterion_code = 'BV-03' AND status = 'open'`,
          [locationId],
        );
        expect(open[0].n).toBe(2);
        expectProblem(await changeStatus(number, 'geldig'), 409);
        expect((await verifyNumber(number)).voldoet).toBe(false);
      },
      SLOW,
    );
  });

  describe('company sanction', () => {
    let c: Scenario;
    const sanction = async (organisationId: string, body: object, who = 'admin') =>
      t.http
        .post(`/v1/organisaties/${organisationId}/sancties`)
        .set(who === 'admin' ? await as('admin') : await as(who, 'lc2'))
        .send(body);

    beforeAll(async () => {
      c = await createScenario(t, 'lc2');
    }, 300_000);

    it(
      'refuses bad input naming the fields (400), a non-beheerder (403), an unknown or non-landlord organisation (404)',
      async () => {
        const bad = await sanction(c.id('landlordA'), { maatregel: 'boete', reden: '  ', extra: 1 });
        expectProblem(bad, 400);
        expect([...new Set(invalidParamNames(bad))]).toEqual(['extra', 'maatregel', 'reden']);
        expectProblem(await sanction(c.id('landlordA'), { maatregel: 'schorsing', reden: 'Waarom' }, 'certifier'), 403);
        expectProblem(await sanction('00000000-0000-4000-8000-000000000000', { maatregel: 'schorsing', reden: 'Onbekend' }), 404);
        expectProblem(await sanction(c.id('body'), { maatregel: 'schorsing', reden: 'Geen verhuurder' }), 404);
        expectProblem(await sanction('geen-uuid', { maatregel: 'schorsing', reden: 'Onzin' }), 400);
        expectProblem(await sanction(c.id('landlordA'), { maatregel: 'opheffing', reden: 'Niets om op te heffen' }), 409);
      },
      SLOW,
    );

    it(
      'suspends every geldig certificate of the company at once, and lifts what nothing else holds',
      async () => {
        const x = await c.certifiedLocation({ huisnummer: 201 });
        const y = await c.certifiedLocation({ huisnummer: 202 });
        const z = await c.certifiedLocation({ huisnummer: 203 });
        // z is already suspended by a knock-out: the sanction does not touch it, and lifting it does not reinstate it.
        await c.inspect(z.locationId, { 'BV-03': failing('Rookmelders zonder batterij') }, 'onaangekondigd');
        const zBefore = await certificate(z.number);
        expect(zBefore.status).toBe('geschorst');
        // Landlord A of the first scenario is not touched.
        const { number: otherCompany } = await certifiedAt(141);

        const imposed = await sanction(c.id('landlordA'), { maatregel: 'schorsing', reden: 'Stelselmatig tekortschieten' });
        expect(imposed.status).toBe(201);
        expect(imposed.body).toEqual({
          id: expect.any(String),
          maatregel: 'schorsing',
          certificaten: [x.number, y.number].sort(),
          blijvenGeschorst: [],
        });
        for (const { number } of [x, y]) {
          expect(await certificate(number)).toMatchObject({ status: 'geschorst' });
          expect(await lastChange(number)).toMatchObject({
            to_status: 'geschorst',
            reason: expect.stringContaining('Stelselmatig tekortschieten'),
          });
          expect(await verifyNumber(number)).toMatchObject({ voldoet: false, redenen: [{ code: 'geschorst' }] });
          await event('geschorst', number);
        }
        expect((await certificate(z.number)).statusGewijzigdOp).toBe(zBefore.statusGewijzigdOp);
        expect((await certificate(otherCompany)).status).toBe('geldig');
        expectProblem(await sanction(c.id('landlordA'), { maatregel: 'schorsing', reden: 'Nog eens' }), 409);
        const [logged] = await t.sql<{ actor_kind: string; after: { certificates: string[] } }>(
          `SELECT actor_kind, "after" FROM event_log WHERE entity_type = 'organisation' AND entity_id = $1 AND action = 'sanction-imposed'`,
          [c.id('landlordA')],
        );
        expect(logged).toMatchObject({ actor_kind: 'person', after: { certificates: [x.number, y.number].sort() } });

        // A certificate granted while the company is suspended is suspended at its publication.
        const late = await c.certifiedLocation({ huisnummer: 204 });
        expect(await certificate(late.number)).toMatchObject({ status: 'geschorst' });
        expect((await verifyNumber(late.number)).voldoet).toBe(false);

        // While the company is suspended, y's periodic inspection is refused: that holds y as well.
        const yInspection = await c.inspect(y.locationId, { 'IF-01': failing('Geen informatiekaart') }, 'periodiek');
        expect(
          (
            await t.http
              .post(`/v1/inspecties/${yInspection}/besluiten`)
              .set(await as('certifier', 'lc2'))
              .send({ uitkomst: 'afwijzen', toelichting: 'Informatiekaart ontbreekt' })
          ).status,
        ).toBe(201);

        const lifted = await sanction(c.id('landlordA'), { maatregel: 'opheffing', reden: 'Verbeterplan uitgevoerd' });
        expect(lifted.status).toBe(201);
        expect(lifted.body).toEqual({
          id: expect.any(String),
          maatregel: 'opheffing',
          certificaten: [x.number, late.number].sort(),
          blijvenGeschorst: [y.number],
        });
        expect(await verifyNumber(x.number)).toMatchObject({ voldoet: true });
        await event('hersteld', x.number);
        expect((await certificate(y.number)).status).toBe('geschorst');
        expect((await certificate(z.number)).status).toBe('geschorst');
        expectProblem(await sanction(c.id('landlordA'), { maatregel: 'opheffing', reden: 'Nog eens' }), 409);
      },
      SLOW,
    );
  });

  describe('the end of the ladder: withdrawal after SCHORSING_MAXIMUM_DAGEN (90)', () => {
    it(
      'withdraws a certificate suspended for 90 days, and not a day earlier',
      async () => {
        const { number } = await certifiedAt(151);
        // Suspended on 2 March 2026 (Amsterdam); day 90 is 31 May 2026.
        expect((await changeStatus(number, 'geschorst', 'Klacht over bezetting')).status).toBe(201);
        const sweep = () => t.app.get(DailyCertificateProcessor).process();

        clock.set(new Date('2026-05-30T21:59:00Z')); // 23:59 on 30 May in Amsterdam: day 89
        await sweep();
        expect((await certificate(number)).status).toBe('geschorst');

        clock.set(new Date('2026-05-30T22:01:00Z')); // 00:01 on 31 May in Amsterdam: day 90
        await sweep();
        expect(await certificate(number)).toMatchObject({ status: 'ingetrokken' });
        expect(await lastChange(number)).toMatchObject({
          from_status: 'geschorst',
          to_status: 'ingetrokken',
          reason: expect.stringContaining('90 dagen geschorst'),
        });
        expect(await verifyNumber(number)).toMatchObject({ voldoet: false, redenen: [{ code: 'ingetrokken' }] });
        expect(await verifyAddress(151)).toMatchObject({ voldoet: false, redenen: [{ code: 'ingetrokken' }] });
        await event('ingetrokken', number);
        // Final: no reinstatement after a withdrawal.
        expectProblem(await changeStatus(number, 'geldig', 'Te laat'), 409);
      },
      SLOW,
    );

    it(
      'after the year, no certificate of this file is answered geldig unless it is the location’s current, valid one',
      async () => {
        const rows = await t.sql<{ number: string; status: string; superseded_by: string | null }>(
          `SELECT number, status, superseded_by FROM certificate WHERE status <> 'uitgifte' ORDER BY number`,
        );
        for (const row of rows) {
          const verdict = await verifyNumber(row.number);
          expect({ number: row.number, voldoet: verdict.voldoet }).toEqual({ number: row.number, voldoet: row.status === 'geldig' });
          if (row.status === 'vervangen') expect(verdict.certificaat.vervangenDoor).toBe(row.superseded_by);
        }
      },
      SLOW,
    );
  });
});
