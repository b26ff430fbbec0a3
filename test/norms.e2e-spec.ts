import { DataSource } from 'typeorm';
import { SystemClock } from '@keurmerk/common';
import { dataSourceOptions } from '@keurmerk/database';
import { EventLog, EventLogRepository, type ChainVerdict } from '@keurmerk/events';
import { criteriaOf, DEFAULT_NORM, normToContract, type NormDocument } from '@keurmerk/norm';
import { NormVersionEntity, NormVersionRepository, NormVersionService } from '@keurmerk/norm-versions';
import { accounts, bearer } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, usingRealPostgres } from './support/test-database';

describe('norm versions: the default norm, concepts and publication', () => {
  let t: TestApp;
  let admin: string;
  const others: Record<string, string> = {};

  const auth = bearer;
  const counts = async () =>
    (
      await t.sql<{ versions: number; events: number }>(
        `SELECT (SELECT count(*) FROM norm_version)::int AS versions, (SELECT count(*) FROM event_log)::int AS events`,
      )
    )[0];
  const eventsOf = (version: string) =>
    t.sql<{ actor_kind: string; actor_id: string | null; action: string }>(
      `SELECT actor_kind, actor_id, action FROM event_log WHERE entity_type = 'norm-version' AND entity_id = $1 ORDER BY id`,
      [version],
    );
  const verifyChain = (): Promise<ChainVerdict> => t.app.get(EventLog).verify();
  /** The default norm as contract JSON, re-versioned: the natural start of a next version. */
  const draft = (versie: string, ingangsdatum = '2027-01-01'): NormDocument => ({
    ...(JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as NormDocument),
    versie,
    ingangsdatum,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const made = accounts(t);
    const landlord = await made.organisation('Flex Wonen B.V.', '12345678', 'verhuurder');
    const body = await made.organisation('Inspectie Noord', '34567890', 'inspectie-instelling', { accreditatieGeldigTot: '2030-01-01' });
    const users: [string, Record<string, string>][] = [
      ['verhuurder', { organisatieId: landlord }],
      ['auditor', { organisatieId: body }],
      ['certificeerder', {}],
      ['gemeente', { gemeentecode: 'GM0363' }],
    ];
    for (const [rol, extra] of users) others[rol] = (await made.user(`${rol}@keurmerk.test`, rol, extra, rol)).token;
  });
  afterAll(() => t.close());

  describe('the default norm 2026.1', () => {
    it('is published after the first start, and listed without authentication', async () => {
      const response = await t.http.get('/v1/normen');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        resultaten: [
          {
            versie: '2026.1',
            status: 'gepubliceerd',
            ingangsdatum: '2026-01-01',
            gepubliceerdOp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
          },
        ],
        pagina: 1,
        paginaGrootte: 20,
        totaal: 1,
      });
      expect(response.headers.link).toContain('rel="first"');
    });

    it('is served whole, with every criterion and its measured rules, to anyone', async () => {
      const response = await t.http.get('/v1/normen/2026.1');
      expect(response.status).toBe(200);
      expect(response.body).toEqual(normToContract(DEFAULT_NORM));
      const criteria = (response.body as NormDocument).secties.flatMap((s) => s.criteria);
      expect(criteria).toHaveLength(27);
      expect(criteria.filter((c) => c.soort === 'meting')).toHaveLength(11);
      expect(criteria.find((c) => c.code === 'VZ-02')).toMatchObject({
        soort: 'meting',
        eenheid: 'aantal',
        personenPerEenheid: 2,
        minimumEenheden: 4,
        minimumPersonen: 8,
      });
      expect(criteria.find((c) => c.code === 'RU-01')).toMatchObject({
        minimumPerPersoon: 12,
        varianten: [
          { nieuwbouw: true, minimumPerPersoon: 15 },
          { soortHuisvesting: 'hotel', minimumPerPersoon: 15 },
          { soortHuisvesting: 'logiesgebouw', minimumPerPersoon: 10 },
        ],
      });
      expect(criteria.find((c) => c.code === 'BV-04')).toMatchObject({ soort: 'ja-nee', nvtToegestaan: true });
    });

    it('is installed once, by the system, however often and however concurrently start-up runs', async () => {
      const before = await counts();
      const service = t.app.get(NormVersionService);
      await Promise.all([service.ensureDefaultNorm(), service.ensureDefaultNorm()]);
      await service.ensureDefaultNorm();
      expect(await counts()).toEqual(before);
      expect(await eventsOf('2026.1')).toEqual([{ actor_kind: 'system', actor_id: null, action: 'created' }]);
    });

    it('is the model other features read', async () => {
      const service = t.app.get(NormVersionService);
      const norm = await service.getPublished('2026.1');
      expect(norm).toEqual(DEFAULT_NORM);
      expect(criteriaOf(norm)).toHaveLength(27);
      expect(Object.isFrozen(norm)).toBe(true);
      expect((await service.currentPublished('2026-06-01')).version).toBe('2026.1');
      // Before any version took effect, the newest published one still applies.
      expect((await service.currentPublished('2025-06-01')).version).toBe('2026.1');
      await expect(service.getPublished('2031.1')).rejects.toMatchObject({ code: 'not-found' });
    });

    it('cannot be edited or published again', async () => {
      const before = await counts();
      expectProblem(await t.http.put('/v1/normen/2026.1').set(auth(admin)).send(draft('2026.1')), 409);
      expectProblem(await t.http.post('/v1/normen/2026.1/publicaties').set(auth(admin)), 409);
      expect(await counts()).toEqual(before);
    });
  });

  describe('a concept from creation to publication', () => {
    it('is created by a beheerder as a concept, whatever status the body claims', async () => {
      const before = await counts();
      const response = await t.http
        .post('/v1/normen')
        .set(auth(admin))
        .send({ ...draft('2026.2', '2026-07-01'), status: 'gepubliceerd' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ ...draft('2026.2', '2026-07-01'), status: 'concept' });
      expect(await counts()).toEqual({ versions: before.versions + 1, events: before.events + 1 });
      const [row] = await t.sql<{ status: string; published_at: Date | null }>(
        `SELECT status, published_at FROM norm_version WHERE version = '2026.2'`,
      );
      expect(row).toEqual({ status: 'concept', published_at: null });
    });

    it('is edited by a beheerder', async () => {
      const edited = draft('2026.2', '2026-07-01');
      edited.secties[0].criteria[0].titel = 'Gebruiksoppervlakte (GBO, NEN 2580)';
      edited.secties[0].criteria[0].minimumPerPersoon = 13;
      const response = await t.http.put('/v1/normen/2026.2').set(auth(admin)).send(edited);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...edited, status: 'concept' });
      expect((await t.http.get('/v1/normen/2026.2').set(auth(admin))).body.secties[0].criteria[0]).toMatchObject({
        titel: 'Gebruiksoppervlakte (GBO, NEN 2580)',
        minimumPerPersoon: 13,
      });
    });

    it('is published by a beheerder, and from then on is public', async () => {
      const response = await t.http.post('/v1/normen/2026.2/publicaties').set(auth(admin));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ versie: '2026.2', status: 'gepubliceerd', gepubliceerdOp: expect.stringMatching(/Z$/) });
      const [row] = await t.sql<{ status: string; published_at: Date }>(
        `SELECT status, published_at FROM norm_version WHERE version = '2026.2'`,
      );
      expect(row.status).toBe('gepubliceerd');
      expect(row.published_at.toISOString()).toBe(response.body.gepubliceerdOp);
      const document = await t.http.get('/v1/normen/2026.2');
      expect(document.status).toBe(200);
      expect(document.body).toMatchObject({ versie: '2026.2', status: 'gepubliceerd', ingangsdatum: '2026-07-01' });
    });

    it('is then frozen: editing or publishing it again is a conflict that changes nothing', async () => {
      const before = await counts();
      expectProblem(await t.http.put('/v1/normen/2026.2').set(auth(admin)).send(draft('2026.2')), 409);
      expectProblem(await t.http.post('/v1/normen/2026.2/publicaties').set(auth(admin)), 409);
      expect(await counts()).toEqual(before);
    });

    it('left one event per change, by the beheerder, in a chain that verifies', async () => {
      const me = (await t.http.get('/v1/gebruikers/mij').set(auth(admin))).body.id as string;
      expect(await eventsOf('2026.2')).toEqual([
        { actor_kind: 'person', actor_id: me, action: 'created' },
        { actor_kind: 'person', actor_id: me, action: 'updated' },
        { actor_kind: 'person', actor_id: me, action: 'published' },
      ]);
      type Snapshot = { definition: { sections: { criteria: { minimumPerPerson?: number }[] }[] } };
      const [updated] = await t.sql<{ before: Snapshot; after: Snapshot }>(
        `SELECT before, after FROM event_log WHERE entity_type = 'norm-version' AND entity_id = '2026.2' AND action = 'updated'`,
      );
      expect(updated.before.definition.sections[0].criteria[0].minimumPerPerson).toBe(12);
      expect(updated.after.definition.sections[0].criteria[0].minimumPerPerson).toBe(13);
      expect(await verifyChain()).toEqual({ valid: true, checked: (await counts()).events });
    });

    it('becomes the version pinned to inspections planned from its effective date', async () => {
      const service = t.app.get(NormVersionService);
      expect((await service.currentPublished('2026-06-30')).version).toBe('2026.1');
      expect((await service.currentPublished('2026-07-01')).version).toBe('2026.2');
      expect((await service.currentPublished('2025-01-01')).version).toBe('2026.2');
      expect((await service.getPublished('2026.2')).status).toBe('published');
    });

    it('refuses a version that already exists with 409, writing nothing', async () => {
      const before = await counts();
      expectProblem(await t.http.post('/v1/normen').set(auth(admin)).send(draft('2026.1')), 409);
      expectProblem(await t.http.post('/v1/normen').set(auth(admin)).send(draft('2026.2')), 409);
      expect(await counts()).toEqual(before);
    });
  });

  describe('invalid input', () => {
    const broken = () => {
      const document = draft('2027.1') as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      document.ingangsdatum = '2027-02-30';
      document.auteur = 'beheerder';
      document.secties[0].criteria[0].punten = 0;
      document.secties[1].criteria[1].code = 'RU-01';
      document.secties[2].criteria[0].ernst = 'minor';
      document.secties[7].criteria[0].nvtToegestaan = true;
      return document;
    };
    const expectedNames = [
      'auteur',
      'ingangsdatum',
      'secties[0].criteria[0].punten',
      'secties[1].criteria[1].code',
      'secties[2].criteria[0].ernst',
      'secties[7].criteria[0].nvtToegestaan',
    ];

    it('names every problem of a document at once, by its JSON path, and writes nothing', async () => {
      const before = await counts();
      const response = await t.http.post('/v1/normen').set(auth(admin)).send(broken());
      expectProblem(response, 400);
      expect(invalidParamNames(response)).toEqual(expectedNames);
      expect(response.body.invalidParams.find((p: { name: string }) => p.name === 'auteur').code).toBe('unknown-field');
      expect(await counts()).toEqual(before);
    });

    it('names every problem of an edit too, including a versie that is not the addressed one', async () => {
      await t.http.post('/v1/normen').set(auth(admin)).send(draft('2027.1')).expect(201);
      const before = await counts();
      const response = await t.http
        .put('/v1/normen/2027.1')
        .set(auth(admin))
        .send({ ...broken(), versie: '2027.2' });
      expectProblem(response, 400);
      expect(invalidParamNames(response)).toEqual([...expectedNames, 'versie'].sort());
      const mismatch = await t.http.put('/v1/normen/2027.1').set(auth(admin)).send(draft('2027.2'));
      expectProblem(mismatch, 400);
      expect(invalidParamNames(mismatch)).toEqual(['versie']);
      expect(await counts()).toEqual(before);
      expect((await t.http.get('/v1/normen/2027.1').set(auth(admin))).body).toEqual({ ...draft('2027.1'), status: 'concept' });
    });

    it.each([
      ['a list', '[]'],
      ['a string', '"norm"'],
      ['a number', '5'],
      ['null', 'null'],
    ])('refuses a body that is %s with 400 naming body', async (_label, json) => {
      const before = await counts();
      for (const response of [
        await t.http.post('/v1/normen').set(auth(admin)).set('Content-Type', 'application/json').send(json),
        await t.http.put('/v1/normen/2027.1').set(auth(admin)).set('Content-Type', 'application/json').send(json),
      ]) {
        expectProblem(response, 400);
        expect(invalidParamNames(response)).toEqual(['body']);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a request without a body, or with unreadable JSON, with 400 naming body', async () => {
      const none = await t.http.post('/v1/normen').set(auth(admin));
      expectProblem(none, 400);
      expect(invalidParamNames(none)).toEqual(['body']);
      const garbled = await t.http.post('/v1/normen').set(auth(admin)).set('Content-Type', 'application/json').send('{"versie":');
      expectProblem(garbled, 400);
      expect(invalidParamNames(garbled)).toEqual(['body']);
    });

    it.each(['abc', '2026', '2026.0', '26.1', '2026.1-beta', '2026.1%27%20OR%201=1', '%00'])(
      'refuses the path version %s with 400 naming versie',
      async (versie) => {
        for (const response of [
          await t.http.get(`/v1/normen/${versie}`),
          await t.http.put(`/v1/normen/${versie}`).set(auth(admin)).send(draft('2027.1')),
          await t.http.post(`/v1/normen/${versie}/publicaties`).set(auth(admin)),
        ]) {
          expectProblem(response, 400);
          expect(invalidParamNames(response)).toEqual(['versie']);
        }
      },
    );

    it('answers 404 for a well-formed version that does not exist', async () => {
      expectProblem(await t.http.get('/v1/normen/2031.1'), 404);
      expectProblem(await t.http.put('/v1/normen/2031.1').set(auth(admin)).send(draft('2031.1')), 404);
      expectProblem(await t.http.post('/v1/normen/2031.1/publicaties').set(auth(admin)), 404);
      expectProblem(await t.http.get('/v1/normen/'), 404);
    });
  });

  describe('who may do what', () => {
    it.each(['verhuurder', 'auditor', 'certificeerder', 'gemeente'])(
      'refuses every write to a %s with 403, writing nothing',
      async (rol) => {
        const before = await counts();
        expectProblem(await t.http.post('/v1/normen').set(auth(others[rol])).send(draft('2028.1')), 403);
        expectProblem(await t.http.put('/v1/normen/2027.1').set(auth(others[rol])).send(draft('2027.1')), 403);
        expectProblem(await t.http.post('/v1/normen/2027.1/publicaties').set(auth(others[rol])), 403);
        expect(await counts()).toEqual(before);
      },
    );

    it('refuses every write without authentication with 401', async () => {
      const before = await counts();
      expectProblem(await t.http.post('/v1/normen').send(draft('2028.1')), 401);
      expectProblem(await t.http.put('/v1/normen/2027.1').send(draft('2027.1')), 401);
      expectProblem(await t.http.post('/v1/normen/2027.1/publicaties'), 401);
      expect(await counts()).toEqual(before);
    });

    it('shows a concept to a beheerder only: for anyone else it does not exist', async () => {
      expect((await t.http.get('/v1/normen/2027.1').set(auth(admin))).body.status).toBe('concept');
      expectProblem(await t.http.get('/v1/normen/2027.1'), 404);
      for (const token of Object.values(others)) expectProblem(await t.http.get('/v1/normen/2027.1').set(auth(token)), 404);

      const versions = async (token?: string) => {
        const request = t.http.get('/v1/normen');
        return ((await (token ? request.set(auth(token)) : request)).body.resultaten as { versie: string }[]).map((v) => v.versie);
      };
      expect(await versions(admin)).toEqual(['2027.1', '2026.2', '2026.1']);
      expect(await versions()).toEqual(['2026.2', '2026.1']);
      expect(await versions(others.verhuurder)).toEqual(['2026.2', '2026.1']);
      await expect(t.app.get(NormVersionService).getPublished('2027.1')).rejects.toMatchObject({ code: 'not-found' });
    });
  });

  describe('the list', () => {
    it('orders by version number, not as text, and pages with a Link header', async () => {
      for (const versie of ['2027.9', '2027.10']) await t.http.post('/v1/normen').set(auth(admin)).send(draft(versie)).expect(201);
      const all = await t.http.get('/v1/normen').set(auth(admin));
      expect(all.body.resultaten.map((v: { versie: string }) => v.versie)).toEqual(['2027.10', '2027.9', '2027.1', '2026.2', '2026.1']);
      expect(all.body.resultaten[1]).toEqual({ versie: '2027.9', status: 'concept', ingangsdatum: '2027-01-01' });

      const page = await t.http.get('/v1/normen?pagina=2&paginaGrootte=2').set(auth(admin));
      expect(page.body).toMatchObject({ pagina: 2, paginaGrootte: 2, totaal: 5 });
      expect(page.body.resultaten.map((v: { versie: string }) => v.versie)).toEqual(['2027.1', '2026.2']);
      expect(page.headers.link).toContain('rel="next"');
      expect(page.headers.link).toContain('rel="prev"');
      expectProblem(await t.http.get('/v1/normen?paginaGrootte=101'), 400);
      expect((await t.app.get(NormVersionService).list()).map((v) => v.version)).toEqual([
        '2027.10',
        '2027.9',
        '2027.1',
        '2026.2',
        '2026.1',
      ]);
    });
  });

  describe('the database as the last line', () => {
    it('turns the immutability trigger into a 409 when a change gets past the status check', async () => {
      const service = t.app.get(NormVersionService);
      type Lock = (manager: unknown, version: string) => Promise<{ status: string }>;
      const internals = service as unknown as { lockVersion: Lock };
      const lockVersion = internals.lockVersion;
      // A stale read: the service believes the published version is still a concept.
      internals.lockVersion = async (manager, version) => ({ ...(await lockVersion.call(service, manager, version)), status: 'concept' });
      const before = await counts();
      try {
        expectProblem(await t.http.put('/v1/normen/2026.2').set(auth(admin)).send(draft('2026.2')), 409);
        expectProblem(await t.http.post('/v1/normen/2026.2/publicaties').set(auth(admin)), 409);
      } finally {
        internals.lockVersion = lockVersion;
      }
      expect(await counts()).toEqual(before);
      expect((await t.http.get('/v1/normen/2026.2')).body.secties[0].criteria[0].minimumPerPersoon).toBe(13);
    });
  });

  describe('the event log', () => {
    it('holds an intact chain after everything above, refusals and rollbacks included', async () => {
      const [{ events }] = await t.sql<{ events: number }>(
        `SELECT count(*)::int AS events FROM event_log WHERE entity_type = 'norm-version'`,
      );
      // 2026.1 by the system; 2026.2 created, updated, published; 2027.1, 2027.9, 2027.10 created.
      expect(events).toBe(7);
      expect(await verifyChain()).toEqual({ valid: true, checked: (await counts()).events });
    });
  });

  describe('the OpenAPI document', () => {
    it('describes the norm document as request and response', async () => {
      const { paths, components } = (await t.http.get('/v1/openapi.json')).body;
      const create = paths['/normen'].post;
      expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NormDraftDto' });
      expect(create.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NormDocumentDto' });
      expect(paths['/normen/{versie}'].put.requestBody.content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/NormDraftDto',
      });
      expect(paths['/normen/{versie}/publicaties'].post.responses['201'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/NormPublicationDto',
      });
      expect(paths['/normen/{versie}'].get.parameters).toEqual([
        expect.objectContaining({
          name: 'versie',
          in: 'path',
          required: true,
          schema: expect.objectContaining({ pattern: expect.any(String) }),
        }),
      ]);
      expect(components.schemas.NormCriterionDto.properties).toHaveProperty('varianten');
      expect(components.schemas.NormSectionDto.properties.criteria).toEqual({
        type: 'array',
        minItems: 1,
        maxItems: 200,
        items: { $ref: '#/components/schemas/NormCriterionDto' },
      });
    });
  });

  describe('processes starting at once', () => {
    // PGlite has one session, so separate processes cannot share it; on PostgreSQL this runs.
    const onPostgres = usingRealPostgres ? it : it.skip;

    onPostgres('install the default norm and its event exactly once between them', async () => {
      const database = await createTestDatabase();
      const clock = new SystemClock();
      const sources = [1, 2, 3, 4].map(() => new DataSource(dataSourceOptions({ url: database.url, poolSize: 2 }, [NormVersionEntity])));
      try {
        await Promise.all(sources.map((source) => source.initialize()));
        const services = sources.map(
          (source) =>
            new NormVersionService(source, new NormVersionRepository(source), new EventLog(new EventLogRepository(source), clock), clock),
        );
        await Promise.all(services.map((service) => service.ensureDefaultNorm()));
        expect(await sources[0].query(`SELECT version, status FROM norm_version`)).toEqual([{ version: '2026.1', status: 'gepubliceerd' }]);
        expect(await sources[0].query(`SELECT actor_kind, entity_id, action FROM event_log`)).toEqual([
          { actor_kind: 'system', entity_id: '2026.1', action: 'created' },
        ]);
        expect(await services[1].getPublished('2026.1')).toEqual(DEFAULT_NORM);
      } finally {
        await Promise.all(sources.filter((source) => source.isInitialized).map((source) => source.destroy()));
        await database.drop();
      }
    });
  });
});
