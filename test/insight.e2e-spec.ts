import { FixedClock } from '@keurmerk/common';
import { OccupancyService } from '@keurmerk/occupancy';
import { LocatieserverStub, type StubAddress } from './support/locatieserver-stub';
import { createScenario, PASSWORD, type Scenario } from './support/scenario';
import { ADMIN, expectProblem, invalidParamNames, startTestApp, type TestApp } from './support/test-app';

const WESTLAND = (huisnummer: number): StubAddress => ({
  postcode: '2671AB',
  huisnummer,
  straatnaam: 'Tuinbouwweg',
  woonplaatsnaam: 'Naaldwijk',
  gemeentecode: '1783',
  gemeentenaam: 'Westland',
  lon: 4.2 + huisnummer / 1000,
  lat: 51.99 + huisnummer / 1000,
  nummeraanduiding_id: `17832000000${String(10000 + huisnummer)}`,
});

/**
 * Municipal insight through the API: occupancy reports (an over-occupied one opens an unannounced
 * planning request in its own transaction), coordinates from the address lookup at registration,
 * and the open statistics, whose every figure is checked against what this test itself made.
 */
describe('municipal insight: occupancy reports and open statistics', () => {
  // 09:00 in Amsterdam on 2 March 2026; certificates are valid for a year.
  const clock = new FixedClock(new Date('2026-03-02T08:00:00Z'));
  const stub = new LocatieserverStub([1, 2, 3, 4, 5, 6, 7, 8].map(WESTLAND));
  let t: TestApp;
  let s: Scenario;
  const westland: { locationId: string; number: string }[] = [];
  let amsterdam: { locationId: string; number: string };
  let uncertified: string;
  let maximum: number;

  const token = (who: string) => t.signIn(`in-${who}@scenario.test`, PASSWORD);
  const as = async (who: string) => ({
    Authorization: `Bearer ${who === 'admin' ? await t.signIn(ADMIN.email, ADMIN.password) : await token(who)}`,
  });
  const report = async (locationId: string, body: object, who = 'verhuurderA') =>
    t.http
      .post(`/v1/locaties/${locationId}/bezettingen`)
      .set(await as(who))
      .send(body);
  const statistics = (query: Record<string, string> = {}) => t.http.get('/v1/statistieken').query(query);

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { ADRES_LOOKUP_URL: await stub.start() } });
    s = await createScenario(t, 'in');
    for (let i = 0; i < 4; i++) westland.push(await s.certifiedLocation());
    amsterdam = await s.certifiedLocation({ gemeentecode: 'GM0363', postcode: '1012AB', huisnummer: 40, straatnaam: 'Damrak' });
    uncertified = await s.location();
    [{ maximum }] = await t.sql<{ maximum: number }>(`SELECT maximum_residents AS maximum FROM certificate WHERE number = $1`, [
      westland[0].number,
    ]);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await stub.close();
  });

  it('keeps the coordinates the address lookup gives at registration, and none where it has no answer', async () => {
    const [first] = await t.sql<{ latitude: number; longitude: number }>(`SELECT latitude, longitude FROM location WHERE id = $1`, [
      westland[0].locationId,
    ]);
    expect(first.latitude).toBeCloseTo(51.991, 9);
    expect(first.longitude).toBeCloseTo(4.201, 9);
    expect(stub.queries[0].get('q')).toBe('postcode:2671AB and huisnummer:1');
    expect(stub.queries[0].get('fq')).toBe('type:adres');
    const [outside] = await t.sql(`SELECT latitude, longitude FROM location WHERE id = $1`, [amsterdam.locationId]);
    expect(outside).toEqual({ latitude: null, longitude: null });
  });

  describe('POST /v1/locaties/{id}/bezettingen', () => {
    it('takes a report within the maximum without opening anything, and replaces a second one for the same day', async () => {
      const first = await report(westland[1].locationId, { peildatum: '2026-03-01', aantalBewoners: maximum - 2 });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        locatieId: westland[1].locationId,
        peildatum: '2026-03-01',
        aantalBewoners: maximum - 2,
        maximaalAantalBewoners: maximum,
        bovenMaximum: false,
      });
      // Unannounced means unannounced: the landlord's answer never names a planning request.
      expect(first.body).not.toHaveProperty('planningsverzoekId');
      const again = await report(westland[1].locationId, { peildatum: '2026-03-01', aantalBewoners: maximum - 1 });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const listed = await t.http
        .get(`/v1/locaties/${westland[1].locationId}/bezettingen`)
        .set(await as('verhuurderA'))
        .expect(200);
      expect(listed.body.totaal).toBe(1);
      expect(listed.body.resultaten[0]).toMatchObject({ aantalBewoners: maximum - 1, bovenMaximum: false });
      const events = await t.sql(
        `SELECT action, before FROM event_log WHERE entity_type = 'occupancy-report' AND entity_id = $1 ORDER BY id`,
        [first.body.id],
      );
      expect(events).toEqual([
        { action: 'reported', before: null },
        { action: 'replaced', before: { residents: maximum - 2, reportedBy: s.id('verhuurderA') } },
      ]);
    });

    it('opens an unannounced planning request (reden melding) when above the maximum, once while it is open', async () => {
      const over = await report(westland[0].locationId, { peildatum: '2026-03-02', aantalBewoners: maximum + 5 });
      expect(over.status).toBe(201);
      expect(over.body).toMatchObject({ bovenMaximum: true, maximaalAantalBewoners: maximum });
      expect(over.body).not.toHaveProperty('planningsverzoekId');
      const requests = await t.http
        .get('/v1/planningsverzoeken')
        .set(await as('admin'))
        .query({ paginaGrootte: 100 })
        .expect(200);
      const opened = requests.body.resultaten.filter((r: { locatieId: string }) => r.locatieId === westland[0].locationId);
      expect(opened).toEqual([
        expect.objectContaining({
          reden: 'melding',
          soort: 'onaangekondigd',
          status: 'open',
          certificaatnummer: westland[0].number,
          uiterlijk: '2026-03-16',
        }),
      ]);
      const second = await report(westland[0].locationId, { peildatum: '2026-03-01', aantalBewoners: maximum + 1 });
      expect(second.body).toMatchObject({ bovenMaximum: true });
      const [{ open }] = await t.sql<{ open: number }>(
        `SELECT count(*)::int AS open FROM planning_request WHERE location_id = $1 AND reason = 'melding' AND status = 'open'`,
        [westland[0].locationId],
      );
      expect(open).toBe(1);
    });

    it('refuses bad input naming the field, leaving the database as it was', async () => {
      const [{ before }] = await t.sql<{ before: number }>(`SELECT count(*)::int AS before FROM occupancy_report`);
      for (const [body, field] of [
        [{ peildatum: '2026-03-03', aantalBewoners: 3 }, 'peildatum'],
        [{ peildatum: '1999-12-31', aantalBewoners: 3 }, 'peildatum'],
        [{ peildatum: '2026-02-30', aantalBewoners: 3 }, 'peildatum'],
        [{ peildatum: '2026-03-01', aantalBewoners: 10_001 }, 'aantalBewoners'],
        [{ peildatum: '2026-03-01', aantalBewoners: -1 }, 'aantalBewoners'],
        [{ peildatum: '2026-03-01', aantalBewoners: 2.5 }, 'aantalBewoners'],
        [{ peildatum: '2026-03-01' }, 'aantalBewoners'],
      ] as const) {
        const response = await report(westland[2].locationId, body);
        expectProblem(response, 400);
        expect(invalidParamNames(response)).toContain(field);
      }
      const [{ after }] = await t.sql<{ after: number }>(`SELECT count(*)::int AS after FROM occupancy_report`);
      expect(after).toBe(before);
    });

    it('is the location’s own landlord’s: another landlord gets 404, the beheerder 403, a municipality cannot post', async () => {
      const body = { peildatum: '2026-03-01', aantalBewoners: 3 };
      expectProblem(await report(westland[2].locationId, body, 'verhuurderB'), 404);
      expectProblem(await report(westland[2].locationId, body, 'admin'), 403);
      expectProblem(await report(westland[2].locationId, body, 'municipality'), 403);
      expectProblem(await t.http.post(`/v1/locaties/${westland[2].locationId}/bezettingen`).send(body), 401);
    });

    it('is read by the landlord, the municipality of the area and the beheerder; not by another municipality or landlord', async () => {
      const path = `/v1/locaties/${westland[0].locationId}/bezettingen`;
      for (const who of ['verhuurderA', 'municipality', 'admin']) {
        const response = await t.http
          .get(path)
          .set(await as(who))
          .expect(200);
        expect(response.body.resultaten.map((r: { peildatum: string }) => r.peildatum)).toEqual(['2026-03-02', '2026-03-01']);
      }
      expectProblem(await t.http.get(path).set(await as('verhuurderB')), 404);
      const amsterdamOfficial = await t.http
        .post('/v1/gebruikers')
        .set(await as('admin'))
        .send({ email: 'in-amsterdam@scenario.test', wachtwoord: PASSWORD, naam: 'Amsterdam', rol: 'gemeente', gemeentecode: 'GM0363' })
        .expect(201);
      expect(amsterdamOfficial.body.id).toEqual(expect.any(String));
      expectProblem(await t.http.get(path).set(await as('amsterdam')), 404);
      expectProblem(await t.http.get(path).set(await as('auditor')), 403);
    });
  });

  it('names the certified locations that reported no day of a month: the monthly reminder’s hook', async () => {
    const missing = await t.app.get(OccupancyService).locationsMissingReport('2026-03');
    const ids = missing.map((m) => m.locationId);
    expect(ids).toEqual(expect.arrayContaining([westland[2].locationId, westland[3].locationId, amsterdam.locationId]));
    expect(ids).not.toContain(westland[0].locationId);
    expect(ids).not.toContain(westland[1].locationId);
    expect(ids).not.toContain(uncertified);
    expect(missing.find((m) => m.locationId === amsterdam.locationId)?.organisationId).toBe(s.id('landlordA'));
  });

  describe('GET /v1/statistieken', () => {
    let suspended: string;

    beforeAll(async () => {
      // A day later: one Westland certificate suspended, two complaints (one about a Westland location, one about nowhere known).
      clock.set(new Date('2026-03-03T10:00:00Z'));
      suspended = westland[3].number;
      await t.http
        .post(`/v1/certificaten/${suspended}/statuswijzigingen`)
        .set(await as('certifier'))
        .send({ status: 'geschorst', reden: 'Brandblusser ontbreekt' })
        .expect(201);
      await t.http
        .post('/v1/meldingen')
        .send({ certificaatnummer: westland[2].number, omschrijving: 'Te veel mensen', taal: 'nl' })
        .expect(201);
      await t.http
        .post('/v1/meldingen')
        .send({ adres: { postcode: '9999ZZ', huisnummer: 1 }, omschrijving: 'Onbekend adres', taal: 'nl' })
        .expect(201);
      await report(amsterdam.locationId, { peildatum: '2026-03-03', aantalBewoners: 4 }).then((r) => expect(r.status).toBe(201));
    });

    it('gives a municipality’s figures, equal to those of this test’s own data, and no address anywhere', async () => {
      const response = await statistics({ gemeentecode: 'GM1783' }).expect(200);
      expect(response.body).toEqual({
        gemeentecode: 'GM1783',
        gemeentenaam: 'Westland',
        peildatum: '2026-03-03',
        locaties: { geldig: 3, geschorst: 1, ingetrokken: 0, verlopen: 0 },
        maximaalAantalBewoners: 3 * maximum,
        // Each location's latest report: westland[0] on 2 March, westland[1] on 1 March.
        gemeldeBewoners: maximum + 5 + (maximum - 1),
        perSoortHuisvesting: {
          woning: { locaties: 3, maximaalAantalBewoners: 3 * maximum },
          logiesgebouw: { locaties: 0, maximaalAantalBewoners: 0 },
          huisvestingsunit: { locaties: 0, maximaalAantalBewoners: 0 },
          recreatiewoning: { locaties: 0, maximaalAantalBewoners: 0 },
          hotel: { locaties: 0, maximaalAantalBewoners: 0 },
        },
        verlooptBinnen90Dagen: 0,
        meldingenLaatste30Dagen: 1,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/Tuinbouwweg|2671/);
    });

    it('gives national totals without a gemeentecode, counting complaints matched to no location too', async () => {
      const response = await statistics().expect(200);
      expect(response.body).toMatchObject({
        gemeentecode: null,
        locaties: { geldig: 4, geschorst: 1, ingetrokken: 0, verlopen: 0 },
        maximaalAantalBewoners: 4 * maximum,
        gemeldeBewoners: maximum + 5 + (maximum - 1) + 4,
        perSoortHuisvesting: expect.objectContaining({ woning: { locaties: 4, maximaalAantalBewoners: 4 * maximum } }),
        meldingenLaatste30Dagen: 2,
      });
    });

    it('on an earlier peildatum: the statuses and reports of that day', async () => {
      const response = await statistics({ gemeentecode: 'GM1783', peildatum: '2026-03-02' }).expect(200);
      expect(response.body).toMatchObject({
        peildatum: '2026-03-02',
        locaties: { geldig: 4, geschorst: 0, ingetrokken: 0, verlopen: 0 },
        maximaalAantalBewoners: 4 * maximum,
        gemeldeBewoners: maximum + 5 + (maximum - 1),
        meldingenLaatste30Dagen: 0,
      });
      // Before the first certificate was issued; the reports about 1 March were there (sent on the 2nd, about the 1st).
      const before = await statistics({ gemeentecode: 'GM1783', peildatum: '2026-03-01' }).expect(200);
      expect(before.body.locaties).toEqual({ geldig: 0, geschorst: 0, ingetrokken: 0, verlopen: 0 });
      expect(before.body.gemeldeBewoners).toBe(maximum + 1 + (maximum - 1));
    });

    it('counts what expires within 90 days, and a geldig certificate past its last day as verlopen', async () => {
      clock.set(new Date('2027-01-15T10:00:00Z'));
      const soon = await statistics({ gemeentecode: 'GM1783' }).expect(200);
      expect(soon.body.verlooptBinnen90Dagen).toBe(3);
      clock.set(new Date('2027-03-10T10:00:00Z'));
      const later = await statistics({ gemeentecode: 'GM1783' }).expect(200);
      expect(later.body.locaties).toEqual({ geldig: 0, geschorst: 1, ingetrokken: 0, verlopen: 3 });
      expect(later.body.maximaalAantalBewoners).toBe(0);
      clock.set(new Date('2026-03-03T10:00:00Z'));
    });

    it('refuses a bad or unknown gemeentecode and a peildatum after today, naming the field', async () => {
      for (const [query, field] of [
        [{ gemeentecode: 'GM17830' }, 'gemeentecode'],
        [{ gemeentecode: 'GM9999' }, 'gemeentecode'],
        [{ peildatum: '2026-03-04' }, 'peildatum'],
        [{ peildatum: '1999-12-31' }, 'peildatum'],
        [{ peildatum: '2026-13-01' }, 'peildatum'],
      ] as const) {
        const response = await statistics(query);
        expectProblem(response, 400);
        expect(invalidParamNames(response)).toEqual([field]);
      }
    });
  });
});
