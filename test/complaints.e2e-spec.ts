import { formatCertificateNumber } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { createScenario, PASSWORD, Scenario } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';

/** A distinct client address per test, so the complaint rate limit of one test does not reach another. */
let clientSerial = 0;
const nextClient = () => `198.51.100.${++clientSerial}`;

const REFERENCE = /^M-2026-[2-9A-HJKMNP-TV-Z]{6}$/;

describe('complaints (meldingen): filing, reading, rate limit, unannounced inspections', () => {
  let t: TestApp;
  let s: Scenario;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let certified: { locationId: string; number: string };

  beforeAll(async () => {
    // The tests stand in for several residents by X-Forwarded-For, as a proxy in front would.
    t = await startTestApp({ clock, env: { TRUST_PROXY: 'true' } });
    s = await createScenario(t, 'mld');
    certified = await s.certifiedLocation({ huisnummer: 21 });
  });
  afterAll(() => t.close());

  const file = (body: unknown, client = nextClient()) =>
    t.http
      .post('/v1/meldingen')
      .set('X-Forwarded-For', client)
      .send(body as object);
  const stored = async (reference: string) => (await t.sql(`SELECT * FROM complaint WHERE reference = $1`, [reference]))[0];
  const counts = async () =>
    (
      await t.sql<{ complaints: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM complaint) AS complaints,
                (SELECT count(*)::int FROM event_log WHERE entity_type = 'complaint') AS events`,
      )
    )[0];

  describe('POST /v1/meldingen (anyone)', () => {
    it('takes a complaint by certificate number, ties it to the location and answers only a reference', async () => {
      const client = '203.0.113.77';
      const response = await file(
        { certificaatnummer: certified.number, omschrijving: '  W domu mieszka 20 osób.\r\nZa mało łazienek.  ', taal: 'pl' },
        client,
      );
      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['referentie']);
      expect(response.body.referentie).toMatch(REFERENCE);

      const row = await stored(response.body.referentie);
      expect(row).toMatchObject({
        certificate_number: certified.number,
        postcode: null,
        location_id: certified.locationId,
        flag: null,
        description: 'W domu mieszka 20 osób.\nZa mało łazienek.',
        language: 'pl',
        status: 'ontvangen',
        inspection_id: null,
      });
      expect(new Date(row.created_at as string).toISOString()).toBe('2026-12-01T10:00:00.000Z');

      // The complaint is in the event log, without its text; the client's address is nowhere.
      const events = await t.sql(
        `SELECT actor_kind, actor_id, action, after FROM event_log WHERE entity_type = 'complaint' AND entity_id = $1`,
        [row.id],
      );
      expect(events).toEqual([
        {
          actor_kind: 'public',
          actor_id: null,
          action: 'received',
          after: expect.objectContaining({
            reference: response.body.referentie,
            descriptionSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          }),
        },
      ]);
      expect(JSON.stringify(events)).not.toContain('łazienek');
      const everywhere = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n
           FROM (SELECT row_to_json(c)::text AS r FROM complaint c UNION ALL SELECT row_to_json(e)::text FROM event_log e) x
          WHERE r LIKE $1`,
        [`%${client}%`],
      );
      expect(everywhere[0].n).toBe(0);
    });

    it('takes a complaint by address, written any way, and finds the location', async () => {
      const response = await file({
        adres: { postcode: '2671 ab', huisnummer: 21 },
        omschrijving: 'Rookmelder doet het niet.',
        taal: 'nl',
      });
      expect(response.status).toBe(201);
      expect(await stored(response.body.referentie)).toMatchObject({
        postcode: '2671AB',
        house_number: 21,
        certificate_number: null,
        location_id: certified.locationId,
        flag: null,
      });
    });

    it('keeps a complaint about an unknown number or address, flagged, because the resident may have mistyped', async () => {
      const unknownNumber = formatCertificateNumber(2026, 999_999);
      const byNumber = await file({ certificaatnummer: unknownNumber, omschrijving: 'Prea mulți oameni.', taal: 'ro' });
      expect(byNumber.status).toBe(201);
      expect(await stored(byNumber.body.referentie)).toMatchObject({
        certificate_number: unknownNumber,
        location_id: null,
        flag: 'onbekend-certificaatnummer',
      });

      const byAddress = await file({
        adres: { postcode: '9999ZZ', huisnummer: 1, huisletter: 'b' },
        omschrijving: 'Няма топла вода.',
        taal: 'bg',
      });
      expect(byAddress.status).toBe(201);
      expect(await stored(byAddress.body.referentie)).toMatchObject({
        postcode: '9999ZZ',
        house_letter: 'B',
        location_id: null,
        flag: 'onbekend-adres',
      });
    });

    const wrongCheckDigit = (number: string) => number.slice(0, -1) + String((Number(number.slice(-1)) + 1) % 10);

    it.each<[string, unknown, string[]]>([
      ['nothing at all', {}, ['certificaatnummer', 'omschrijving', 'taal']],
      ['a number with a wrong check digit', { certificaatnummer: 'CHECK', omschrijving: 'x', taal: 'nl' }, ['certificaatnummer']],
      ['a malformed number', { certificaatnummer: 'KM-26-1', omschrijving: 'x', taal: 'nl' }, ['certificaatnummer']],
      [
        'a number and an address',
        { certificaatnummer: 'VALID', adres: { postcode: '2671AB', huisnummer: 21 }, omschrijving: 'x', taal: 'nl' },
        ['certificaatnummer'],
      ],
      [
        'a bad address',
        { adres: { postcode: '0123AB', huisnummer: 0, huisletter: 'ab', kamer: 3 }, omschrijving: 'x', taal: 'nl' },
        ['adres.huisletter', 'adres.huisnummer', 'adres.kamer', 'adres.postcode'],
      ],
      ['an address that is not an object', { adres: 'Tuinbouwweg 21', omschrijving: 'x', taal: 'nl' }, ['adres']],
      [
        'a blank description and an unknown language',
        { certificaatnummer: 'VALID', omschrijving: ' \n ', taal: 'de' },
        ['omschrijving', 'taal'],
      ],
      ['a description of 4001 characters', { certificaatnummer: 'VALID', omschrijving: 'ж'.repeat(4001), taal: 'bg' }, ['omschrijving']],
      ['an unknown field', { certificaatnummer: 'VALID', omschrijving: 'x', taal: 'nl', email: 'a@b.nl' }, ['email']],
      ['a body that is no object', ['x'], ['body']],
    ])('refuses %s with 400 naming each field, and writes nothing', async (_, body, names) => {
      const before = await counts();
      const resolved = JSON.parse(
        JSON.stringify(body)
          .replace('"VALID"', JSON.stringify(certified.number))
          .replace('"CHECK"', JSON.stringify(wrongCheckDigit(certified.number))),
      );
      const response = await file(resolved);
      expectProblem(response, 400);
      expect(invalidParamNames(response)).toEqual(names);
      expect(await counts()).toEqual(before);
    });

    const limitTitle = 'answers 429 problem+json with Retry-After after 5 complaints from one address in 10 minutes; ';
    it(limitTitle + 'refused input does not count', async () => {
      const client = '203.0.113.9';
      for (let i = 0; i < 3; i++) expectProblem(await file({ omschrijving: '' }, client), 400);
      for (let i = 0; i < 5; i++)
        expect((await file({ certificaatnummer: certified.number, omschrijving: `Klacht ${i}`, taal: 'nl' }, client)).status).toBe(201);
      const before = await counts();
      const limited = await file({ certificaatnummer: certified.number, omschrijving: 'Nog een', taal: 'nl' }, client);
      expectProblem(limited, 429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
      expect(await counts()).toEqual(before);

      // The page's form without JavaScript counts against the same limit (sent as the page sends it: its token and cookie).
      const page = await t.http.get(`/controleer/${certified.number}`);
      const form = await t.http
        .post('/controleer/melding')
        .set('X-Forwarded-For', client)
        .set(
          'Cookie',
          ([] as string[])
            .concat(page.headers['set-cookie'] ?? [])
            .map((c) => c.split(';')[0])
            .join('; '),
        )
        .type('form')
        .send({
          certificaatnummer: certified.number,
          omschrijving: 'Via het formulier',
          taal: 'nl',
          formulier: /name="formulier" value="([^"]+)"/.exec(page.text)?.[1],
        });
      expect(form.status).toBe(429);
      expect(form.headers['content-type']).toContain('text/html');
      expect(form.headers['retry-after']).toBeDefined();
      expect(await counts()).toEqual(before);

      // Another address is not affected; and ten minutes later this one may complain again.
      expect((await file({ certificaatnummer: certified.number, omschrijving: 'Ander adres', taal: 'nl' })).status).toBe(201);
      clock.advance(10 * 60_000 + 1000);
      expect((await file({ certificaatnummer: certified.number, omschrijving: 'Later', taal: 'nl' }, client)).status).toBe(201);
    });
  });

  describe('reading complaints (beheerder only)', () => {
    let id: string;
    beforeAll(async () => {
      const reference = (await file({ certificaatnummer: certified.number, omschrijving: 'Te lezen', taal: 'en' })).body.referentie;
      id = (await stored(reference)).id as string;
    });

    it.each([
      ['nobody', undefined, 401],
      ['a landlord', 'verhuurderA', 403],
      ['an auditor', 'auditor', 403],
      ['a certifier', 'certifier', 403],
      ['a municipality', 'municipality', 403],
    ])('refuses %s', async (_, who, status) => {
      const as = who ? s.as(who) : {};
      expectProblem(await t.http.get('/v1/meldingen').set(as), status);
      expectProblem(await t.http.get(`/v1/meldingen/${id}`).set(as), status);
      expectProblem(
        await t.http
          .post(`/v1/meldingen/${id}/inspecties`)
          .set(as)
          .send({ auditorId: s.id('auditor'), gepland: '2026-12-03T09:00:00+01:00' }),
        status,
      );
      expectProblem(await t.http.post(`/v1/meldingen/${id}/afhandelingen`).set(as).send({ toelichting: 'x' }), status);
    });

    it('shows one complaint whole', async () => {
      const response = await t.http.get(`/v1/meldingen/${id}`).set(s.as('admin'));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id,
        referentie: expect.stringMatching(REFERENCE),
        status: 'ontvangen',
        certificaatnummer: certified.number,
        adres: null,
        locatieId: certified.locationId,
        signalering: null,
        omschrijving: 'Te lezen',
        taal: 'en',
        inspectieId: null,
        toelichting: null,
        ontvangenOp: expect.stringMatching(/Z$/),
        gewijzigdOp: expect.stringMatching(/Z$/),
      });
      expectProblem(await t.http.get('/v1/meldingen/00000000-0000-4000-8000-000000000000').set(s.as('admin')), 404);
      const bad = await t.http.get('/v1/meldingen/abc').set(s.as('admin'));
      expectProblem(bad, 400);
      expect(invalidParamNames(bad)).toEqual(['id']);
    });

    it('pages the list, newest first, filtered by status and location', async () => {
      const { total } = (await t.sql<{ total: number }>(`SELECT count(*)::int AS total FROM complaint WHERE status = 'ontvangen'`))[0];
      const response = await t.http.get('/v1/meldingen').query({ status: 'ontvangen', paginaGrootte: 2 }).set(s.as('admin'));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ pagina: 1, paginaGrootte: 2, totaal: total });
      expect(response.body.resultaten).toHaveLength(2);
      expect(response.headers.link).toContain('rel="next"');
      const times = response.body.resultaten.map((c: { ontvangenOp: string }) => c.ontvangenOp);
      expect([...times].sort().reverse()).toEqual(times);

      const flagged = await t.http.get('/v1/meldingen').query({ paginaGrootte: 100 }).set(s.as('admin'));
      expect(flagged.body.resultaten.map((c: { signalering: string | null }) => c.signalering)).toEqual(
        expect.arrayContaining(['onbekend-certificaatnummer', 'onbekend-adres', null]),
      );

      const byLocation = await t.http
        .get('/v1/meldingen')
        .query({ locatieId: certified.locationId, paginaGrootte: 100 })
        .set(s.as('admin'));
      expect(byLocation.body.resultaten.every((c: { locatieId: string }) => c.locatieId === certified.locationId)).toBe(true);

      const bad = await t.http.get('/v1/meldingen').query({ status: 'open', paginaGrootte: 500 }).set(s.as('admin'));
      expectProblem(bad, 400);
      expect(invalidParamNames(bad)).toEqual(['paginaGrootte', 'status']);
    });
  });

  describe('POST /v1/meldingen/{id}/inspecties: an unannounced inspection from a complaint', () => {
    const newComplaint = async (body: object) =>
      (await stored((await file({ omschrijving: 'Inspecteren graag', taal: 'nl', ...body })).body.referentie)).id as string;
    const plan = (id: string, body: object) => t.http.post(`/v1/meldingen/${id}/inspecties`).set(s.as('admin')).send(body);

    it('plans it for the complaint’s location, links it and puts the complaint in hand', async () => {
      const id = await newComplaint({ certificaatnummer: certified.number });
      const response = await plan(id, { auditorId: s.id('auditor'), gepland: '2026-12-03T09:00:00+01:00' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        locatieId: certified.locationId,
        auditorId: s.id('auditor'),
        soort: 'onaangekondigd',
        status: 'gepland',
        gepland: '2026-12-03T08:00:00.000Z',
        normVersie: '2026.1',
      });

      const complaint = (await t.http.get(`/v1/meldingen/${id}`).set(s.as('admin'))).body;
      expect(complaint).toMatchObject({ status: 'in-behandeling', inspectieId: response.body.id });
      // The auditor sees the inspection among its own.
      expect((await t.http.get(`/v1/inspecties/${response.body.id}`).set(s.as('auditor'))).body).toMatchObject({ soort: 'onaangekondigd' });
      const events = await t.sql(`SELECT entity_type, action FROM event_log WHERE entity_id IN ($1, $2) ORDER BY id`, [
        id,
        response.body.id,
      ]);
      expect(events).toEqual([
        { entity_type: 'complaint', action: 'received' },
        { entity_type: 'inspection', action: 'planned' },
        { entity_type: 'complaint', action: 'inspection-planned' },
      ]);

      // One inspection per complaint.
      expectProblem(await plan(id, { auditorId: s.id('auditor'), gepland: '2026-12-04T09:00:00+01:00' }), 409);
    });

    it('refuses an auditor with a conflict of interest (409) and changes nothing', async () => {
      const email = 'mld-auditor2@scenario.test';
      const auditor2 = (
        await t.http
          .post('/v1/gebruikers')
          .set(s.as('admin'))
          .send({ email, wachtwoord: PASSWORD, naam: 'Auditor 2', rol: 'auditor', organisatieId: s.id('body') })
          .expect(201)
      ).body.id;
      await t.http
        .post('/v1/belangenverklaringen')
        .set(s.as('admin'))
        .send({ auditorId: auditor2, organisatieId: s.id('landlordA'), omschrijving: 'Zwager van de directeur' })
        .expect(201);
      const id = await newComplaint({ adres: { postcode: '2671AB', huisnummer: 21 } });
      const inspections = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM inspection`))[0].n;
      const before = await inspections();
      const response = await plan(id, { auditorId: auditor2, gepland: '2026-12-03T09:00:00+01:00' });
      expectProblem(response, 409);
      expect(response.body.detail).toContain('relation');
      expect(await inspections()).toBe(before);
      expect((await t.http.get(`/v1/meldingen/${id}`).set(s.as('admin'))).body).toMatchObject({ status: 'ontvangen', inspectieId: null });
    });

    it('refuses a complaint without a known location (409), and bad input (400 naming fields)', async () => {
      const flagged = await newComplaint({ certificaatnummer: formatCertificateNumber(2026, 999_998) });
      expectProblem(await plan(flagged, { auditorId: s.id('auditor'), gepland: '2026-12-03T09:00:00+01:00' }), 409);

      const id = await newComplaint({ certificaatnummer: certified.number });
      const bad = await plan(id, { auditorId: 'nobody', gepland: '3 december', soort: 'periodiek' });
      expectProblem(bad, 400);
      expect([...new Set(invalidParamNames(bad))]).toEqual(['auditorId', 'gepland', 'soort']);
      const unknown = await plan(id, { auditorId: s.id('certifier'), gepland: '2026-12-03T09:00:00Z' });
      expectProblem(unknown, 400);
      expect(invalidParamNames(unknown)).toEqual(['auditorId']);
      expectProblem(
        await plan('00000000-0000-4000-8000-000000000000', { auditorId: s.id('auditor'), gepland: '2026-12-03T09:00:00Z' }),
        404,
      );
    });

    it('closes a complaint with a note; closed is final', async () => {
      const id = await newComplaint({ certificaatnummer: certified.number });
      const closed = await t.http.post(`/v1/meldingen/${id}/afhandelingen`).set(s.as('admin')).send({ toelichting: 'Dubbele melding.' });
      expect(closed.status).toBe(201);
      expect(closed.body).toMatchObject({ status: 'afgehandeld', toelichting: 'Dubbele melding.' });
      expectProblem(await t.http.post(`/v1/meldingen/${id}/afhandelingen`).set(s.as('admin')).send({ toelichting: 'Nogmaals' }), 409);
      expectProblem(await plan(id, { auditorId: s.id('auditor'), gepland: '2026-12-03T09:00:00Z' }), 409);
      const blank = await t.http.post(`/v1/meldingen/${id}/afhandelingen`).set(s.as('admin')).send({ toelichting: 5 });
      expectProblem(blank, 400);
      expect([...new Set(invalidParamNames(blank))]).toEqual(['toelichting']);
    });
  });
});
