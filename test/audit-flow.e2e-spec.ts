import { FixedClock } from '@keurmerk/common';
import { EventLog } from '@keurmerk/events';
import { PNG } from './support/files';
import { accounts, answerBody, bearer, PASSING_MEASUREMENTS, YES_NO_CODES } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';

/**
 * The whole audit workflow through the API, on the default norm 2026.1, checked against a hand
 * computation of DOMAIN.md's worked example.
 */
describe('audit workflow: apply, plan, inspect, submit, repair, decide', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (who: string) => bearer(tokens[who]);

  const organisation = (naam: string, kvkNummer: string, soort: 'verhuurder' | 'inspectie-instelling', accreditatieGeldigTot?: string) =>
    accounts(t).organisation(naam, kvkNummer, soort, accreditatieGeldigTot ? { accreditatieGeldigTot } : {});

  async function user(key: string, rol: string, extra: Record<string, string> = {}) {
    ({ id: ids[key], token: tokens[key] } = await accounts(t).user(`${key}@audit.test`, rol, extra, key));
  }

  async function location(who: string, huisnummer: number, aantalSlaapplaatsen = 14) {
    const response = await t.http
      .post('/v1/locaties')
      .set(as(who))
      .send({
        adres: { postcode: '2671 ab', huisnummer, straatnaam: 'Tuinbouwweg', woonplaats: 'Naaldwijk' },
        gemeentecode: 'GM1783',
        soortHuisvesting: 'woning',
        nieuwbouw: false,
        aantalSlaapplaatsen,
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  async function plan(locatieId: string, auditor: string, who = 'admin') {
    return t.http
      .post('/v1/inspecties')
      .set(as(who))
      .send({ locatieId, auditorId: ids[auditor], soort: 'initieel', gepland: '2026-12-02T11:00:00+01:00' });
  }

  async function answerAll(inspectionId: string, auditor: string, overrides: Record<string, object> = {}) {
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS)) {
      await t.http
        .put(`/v1/inspecties/${inspectionId}/antwoorden/${code}`)
        .set(as(auditor))
        .send(answerBody(overrides[code] ?? { meetwaarde }))
        .expect(200);
    }
    for (const code of YES_NO_CODES) {
      await t.http
        .put(`/v1/inspecties/${inspectionId}/antwoorden/${code}`)
        .set(as(auditor))
        .send(answerBody(overrides[code] ?? { resultaat: 'voldoet' }))
        .expect(200);
    }
  }

  const rowCounts = async () =>
    (
      await t.sql<Record<string, number>>(
        `SELECT (SELECT count(*) FROM answer)::int AS answers, (SELECT count(*) FROM inspection)::int AS inspections,
              (SELECT count(*) FROM decision)::int AS decisions, (SELECT count(*) FROM finding)::int AS findings,
              (SELECT count(*) FROM event_log)::int AS events, (SELECT count(*) FROM document)::int AS documents`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    tokens.admin = await t.adminToken();
    ids.landlordA = await organisation('Flexwonen Westland B.V.', '70000001', 'verhuurder');
    ids.landlordB = await organisation('AgriHuis B.V.', '70000002', 'verhuurder');
    ids.body = await organisation('Inspectie Noord', '70000003', 'inspectie-instelling', '2028-12-31');
    ids.lapsedBody = await organisation('Inspectie Verlopen', '70000004', 'inspectie-instelling', '2026-06-30');
    await user('verhuurderA', 'verhuurder', { organisatieId: ids.landlordA });
    await user('verhuurderB', 'verhuurder', { organisatieId: ids.landlordB });
    await user('auditor', 'auditor', { organisatieId: ids.body });
    await user('otherAuditor', 'auditor', { organisatieId: ids.body });
    await user('lapsedAuditor', 'auditor', { organisatieId: ids.lapsedBody });
    await user('certifier', 'certificeerder');
    await user('municipality', 'gemeente', { gemeentecode: 'GM1783' });
  });
  afterAll(() => t.close());

  it('lets a landlord register a location and apply', async () => {
    ids.location = await location('verhuurderA', 12);
    const application = await t.http.post('/v1/aanvragen').set(as('verhuurderA')).send({ locatieId: ids.location });
    expect(application.status).toBe(201);
    expect(application.body.status).toBe('ingediend');
    ids.application = application.body.id;
  });

  describe('planning', () => {
    it('refuses an auditor whose accreditation has lapsed, with the reason', async () => {
      const response = await plan(ids.location, 'lapsedAuditor');
      expectProblem(response, 409);
      expect(response.body.detail).toContain('lapsed on 2026-06-30');
    });

    it('refuses an auditor with a declared relation to the landlord', async () => {
      await t.http
        .post('/v1/belangenverklaringen')
        .set(as('admin'))
        .send({ auditorId: ids.otherAuditor, organisatieId: ids.landlordA, omschrijving: 'Zwager van de directeur' })
        .expect(201);
      const response = await plan(ids.location, 'otherAuditor');
      expectProblem(response, 409);
      expect(response.body.detail).toContain('Zwager van de directeur');
    });

    it('refuses bad input naming every field, writing nothing', async () => {
      const before = await rowCounts();
      const response = await t.http
        .post('/v1/inspecties')
        .set(as('admin'))
        .send({ locatieId: 'x', auditorId: ids.certifier, soort: 'spontaan', gepland: '2026-12-01' });
      expectProblem(response, 400);
      expect([...new Set(invalidParamNames(response))]).toEqual(['gepland', 'locatieId', 'soort']);
      const notAnAuditor = await t.http
        .post('/v1/inspecties')
        .set(as('admin'))
        .send({ locatieId: ids.location, auditorId: ids.certifier, soort: 'initieel', gepland: '2026-12-02T11:00:00Z' });
      expectProblem(notAnAuditor, 400);
      expect(invalidParamNames(notAnAuditor)).toEqual(['auditorId']);
      expect(await rowCounts()).toEqual(before);
    });

    it('is the beheerder’s alone', async () => {
      for (const who of ['verhuurderA', 'auditor', 'certifier', 'municipality'])
        expectProblem(await plan(ids.location, 'auditor', who), 403);
      expectProblem(await t.http.post('/v1/inspecties').send({}), 401);
    });

    it('pins the published norm version and takes up the application', async () => {
      const response = await plan(ids.location, 'auditor');
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
      expect(response.body).toMatchObject({
        status: 'gepland',
        normVersie: '2026.1',
        locatieId: ids.location,
        aanvraagId: ids.application,
      });
      ids.inspection = response.body.id;
      const application = await t.http.get(`/v1/aanvragen/${ids.application}`).set(as('verhuurderA'));
      expect(application.body.status).toBe('in-behandeling');
    });
  });

  describe('answering', () => {
    const put = (who: string, code: string, body: object) =>
      t.http.put(`/v1/inspecties/${ids.inspection}/antwoorden/${code}`).set(as(who)).send(body);

    it('is for the assigned auditor only', async () => {
      expectProblem(await put('otherAuditor', 'BV-01', { resultaat: 'voldoet' }), 404);
      for (const who of ['admin', 'certifier', 'verhuurderA']) expectProblem(await put(who, 'BV-01', { resultaat: 'voldoet' }), 403);
      expectProblem(await t.http.get(`/v1/inspecties/${ids.inspection}`).set(as('otherAuditor')), 404);
      expectProblem(await t.http.get(`/v1/inspecties/${ids.inspection}`).set(as('verhuurderB')), 404);
      expect((await t.http.get(`/v1/inspecties/${ids.inspection}`).set(as('verhuurderA'))).status).toBe(200);
    });

    it.each([
      ['BV-01', { resultaat: 'nvt' }, ['resultaat']],
      ['RU-01', { meetwaarde: -1 }, ['meetwaarde']],
      ['RU-01', { meetwaarde: 'veel' }, ['meetwaarde']],
      ['PR-01', { meetwaarde: 2.5 }, ['meetwaarde']],
      ['RU-01', { resultaat: 'nvt', meetwaarde: 10 }, ['resultaat']],
      ['BV-02', { resultaat: 'ja' }, ['resultaat']],
      ['BV-02', { resultaat: 'voldoet', extra: 1 }, ['extra']],
      ['BV-02', { resultaat: 'voldoet', opmerking: 'x'.repeat(2001) }, ['opmerking']],
      // API 1.1: a failed criterion needs its description, or nobody can repair it.
      ['BV-02', { resultaat: 'voldoet-niet' }, ['opmerking']],
      ['BV-02', { resultaat: 'voldoet-niet', opmerking: '  ' }, ['opmerking']],
    ])('refuses an answer to %s (%#) naming the field and writes nothing', async (code, body, names) => {
      const before = await rowCounts();
      const response = await put('auditor', code, body);
      expectProblem(response, 400);
      expect([...new Set(invalidParamNames(response))]).toEqual(names);
      expect(await rowCounts()).toEqual(before);
    });

    it('answers 404 for a criterion the pinned norm lacks and 400 for a malformed code', async () => {
      expectProblem(await put('auditor', 'XX-99', { resultaat: 'voldoet' }), 404);
      expectProblem(await put('auditor', 'bv01', { resultaat: 'voldoet' }), 400);
    });

    it('judges a measurement itself, whatever result the auditor sends', async () => {
      const response = await put('auditor', 'VZ-02', { meetwaarde: 3, resultaat: 'voldoet' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ criteriumCode: 'VZ-02', resultaat: 'voldoet-niet', meetwaarde: 3, personenOndersteund: 0 });
      const inspection = await t.http.get(`/v1/inspecties/${ids.inspection}`).set(as('auditor'));
      expect(inspection.body.status).toBe('in-uitvoering');
    });

    it('refuses to submit with unanswered criteria, listing each', async () => {
      const response = await t.http.post(`/v1/inspecties/${ids.inspection}/indieningen`).set(as('auditor'));
      expectProblem(response, 400);
      expect(invalidParamNames(response)).toHaveLength(26);
      expect(invalidParamNames(response)).not.toContain('VZ-02');
      expect(invalidParamNames(response)).toContain('RU-01');
    });

    it('takes photo evidence per criterion, typed by content', async () => {
      const upload = await t.http
        .post(`/v1/inspecties/${ids.inspection}/bewijsstukken`)
        .set(as('auditor'))
        .field('criteriumCode', 'BV-02')
        .attach('bestand', PNG, 'blusdeken.png');
      expect(upload.status).toBe(201);
      expect(upload.body).toMatchObject({ criteriumCode: 'BV-02', contentType: 'image/png', grootte: PNG.length });
      const html = await t.http
        .post(`/v1/inspecties/${ids.inspection}/bewijsstukken`)
        .set(as('auditor'))
        .field('criteriumCode', 'BV-02')
        .attach('bestand', Buffer.from('<html></html>'), 'foto.png');
      expectProblem(html, 400);
      expect(invalidParamNames(html)).toEqual(['bestand']);
      const noCriterion = await t.http
        .post(`/v1/inspecties/${ids.inspection}/bewijsstukken`)
        .set(as('auditor'))
        .attach('bestand', PNG, 'foto.png');
      expect(invalidParamNames(noCriterion)).toEqual(['criteriumCode']);
    });
  });

  describe('submission', () => {
    it('computes the result of the worked example: maximum 11, score 95, one major and one minor', async () => {
      await answerAll(ids.inspection, 'auditor', {
        'BV-02': { resultaat: 'voldoet-niet', opmerking: 'Geen blusdeken' },
        'BH-02': { resultaat: 'voldoet-niet' },
        'BV-04': { resultaat: 'nvt' },
      });
      const response = await t.http.post(`/v1/inspecties/${ids.inspection}/indieningen`).set(as('auditor'));
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('ingediend');
      const { bevindingen, ...result } = response.body.uitslag;
      expect(result).toEqual({ score: 95, knockOuts: 0, majors: 1, minors: 1, berekendMaximumBewoners: 11 });
      expect(bevindingen.map(({ id: _, ...f }: { id: string }) => f)).toEqual([
        { criteriumCode: 'BV-02', ernst: 'major', hersteltermijn: '2027-01-14' },
        { criteriumCode: 'BH-02', ernst: 'minor', hersteltermijn: '2027-03-01' },
      ]);
      ids.majorFinding = bevindingen[0].id;
    });

    it('freezes the answers and refuses a second submission', async () => {
      expectProblem(
        await t.http.put(`/v1/inspecties/${ids.inspection}/antwoorden/BV-02`).set(as('auditor')).send({ resultaat: 'voldoet' }),
        409,
      );
      expectProblem(await t.http.post(`/v1/inspecties/${ids.inspection}/indieningen`).set(as('auditor')), 409);
      expectProblem(
        await t.http
          .post(`/v1/inspecties/${ids.inspection}/bewijsstukken`)
          .set(as('auditor'))
          .field('criteriumCode', 'BV-02')
          .attach('bestand', PNG, 'laat.png'),
        409,
      );
    });
  });

  describe('decision and repair', () => {
    const decide = (who: string, inspectionId: string, uitkomst = 'toekennen') =>
      t.http.post(`/v1/inspecties/${inspectionId}/besluiten`).set(as(who)).send({ uitkomst, toelichting: 'Beoordeeld' });

    it('refuses to grant while the major finding is open', async () => {
      const response = await decide('certifier', ids.inspection);
      expectProblem(response, 409);
      expect(response.body.detail).toContain('BV-02 (major) is open');
      for (const who of ['auditor', 'admin', 'verhuurderA']) expectProblem(await decide(who, ids.inspection), 403);
    });

    it('lets the landlord report the repair with evidence, and the auditor accept it', async () => {
      expectProblem(await t.http.get(`/v1/bevindingen/${ids.majorFinding}`).set(as('verhuurderB')), 404);
      const reported = await t.http
        .post(`/v1/bevindingen/${ids.majorFinding}/herstelmeldingen`)
        .set(as('verhuurderA'))
        .field('omschrijving', 'Blusdeken opgehangen')
        .attach('bestand', PNG, 'blusdeken.png');
      expect(reported.status).toBe(201);
      expect(reported.body.status).toBe('herstel-gemeld');
      expectProblem(
        await t.http
          .post(`/v1/bevindingen/${ids.majorFinding}/herstelmeldingen`)
          .set(as('verhuurderA'))
          .field('omschrijving', 'Nog eens')
          .attach('bestand', PNG, 'b.png'),
        409,
      );
      expectProblem(
        await t.http
          .post(`/v1/bevindingen/${ids.majorFinding}/beoordelingen`)
          .set(as('otherAuditor'))
          .send({ akkoord: true, toelichting: 'Ok' }),
        404,
      );
      const badReview = await t.http
        .post(`/v1/bevindingen/${ids.majorFinding}/beoordelingen`)
        .set(as('auditor'))
        .send({ akkoord: 'ja', toelichting: '' });
      expectProblem(badReview, 400);
      expect([...new Set(invalidParamNames(badReview))]).toEqual(['akkoord', 'toelichting']);
      const accepted = await t.http
        .post(`/v1/bevindingen/${ids.majorFinding}/beoordelingen`)
        .set(as('auditor'))
        .send({ akkoord: true, toelichting: 'Foto toont blusdeken' });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({
        status: 'gesloten',
        herstelmeldingen: [{ akkoord: true, omschrijving: 'Blusdeken opgehangen' }],
      });
      const list = await t.http.get(`/v1/bevindingen?locatieId=${ids.location}`).set(as('municipality'));
      expect(list.body.totaal).toBe(2);
    });

    it('grants once the major is closed, exactly once', async () => {
      const granted = await decide('certifier', ids.inspection);
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({ uitkomst: 'toekennen', besluitDoor: ids.certifier });
      expectProblem(await decide('certifier', ids.inspection, 'afwijzen'), 409);
      const inspection = await t.http.get(`/v1/inspecties/${ids.inspection}`).set(as('certifier'));
      expect(inspection.body.status).toBe('besloten');
      expect((await t.http.get(`/v1/aanvragen/${ids.application}`).set(as('verhuurderA'))).body.status).toBe('afgerond');
    });

    it('takes exactly one of two concurrent decisions', async () => {
      const second = await location('verhuurderA', 14);
      const planned = await plan(second, 'auditor');
      await answerAll(planned.body.id, 'auditor');
      await t.http.post(`/v1/inspecties/${planned.body.id}/indieningen`).set(as('auditor')).expect(201);
      const before = await rowCounts();
      const answers = await Promise.all([decide('certifier', planned.body.id), decide('certifier', planned.body.id, 'afwijzen')]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect((await rowCounts()).decisions).toBe(before.decisions + 1);
    });

    it('never grants when a measured criterion supports nobody', async () => {
      const third = await location('verhuurderA', 16);
      const planned = await plan(third, 'auditor');
      await answerAll(planned.body.id, 'auditor', { 'VZ-02': { meetwaarde: 3 } });
      const submitted = await t.http.post(`/v1/inspecties/${planned.body.id}/indieningen`).set(as('auditor')).expect(201);
      expect(submitted.body.uitslag.berekendMaximumBewoners).toBe(0);
      const response = await decide('certifier', planned.body.id);
      expectProblem(response, 409);
      expect(response.body.detail).toContain('VZ-02');
    });
  });

  it('recorded every change in an intact hash chain', async () => {
    const actions = await t.sql<{ action: string }>(`SELECT DISTINCT action FROM event_log WHERE entity_type = 'inspection' ORDER BY 1`);
    expect(actions.map((a) => a.action)).toEqual(['answered', 'decided', 'evidence-added', 'planned', 'started', 'submitted']);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event_log`);
    expect(n).toBeGreaterThan(100);
    expect(await t.app.get(EventLog).verify()).toEqual({ valid: true, checked: n });
    // Pages of 7 cross many boundaries; the verdict must not depend on the page size.
    expect(await t.app.get(EventLog).verify(7)).toEqual({ valid: true, checked: n });
    await expect(t.sql(`UPDATE event_log SET action = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM event_log`)).rejects.toThrow(/append-only/);
  });
});
