import { CertificateIssuer } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { accounts, createScenario, PASSING_MEASUREMENTS, PASSWORD, type Scenario, YES_NO_CODES, withNotice } from './support/scenario';
import { ADMIN, expectProblem, invalidParamNames, startTestApp, type TestApp } from './support/test-app';

/**
 * The objection procedure (ISO/IEC 17065 §7.13) through the API on PostgreSQL: a landlord objects
 * within 42 days (the clock moves, nothing sleeps); only a certificeerder who took no part in the
 * contested case decides; an upheld objection undoes the refusal, suspension or withdrawal through the
 * normal paths, and the municipality's verification says so; a rejected one changes nothing.
 */
describe('objections (bezwaren)', () => {
  // Amsterdam 2 March 2026; day 42 after it is 13 April, day 43 is 14 April.
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let s: Scenario;
  let otherCertifier: string;

  type Who = 'admin' | 'verhuurderA' | 'verhuurderB' | 'auditor' | 'certifier' | 'certifierB' | 'municipality';
  // Access tokens live 15 minutes of the clock's time: sign in anew for every request.
  const as = async (who: Who) => {
    const email = who === 'admin' ? ADMIN.email : who === 'certifierB' ? 'bz-certifierB@scenario.test' : `bz-${who}@scenario.test`;
    return { Authorization: `Bearer ${await t.signIn(email, who === 'admin' ? ADMIN.password : PASSWORD)}` };
  };
  const file = async (body: Record<string, unknown>, who: Who = 'verhuurderA') =>
    t.http
      .post('/v1/bezwaren')
      .set(await as(who))
      .send(body);
  const decideObjection = async (id: string, who: Who, body: Record<string, unknown>) =>
    t.http
      .post(`/v1/bezwaren/${id}/beslissingen`)
      .set(await as(who))
      .send(body);
  const decideInspection = async (id: string, who: Who, uitkomst: 'toekennen' | 'afwijzen') =>
    t.http
      .post(`/v1/inspecties/${id}/besluiten`)
      .set(await as(who))
      .send({ uitkomst, toelichting: uitkomst === 'afwijzen' ? 'Brandblusser ontbreekt' : 'Voldoet' });
  const changeStatus = async (number: string, who: Who, status: string) =>
    t.http
      .post(`/v1/certificaten/${number}/statuswijzigingen`)
      .set(await as(who))
      .send({ status, reden: `Test: ${status}` })
      .expect(201);
  const certificate = async (number: string) => (await t.http.get(`/v1/certificaten/${number}`).expect(200)).body;
  const verify = async (number: string) => (await t.http.get('/v1/verificaties').query({ certificaatnummer: number }).expect(200)).body;
  let nextNumber = 100;
  // The scenario's own helpers keep the tokens of its start; after the clock jumps, these sign in anew.
  const inspectedLocation = async () => {
    const location = await t.http
      .post('/v1/locaties')
      .set(await as('verhuurderA'))
      .send({
        adres: { postcode: '2671AB', huisnummer: nextNumber++, straatnaam: 'Bezwaarweg', woonplaats: 'Naaldwijk' },
        gemeentecode: 'GM1783',
        soortHuisvesting: 'woning',
        nieuwbouw: false,
        aantalSlaapplaatsen: 14,
      })
      .expect(201);
    const planned = await t.http
      .post('/v1/inspecties')
      .set(await as('admin'))
      .send({ locatieId: location.body.id, auditorId: s.id('auditor'), soort: 'initieel', gepland: withNotice(clock.now()) })
      .expect(201);
    const auditor = await as('auditor');
    const id = planned.body.id as string;
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS))
      await t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auditor).send({ meetwaarde }).expect(200);
    for (const code of YES_NO_CODES)
      await t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auditor).send({ resultaat: 'voldoet' }).expect(200);
    await t.http.post(`/v1/inspecties/${id}/indieningen`).set(auditor).expect(201);
    return { locationId: location.body.id as string, inspectionId: id };
  };
  const refusedInspection = async () => {
    const inspected = await inspectedLocation();
    expect((await decideInspection(inspected.inspectionId, 'certifier', 'afwijzen')).status).toBe(201);
    return inspected;
  };
  const certifiedLocation = async () => {
    const inspected = await inspectedLocation();
    const granted = await decideInspection(inspected.inspectionId, 'certifier', 'toekennen');
    expect(granted.status).toBe(201);
    const number = granted.body.certificaatnummer as string;
    await t.app.get(CertificateIssuer).issue(number);
    return { ...inspected, number };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'bz');
    otherCertifier = (await accounts(t).user('bz-certifierB@scenario.test', 'certificeerder')).id;
  }, 120_000);
  afterAll(() => t?.close());

  describe('filing', () => {
    it('takes exactly one of inspectieId and certificaatnummer, and grounds, naming each problem', async () => {
      const neither = await file({ gronden: 'Oneens' });
      expectProblem(neither, 400);
      expect(invalidParamNames(neither)).toEqual(['certificaatnummer', 'inspectieId']);

      const both = await file({ inspectieId: '0b7e1c36-6a7d-4f4e-9d8e-3c0f1f7b6a11', certificaatnummer: 'KM-2026-000001-8', gronden: 'x' });
      expectProblem(both, 400);
      expect(invalidParamNames(both)).toEqual(['certificaatnummer']);

      const badDigit = await file({ certificaatnummer: 'KM-2026-000123-4', gronden: '  ' });
      expectProblem(badDigit, 400);
      expect(badDigit.body.invalidParams).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'certificaatnummer', code: 'check-digit' }),
          expect.objectContaining({ name: 'gronden', code: 'required' }),
        ]),
      );
      const unknownField = await file({ inspectieId: '0b7e1c36-6a7d-4f4e-9d8e-3c0f1f7b6a11', gronden: 'x', extra: 1 });
      expectProblem(unknownField, 400);
      expect(await t.sql(`SELECT id FROM objection`)).toEqual([]);
    }, 180_000);

    it('is the landlord’s: another landlord gets 404, staff 403, and nothing contestable is 409', async () => {
      const { inspectionId } = await refusedInspection();
      expectProblem(await file({ inspectieId: inspectionId, gronden: 'Niet van ons' }, 'verhuurderB'), 404);
      expectProblem(await file({ inspectieId: inspectionId, gronden: 'Geen verhuurder' }, 'certifier'), 403);

      const { number } = await certifiedLocation();
      const valid = await file({ certificaatnummer: number, gronden: 'Het certificaat is geldig' });
      expectProblem(valid, 409);
      expect(valid.body.detail).toContain('geldig');
      expectProblem(await file({ certificaatnummer: number, gronden: 'Niet van ons' }, 'verhuurderB'), 404);
      const granted = (await t.sql<{ id: string }>(`SELECT inspection_id AS id FROM decision WHERE outcome = 'toekennen' LIMIT 1`))[0].id;
      expectProblem(await file({ inspectieId: granted, gronden: 'Toegekend' }), 409);
      expect(await t.sql(`SELECT id FROM objection`)).toEqual([]);
    }, 180_000);
  });

  describe('against a refusal', () => {
    let inspectionId: string;
    let objectionId: string;

    it('is filed with a beslistermijn 42 days on, once', async () => {
      ({ inspectionId } = await refusedInspection());
      const filed = await file({ inspectieId: inspectionId, gronden: 'De brandblusser hing er wel, in de gang.' });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({
        id: expect.any(String),
        status: 'ingediend',
        beslistermijn: '2026-04-13',
        bestreden: 'afwijzing',
        inspectieId: inspectionId,
        bestredenOp: '2026-03-02',
        termijnOverschreden: false,
      });
      objectionId = filed.body.id;
      const again = await file({ inspectieId: inspectionId, gronden: 'Nog een keer' });
      expectProblem(again, 409);
      const logged = await t.sql<{ actor_id: string; action: string }>(
        `SELECT actor_id, action FROM event_log WHERE entity_type = 'objection' AND entity_id = $1`,
        [objectionId],
      );
      expect(logged).toEqual([{ actor_id: s.id('verhuurderA'), action: 'filed' }]);
    }, 180_000);

    it('is not decided by the certificeerder who refused, nor by a non-certificeerder', async () => {
      const involved = await decideObjection(objectionId, 'certifier', { uitkomst: 'gegrond', toelichting: 'Eigen zaak' });
      expectProblem(involved, 403);
      expect(involved.body.detail).toContain('took no part');
      expectProblem(await decideObjection(objectionId, 'admin', { uitkomst: 'gegrond', toelichting: 'Beheerder' }), 403);
      expectProblem(await decideObjection(objectionId, 'auditor', { uitkomst: 'gegrond', toelichting: 'Auditor' }), 403);
      expect((await t.sql<{ status: string }>(`SELECT status FROM objection WHERE id = $1`, [objectionId]))[0].status).toBe('ingediend');
    }, 180_000);

    it('upheld, lets a second certificeerder decide toekennen, and a certificate is issued', async () => {
      const upheld = await decideObjection(objectionId, 'certifierB', { uitkomst: 'gegrond', toelichting: 'Foto toont de blusser.' });
      expect(upheld.status).toBe(201);
      expect(upheld.body).toMatchObject({
        status: 'besloten',
        beslissing: {
          uitkomst: 'gegrond',
          toelichting: 'Foto toont de blusser.',
          beslistDoor: otherCertifier,
          gevolg: { soort: 'besluit-heropend', inspectieId: inspectionId },
        },
      });
      expectProblem(await decideObjection(objectionId, 'certifierB', { uitkomst: 'ongegrond', toelichting: 'Nog eens' }), 409);

      const inspection = await t.http
        .get(`/v1/inspecties/${inspectionId}`)
        .set(await as('admin'))
        .expect(200);
      expect(inspection.body.status).toBe('ingediend');
      // The original decider is excluded from the new decision; the old one stays in the file, revised.
      const again = await decideInspection(inspectionId, 'certifier', 'toekennen');
      expectProblem(again, 403);
      const granted = await decideInspection(inspectionId, 'certifierB', 'toekennen');
      expect(granted.status).toBe(201);
      const number = granted.body.certificaatnummer as string;
      await t.app.get(CertificateIssuer).issue(number);
      expect((await verify(number)).certificaat).toMatchObject({ status: 'geldig' });
      expect(
        await t.sql(`SELECT outcome, revised_by IS NOT NULL AS revised FROM decision WHERE inspection_id = $1 ORDER BY decided_at`, [
          inspectionId,
        ]),
      ).toEqual([
        { outcome: 'afwijzen', revised: true },
        { outcome: 'toekennen', revised: false },
      ]);
      const events = await t.sql<{ entity_type: string; action: string; actor_id: string }>(
        `SELECT entity_type, action, actor_id FROM event_log WHERE entity_id IN ($1, $2) ORDER BY id`,
        [objectionId, inspectionId],
      );
      expect(events.slice(-3)).toEqual([
        { entity_type: 'inspection', action: 'decision-revised', actor_id: otherCertifier },
        { entity_type: 'objection', action: 'decided', actor_id: otherCertifier },
        { entity_type: 'inspection', action: 'decided', actor_id: otherCertifier },
      ]);
    }, 180_000);
  });

  describe('against a suspension', () => {
    it('upheld, reinstates through the status path, and the municipality’s verification says geldig again', async () => {
      const { number } = await certifiedLocation();
      await changeStatus(number, 'certifier', 'geschorst');
      expect((await verify(number)).voldoet).toBe(false);
      const filed = await file({ certificaatnummer: number, gronden: 'De schorsing berust op een misverstand.' });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ bestreden: 'schorsing', certificaatnummer: number, status: 'ingediend' });

      // Suspended it (and granted it): involved.
      expectProblem(await decideObjection(filed.body.id, 'certifier', { uitkomst: 'gegrond', toelichting: 'Eigen zaak' }), 403);
      const upheld = await decideObjection(filed.body.id, 'certifierB', { uitkomst: 'gegrond', toelichting: 'Misverstand.' });
      expect(upheld.status).toBe(201);
      expect(upheld.body.beslissing.gevolg).toEqual({ soort: 'hersteld', certificaatnummer: number });

      const verification = await verify(number);
      expect(verification).toMatchObject({ voldoet: true, certificaat: { status: 'geldig' } });
      const changes = await t.sql<{ to_status: string; actor_id: string }>(
        `SELECT to_status, actor_id FROM certificate_status_change WHERE certificate_number = $1 ORDER BY id`,
        [number],
      );
      expect(changes.slice(-2)).toEqual([
        { to_status: 'geschorst', actor_id: s.id('certifier') },
        { to_status: 'geldig', actor_id: otherCertifier },
      ]);
      const municipality = await t.http
        .get(`/v1/bezwaren/${filed.body.id}`)
        .set(await as('municipality'))
        .expect(200);
      expect(municipality.body.beslissing.uitkomst).toBe('gegrond');
    }, 180_000);

    it('rejected (ongegrond), changes nothing', async () => {
      const { number } = await certifiedLocation();
      await changeStatus(number, 'admin', 'geschorst');
      const before = await t.sql(`SELECT count(*)::int AS n FROM certificate_status_change WHERE certificate_number = $1`, [number]);
      const filed = await file({ certificaatnummer: number, gronden: 'Oneens' });
      expect(filed.status).toBe(201);
      const rejected = await decideObjection(filed.body.id, 'certifierB', { uitkomst: 'ongegrond', toelichting: 'Terecht geschorst.' });
      expect(rejected.status).toBe(201);
      expect(rejected.body.beslissing).toMatchObject({ uitkomst: 'ongegrond' });
      expect(rejected.body.beslissing.gevolg).toBeUndefined();
      expect((await certificate(number)).status).toBe('geschorst');
      expect(await t.sql(`SELECT count(*)::int AS n FROM certificate_status_change WHERE certificate_number = $1`, [number])).toEqual(
        before,
      );
      // Objected against already: not a second time.
      expectProblem(await file({ certificaatnummer: number, gronden: 'Nog eens' }), 409);
    }, 180_000);
  });

  describe('against a withdrawal', () => {
    it('upheld, issues a new certificate for the rest of the old validity, with the old maximum', async () => {
      const { number } = await certifiedLocation();
      const old = await certificate(number);
      clock.set(new Date('2026-03-10T09:00:00Z'));
      await changeStatus(number, 'admin', 'ingetrokken');
      const filed = await file({ certificaatnummer: number, gronden: 'Ten onrechte ingetrokken.' });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ bestreden: 'intrekking', bestredenOp: '2026-03-10', beslistermijn: '2026-04-21' });
      expectProblem(await decideObjection(filed.body.id, 'admin', { uitkomst: 'gegrond', toelichting: 'x' }), 403);

      const upheld = await decideObjection(filed.body.id, 'certifierB', {
        uitkomst: 'gegrond',
        toelichting: 'Intrekking herroepen; de verhuurder toont herstel bij een herinspectie.',
        herinspectie: true,
      });
      expect(upheld.status).toBe(201);
      const successor = upheld.body.beslissing.gevolg.certificaatnummer as string;
      expect(upheld.body.beslissing.gevolg).toEqual({
        soort: 'nieuw-certificaat',
        certificaatnummer: successor,
        planningsverzoekId: expect.any(String),
      });
      const requests = await t.http
        .get('/v1/planningsverzoeken')
        .set(await as('admin'))
        .expect(200);
      expect(requests.body.resultaten).toContainEqual({
        id: upheld.body.beslissing.gevolg.planningsverzoekId,
        locatieId: filed.body.locatieId,
        certificaatnummer: successor,
        reden: 'bezwaar',
        soort: 'herinspectie',
        uiterlijk: '2026-04-21',
        status: 'open',
        verlopen: false,
      });
      expect(successor).not.toBe(number);
      await t.app.get(CertificateIssuer).issue(successor);
      expect(await certificate(successor)).toMatchObject({
        status: 'geldig',
        geldigVanaf: '2026-03-10',
        geldigTot: old.geldigTot,
        maximaalAantalBewoners: old.maximaalAantalBewoners,
        adres: old.adres,
      });
      expect((await certificate(number)).status).toBe('ingetrokken');
      const byAddress = await t.http
        .get('/v1/verificaties')
        .query({ postcode: old.adres.postcode, huisnummer: old.adres.huisnummer })
        .expect(200);
      expect(byAddress.body).toMatchObject({ voldoet: true, certificaat: { certificaatnummer: successor, status: 'geldig' } });
      const allocated = await t.sql<{ actor_id: string; after: { continues: string } }>(
        `SELECT actor_id, after FROM event_log WHERE entity_type = 'certificate' AND entity_id = $1 AND action = 'allocated'`,
        [successor],
      );
      expect(allocated).toEqual([
        expect.objectContaining({ actor_id: otherCertifier, after: expect.objectContaining({ continues: number }) }),
      ]);
    }, 180_000);
  });

  describe('lists, scope and terms', () => {
    let dayFortyTwo: string;

    it('are scoped like locaties', async () => {
      const mine = await t.http
        .get('/v1/bezwaren')
        .set(await as('verhuurderA'))
        .expect(200);
      expect(mine.body.totaal).toBe(4);
      const other = await t.http
        .get('/v1/bezwaren')
        .set(await as('verhuurderB'))
        .expect(200);
      expect(other.body.totaal).toBe(0);
      expectProblem(await t.http.get(`/v1/bezwaren/${mine.body.resultaten[0].id}`).set(await as('verhuurderB')), 404);
      for (const who of ['admin', 'certifier', 'municipality'] as const) {
        const seen = await t.http
          .get('/v1/bezwaren')
          .set(await as(who))
          .expect(200);
        expect(seen.body.totaal).toBe(4);
      }
      expectProblem(
        await t.http
          .get('/v1/bezwaren')
          .query({ status: 'open' })
          .set(await as('admin')),
        400,
      );
    }, 180_000);

    it('may be filed on the 42nd day after the refusal, not on the 43rd (409)', async () => {
      clock.set(new Date('2026-04-01T09:00:00Z'));
      const first = await refusedInspection();
      const second = await refusedInspection();
      // 13 May is day 42 after 1 April (Amsterdam); 00:30 on 14 May in Amsterdam is still 13 May in UTC.
      clock.set(new Date('2026-05-13T21:59:00Z'));
      const onTime = await file({ inspectieId: first.inspectionId, gronden: 'Op tijd' });
      expect(onTime.status).toBe(201);
      expect(onTime.body.beslistermijn).toBe('2026-06-24');
      dayFortyTwo = onTime.body.id;
      clock.set(new Date('2026-05-13T22:30:00Z'));
      const late = await file({ inspectieId: second.inspectionId, gronden: 'Te laat' });
      expectProblem(late, 409);
      expect(late.body.detail).toContain('2026-05-13');
    }, 180_000);

    it('shows an undecided objection past its beslistermijn as overdue, first', async () => {
      clock.set(new Date('2026-06-24T09:00:00Z'));
      let listed = await t.http
        .get('/v1/bezwaren')
        .set(await as('admin'))
        .expect(200);
      expect(listed.body.resultaten[0]).toMatchObject({ id: dayFortyTwo, termijnOverschreden: false });
      clock.set(new Date('2026-06-25T09:00:00Z'));
      listed = await t.http
        .get('/v1/bezwaren')
        .set(await as('admin'))
        .expect(200);
      expect(listed.body.resultaten[0]).toMatchObject({ id: dayFortyTwo, status: 'ingediend', termijnOverschreden: true });
      expect(listed.body.resultaten.slice(1).every((o: { status: string }) => o.status === 'besloten')).toBe(true);
      const open = await t.http
        .get('/v1/bezwaren')
        .query({ status: 'ingediend' })
        .set(await as('certifierB'))
        .expect(200);
      expect(open.body.totaal).toBe(1);
    }, 180_000);
  });
});
