import { createScenario, PASSING_MEASUREMENTS, type Scenario, YES_NO_CODES, withNotice } from './support/scenario';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Unannounced stays unannounced (CONTRACT "Closed quality control"): until its auditor submits it, an
 * `onaangekondigd` inspection does not exist for the landlord, on any route that reaches inspections,
 * and planning it moves nothing the landlord can read. After submission it is an inspection like any other.
 */
describe('an unannounced inspection and the landlord', () => {
  let t: TestApp;
  let s: Scenario;
  let locationId: string;
  let inspectionId: string;

  const landlordSees = async () => {
    const list = await t.http.get('/v1/inspecties').set(s.as('verhuurderA')).query({ paginaGrootte: 100 }).expect(200);
    const ofLocation = await t.http.get('/v1/inspecties').set(s.as('verhuurderA')).query({ locatieId: locationId }).expect(200);
    return {
      listed: (list.body.resultaten as { id: string }[]).some((i) => i.id === inspectionId),
      total: ofLocation.body.totaal as number,
    };
  };
  const subRoutes = () => [
    `/v1/inspecties/${inspectionId}`,
    `/v1/inspecties/${inspectionId}/antwoorden`,
    `/v1/inspecties/${inspectionId}/bewijsstukken`,
    `/v1/inspecties/${inspectionId}/besluit`,
  ];
  const answer = (code: string, body: object) =>
    t.http.put(`/v1/inspecties/${inspectionId}/antwoorden/${code}`).set(s.as('auditor')).send(body).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'ua');
    ({ locationId } = await s.certifiedLocation());
  }, 300_000);
  afterAll(() => t?.close());

  it('is absent from the landlord’s list and 404 on its id and every sub-resource while planned', async () => {
    const before = await landlordSees();
    const planned = await t.http
      .post('/v1/inspecties')
      .set(s.as('admin'))
      .send({ locatieId: locationId, auditorId: s.id('auditor'), soort: 'onaangekondigd', gepland: new Date().toISOString() })
      .expect(201);
    inspectionId = planned.body.id;

    expect(await landlordSees()).toEqual({ listed: false, total: before.total });
    for (const path of subRoutes()) {
      const response = await t.http.get(path).set(s.as('verhuurderA'));
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    // Staff and its auditor see it as before.
    await t.http.get(`/v1/inspecties/${inspectionId}`).set(s.as('auditor')).expect(200);
    await t.http.get(`/v1/inspecties/${inspectionId}`).set(s.as('certifier')).expect(200);
    const all = await t.http.get('/v1/inspecties').set(s.as('admin')).query({ locatieId: locationId }).expect(200);
    expect((all.body.resultaten as { id: string }[]).map((i) => i.id)).toContain(inspectionId);
  });

  it('stays hidden while the auditor answers, and the landlord’s guess at an id learns nothing', async () => {
    await answer('RU-01', { meetwaarde: PASSING_MEASUREMENTS['RU-01'] });
    expect((await landlordSees()).listed).toBe(false);
    const hidden = await t.http.get(`/v1/inspecties/${inspectionId}`).set(s.as('verhuurderA'));
    const unknown = await t.http.get('/v1/inspecties/00000000-0000-4000-8000-000000000000').set(s.as('verhuurderA'));
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe(unknown.body.detail);
    expect(hidden.body.title).toBe(unknown.body.title);
  });

  it('becomes visible to the landlord once submitted, with its findings', async () => {
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS)) await answer(code, { meetwaarde });
    for (const code of YES_NO_CODES) {
      await answer(
        code,
        code === 'BH-02' ? { resultaat: 'voldoet-niet', opmerking: 'Klachtenregeling niet bekend' } : { resultaat: 'voldoet' },
      );
    }
    await t.http.post(`/v1/inspecties/${inspectionId}/indieningen`).set(s.as('auditor')).expect(201);

    expect((await landlordSees()).listed).toBe(true);
    const seen = await t.http.get(`/v1/inspecties/${inspectionId}`).set(s.as('verhuurderA')).expect(200);
    expect(seen.body).toMatchObject({ id: inspectionId, soort: 'onaangekondigd', status: 'ingediend' });
    await t.http.get(`/v1/inspecties/${inspectionId}/antwoorden`).set(s.as('verhuurderA')).expect(200);
    const findings = await t.http.get('/v1/bevindingen').set(s.as('verhuurderA')).query({ locatieId: locationId }).expect(200);
    expect((findings.body.resultaten as { criteriumCode: string }[]).map((f) => f.criteriumCode)).toContain('BH-02');
    // Another landlord still does not see it.
    await t.http.get(`/v1/inspecties/${inspectionId}`).set(s.as('verhuurderB')).expect(404);
  });

  it('does not move the landlord’s open application when planned', async () => {
    const other = await s.location();
    const application = await t.http.post('/v1/aanvragen').set(s.as('verhuurderA')).send({ locatieId: other }).expect(201);
    await t.http
      .post('/v1/inspecties')
      .set(s.as('admin'))
      .send({ locatieId: other, auditorId: s.id('auditor'), soort: 'onaangekondigd', gepland: new Date().toISOString() })
      .expect(201);
    const after = await t.http.get(`/v1/aanvragen/${application.body.id}`).set(s.as('verhuurderA')).expect(200);
    expect(after.body.status).toBe('ingediend');
    // An announced one does, as before.
    await t.http
      .post('/v1/inspecties')
      .set(s.as('admin'))
      .send({ locatieId: other, auditorId: s.id('auditor'), soort: 'initieel', gepland: withNotice(t.now()) })
      .expect(201);
    expect((await t.http.get(`/v1/aanvragen/${application.body.id}`).set(s.as('verhuurderA')).expect(200)).body.status).toBe(
      'in-behandeling',
    );
  });
});
