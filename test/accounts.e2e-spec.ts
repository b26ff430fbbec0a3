import { accounts, bearer } from './support/scenario';
import { ADMIN, expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';

describe('accounts: organisations, users, tokens, API keys', () => {
  let t: TestApp;
  let admin: string;
  let landlordOrgId: string;
  let otherLandlordOrgId: string;
  let inspectionBodyId: string;

  const auth = bearer;
  const counts = async () =>
    (
      await t.sql<{ o: number; u: number; k: number }>(
        `SELECT (SELECT count(*) FROM organisation)::int AS o, (SELECT count(*) FROM user_account)::int AS u, (SELECT count(*) FROM ` +
          `api_key)::int AS k`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const create = accounts(t).organisation;
    landlordOrgId = await create('Flex Wonen B.V.', '12345678', 'verhuurder');
    otherLandlordOrgId = await create('Agri Huisvesting B.V.', '23456789', 'verhuurder');
    inspectionBodyId = await create('Inspectie Noord', '34567890', 'inspectie-instelling');
  });
  afterAll(() => t.close());

  describe('the first beheerder', () => {
    it('comes from KEURMERK_ADMIN_EMAIL/PASSWORD and can sign in', async () => {
      const me = await t.http.get('/v1/gebruikers/mij').set(auth(admin));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ADMIN.email, rol: 'beheerder', actief: true });
      expect(me.body).not.toHaveProperty('passwordHash');
      expect(me.body).not.toHaveProperty('wachtwoord');
    });

    it('is stored as an argon2id hash, never in plain text', async () => {
      const [row] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM user_account WHERE email = $1`, [ADMIN.email]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });
  });

  describe('POST /v1/tokens', () => {
    it('issues a short-lived bearer token', async () => {
      const response = await t.http.post('/v1/tokens').send({ email: ADMIN.email.toUpperCase(), wachtwoord: ADMIN.password });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ accessToken: expect.stringMatching(/^ey/), tokenType: 'Bearer', expiresIn: 900 });
    });

    it('answers unknown e-mail and wrong password the same way', async () => {
      const unknown = await t.http.post('/v1/tokens').send({ email: 'nobody@keurmerk.test', wachtwoord: ADMIN.password });
      const wrong = await t.http.post('/v1/tokens').send({ email: ADMIN.email, wachtwoord: 'wrong-password-123' });
      expectProblem(unknown, 401);
      expectProblem(wrong, 401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('refuses a bad body with every problem named', async () => {
      const response = await t.http.post('/v1/tokens').send({ email: 'not-an-email', wachtwoord: 5, extra: true });
      expectProblem(response, 400);
      expect([...new Set(invalidParamNames(response))]).toEqual(['email', 'extra', 'wachtwoord']);
      expect(response.body.invalidParams.find((p: { name: string }) => p.name === 'extra').code).toBe('unknown-field');
    });

    it('refuses a tampered or foreign token with 401', async () => {
      const [header, payload] = admin.split('.');
      const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      expectProblem(await t.http.get('/v1/gebruikers/mij').set(auth(forged)), 401);
      expectProblem(await t.http.get('/v1/gebruikers/mij').set('Authorization', 'Basic abc'), 401);
      expectProblem(await t.http.get('/v1/gebruikers/mij'), 401);
    });
  });

  describe('organisations', () => {
    it('refuses a duplicate KvK number with 409 and writes nothing', async () => {
      const before = await counts();
      const response = await t.http
        .post('/v1/organisaties')
        .set(auth(admin))
        .send({ naam: 'Copy', kvkNummer: '12345678', soort: 'verhuurder' });
      expectProblem(response, 409);
      expect(await counts()).toEqual(before);
    });

    it.each([
      [{ naam: '', kvkNummer: '1234567', soort: 'huurder' }, ['kvkNummer', 'naam', 'soort']],
      [{ naam: 'X', kvkNummer: 12345678, soort: 'verhuurder' }, ['kvkNummer']],
      [{ naam: 'X'.repeat(201), kvkNummer: '12345678', soort: 'verhuurder' }, ['naam']],
      [{ naam: 'X', kvkNummer: '1234567\u0000', soort: 'verhuurder' }, ['kvkNummer']],
      [{ naam: 'X', kvkNummer: '99999999', soort: 'verhuurder', accreditatieGeldigTot: '2026-02-30' }, ['accreditatieGeldigTot']],
      [{ naam: { $ne: 1 }, kvkNummer: "1' OR 1=1 --", soort: 'verhuurder' }, ['kvkNummer', 'naam']],
    ])('refuses %j naming %j, writing nothing', async (body, names) => {
      const before = await counts();
      const response = await t.http.post('/v1/organisaties').set(auth(admin)).send(body);
      expectProblem(response, 400);
      expect([...new Set(invalidParamNames(response))]).toEqual(names);
      expect(await counts()).toEqual(before);
    });

    it('lets a landlord read only its own organisation (another is 404)', async () => {
      await t.http
        .post('/v1/gebruikers')
        .set(auth(admin))
        .send({
          email: 'piet@flexwonen.nl',
          wachtwoord: 'verhuurder-wachtwoord',
          naam: 'Piet',
          rol: 'verhuurder',
          organisatieId: landlordOrgId,
        })
        .expect(201);
      const landlord = await t.signIn('piet@flexwonen.nl', 'verhuurder-wachtwoord');
      expect((await t.http.get(`/v1/organisaties/${landlordOrgId}`).set(auth(landlord))).status).toBe(200);
      expectProblem(await t.http.get(`/v1/organisaties/${otherLandlordOrgId}`).set(auth(landlord)), 404);
      expectProblem(await t.http.get('/v1/organisaties').set(auth(landlord)), 403);
      expectProblem(
        await t.http.post('/v1/organisaties').set(auth(landlord)).send({ naam: 'X', kvkNummer: '55555555', soort: 'verhuurder' }),
        403,
      );
    });

    it('pages the collection with a Link header', async () => {
      const response = await t.http.get('/v1/organisaties?pagina=1&paginaGrootte=2').set(auth(admin));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ pagina: 1, paginaGrootte: 2, totaal: 3 });
      expect(response.body.resultaten).toHaveLength(2);
      expect(response.headers.link).toContain('rel="next"');
      expectProblem(await t.http.get('/v1/organisaties?paginaGrootte=101').set(auth(admin)), 400);
      expectProblem(await t.http.get('/v1/organisaties?pagina=0').set(auth(admin)), 400);
      expectProblem(await t.http.get('/v1/organisaties/not-a-uuid').set(auth(admin)), 400);
    });
  });

  describe('users', () => {
    it.each([
      ['auditor', { organisatieId: 'inspection' }],
      ['certificeerder', {}],
      ['gemeente', { gemeentecode: 'GM0363' }],
    ])('creates a %s', async (rol, extra) => {
      const body = {
        email: `${rol}@keurmerk.test`,
        wachtwoord: 'een-lang-wachtwoord',
        naam: `De ${rol}`,
        rol,
        ...('organisatieId' in extra ? { organisatieId: inspectionBodyId } : {}),
        ...('gemeentecode' in extra ? { gemeentecode: (extra as { gemeentecode: string }).gemeentecode } : {}),
      };
      const response = await t.http.post('/v1/gebruikers').set(auth(admin)).send(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ email: body.email, rol, actief: true });
      expect(response.body).not.toHaveProperty('wachtwoord');
      const token = await t.signIn(body.email, body.wachtwoord);
      expect((await t.http.get('/v1/gebruikers/mij').set(auth(token))).body.rol).toBe(rol);
    });

    it.each([
      [{ rol: 'verhuurder' }, ['organisatieId']],
      [{ rol: 'verhuurder', organisatieId: 'inspection' }, ['organisatieId']],
      [{ rol: 'auditor', organisatieId: 'landlord' }, ['organisatieId']],
      [{ rol: 'gemeente' }, ['gemeentecode']],
      [{ rol: 'gemeente', gemeentecode: 'GM9999' }, ['gemeentecode']],
      [{ rol: 'gemeente', gemeentecode: 'Amsterdam' }, ['gemeentecode']],
      [{ rol: 'certificeerder', gemeentecode: 'GM0363' }, ['gemeentecode']],
      [{ rol: 'koning' }, ['rol']],
      [{ rol: 'beheerder', wachtwoord: 'kort' }, ['wachtwoord']],
      [{ rol: 'beheerder', email: 'geen e-mail' }, ['email']],
      [{ rol: 'verhuurder', organisatieId: '00000000-0000-4000-8000-000000000000' }, ['organisatieId']],
    ])('refuses %j naming %j and writes nothing', async (override, names) => {
      const body: Record<string, unknown> = { email: 'nieuw@keurmerk.test', wachtwoord: 'een-lang-wachtwoord', naam: 'Nieuw', ...override };
      if (body.organisatieId === 'inspection') body.organisatieId = inspectionBodyId;
      if (body.organisatieId === 'landlord') body.organisatieId = landlordOrgId;
      const before = await counts();
      const response = await t.http.post('/v1/gebruikers').set(auth(admin)).send(body);
      expectProblem(response, 400);
      expect([...new Set(invalidParamNames(response))]).toEqual(names);
      expect(await counts()).toEqual(before);
    });

    it('refuses a second account with the same e-mail, in any case, with 409', async () => {
      const response = await t.http.post('/v1/gebruikers').set(auth(admin)).send({
        email: 'PIET@flexwonen.nl',
        wachtwoord: 'een-lang-wachtwoord',
        naam: 'Piet 2',
        rol: 'verhuurder',
        organisatieId: landlordOrgId,
      });
      expectProblem(response, 409);
    });

    it('lets only the beheerder list and create users', async () => {
      const certifier = await t.signIn('certificeerder@keurmerk.test', 'een-lang-wachtwoord');
      expectProblem(await t.http.get('/v1/gebruikers').set(auth(certifier)), 403);
      expectProblem(await t.http.post('/v1/gebruikers').set(auth(certifier)).send({}), 403);
      const list = await t.http.get('/v1/gebruikers?rol=verhuurder').set(auth(admin));
      expect(list.body.resultaten.map((u: { email: string }) => u.email)).toEqual(['piet@flexwonen.nl']);
    });
  });

  describe('API keys for municipal systems', () => {
    it('shows a key once, stores only its hash, and accepts it as X-Api-Key', async () => {
      const created = await t.http.post('/v1/api-sleutels').set(auth(admin)).send({ naam: 'Vergunningen', gemeentecode: 'GM0363' });
      expect(created.status).toBe(201);
      const { id, sleutel } = created.body;
      expect(sleutel).toMatch(/^kmk_[A-Za-z0-9_-]{43}$/);
      const [row] = await t.sql<{ key_hash: string }>(`SELECT key_hash FROM api_key WHERE id = $1`, [id]);
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key_hash).not.toContain(sleutel);
      const list = await t.http.get('/v1/api-sleutels').set(auth(admin));
      expect(JSON.stringify(list.body)).not.toContain(sleutel);

      // A key is a municipal system: public routes accept it, person-only routes refuse it.
      expect((await t.http.get('/v1/gemeenten').set('X-Api-Key', sleutel)).status).toBe(200);
      expectProblem(await t.http.get('/v1/gebruikers/mij').set('X-Api-Key', sleutel), 403);
      expectProblem(await t.http.get('/v1/gemeenten').set('X-Api-Key', 'kmk_wrong'), 401);
    });

    it('lets a municipality make keys for its own gemeentecode only', async () => {
      const municipality = await t.signIn('gemeente@keurmerk.test', 'een-lang-wachtwoord');
      expect((await t.http.post('/v1/api-sleutels').set(auth(municipality)).send({ naam: 'Eigen', gemeentecode: 'GM0363' })).status).toBe(
        201,
      );
      expectProblem(await t.http.post('/v1/api-sleutels').set(auth(municipality)).send({ naam: 'Ander', gemeentecode: 'GM0599' }), 403);
      expectProblem(await t.http.post('/v1/api-sleutels').set(auth(municipality)).send({ naam: 'Onbekend', gemeentecode: 'GM9999' }), 400);
      const mine = await t.http.get('/v1/api-sleutels').set(auth(municipality));
      expect(mine.body.resultaten.every((k: { gemeentecode: string }) => k.gemeentecode === 'GM0363')).toBe(true);
    });

    it('stops accepting a revoked key', async () => {
      const { id, sleutel } = (await t.http.post('/v1/api-sleutels').set(auth(admin)).send({ naam: 'Tijdelijk', gemeentecode: 'GM0014' }))
        .body;
      expect((await t.http.get('/v1/gemeenten').set('X-Api-Key', sleutel)).status).toBe(200);
      expect((await t.http.delete(`/v1/api-sleutels/${id}`).set(auth(admin))).status).toBe(204);
      expectProblem(await t.http.get('/v1/gemeenten').set('X-Api-Key', sleutel), 401);
    });
  });
});
