import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secret, TOTP } from 'otpauth';
import { AccountService } from '@keurmerk/accounts';
import { FixedClock } from '@keurmerk/common';
import { accounts, bearer, PASSWORD } from './support/scenario';
import { ADMIN, expectProblem, invalidParamNames, startTestApp, type TestApp } from './support/test-app';

const SECOND_FACTOR_TYPE = 'https://keurmerk.nl/problemen/tweede-factor-vereist';

function cookiesOf(response: { headers: Record<string, unknown> }): string[] {
  const set = response.headers['set-cookie'];
  return Array.isArray(set) ? (set as string[]) : typeof set === 'string' ? [set] : [];
}

function cookiePair(cookies: string[], name: string): string | undefined {
  return cookies.find((c) => new RegExp(`^(__Host-)?${name}=`).test(c))?.split(';')[0];
}

function formToken(markup: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(markup);
  if (!match) throw new Error('no form token on the page');
  return match[1];
}

/** A web session as a browser holds it: the session cookie and the form token of its pages. */
interface WebSession {
  cookie: string;
  csrf: string;
}

describe('operating accounts: deactivation, password change, password rule, second factor', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  // The real time, held still: tests move it when a TOTP time step must pass.
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    // Every request comes from 127.0.0.1: the address limit would otherwise count this file's refusals together.
    t = await startTestApp({ clock, env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '10000' } });
    admin = bearer(await t.adminToken());
  });
  afterAll(() => t.close());

  async function webSignIn(email: string, password: string): Promise<{ status: number; location?: string; cookie?: string; pre: string }> {
    const form = await t.http.get('/app/inloggen');
    const pre = cookiePair(cookiesOf(form), 'keurmerk_formulier')!;
    const response = await t.http
      .post('/app/inloggen')
      .set('Cookie', pre)
      .type('form')
      .send({ _csrf: formToken(form.text), email, wachtwoord: password });
    return {
      status: response.status,
      location: response.headers.location,
      cookie: cookiePair(cookiesOf(response), 'keurmerk_sessie'),
      pre,
    };
  }

  async function webSession(email: string, password: string): Promise<WebSession> {
    const signIn = await webSignIn(email, password);
    expect(signIn.status).toBe(303);
    const cookie = signIn.cookie!;
    const page = await t.http.get('/app/account').set('Cookie', cookie);
    expect(page.status).toBe(200);
    return { cookie, csrf: formToken(page.text) };
  }

  async function events(entityId: string): Promise<{ action: string; actor_id: string | null }[]> {
    return t.sql(`SELECT action, actor_id FROM event_log WHERE entity_id = $1 ORDER BY id`, [entityId]);
  }

  describe('PATCH /v1/gebruikers/{id}', () => {
    it('renames a user and renews an auditor’s accreditation, with the actor in the event log', async () => {
      const body = await accounts(t).organisation('Inspectie Oost', '61000001', 'inspectie-instelling', {
        accreditatieGeldigTot: '2030-01-01',
      });
      const auditor = await accounts(t).user('auditor-patch@keurmerk.test', 'auditor', {
        organisatieId: body,
        accreditatieGeldigTot: '2027-01-01',
      });
      const response = await t.http
        .patch(`/v1/gebruikers/${auditor.id}`)
        .set(admin)
        .send({ naam: 'Anna Auditor', accreditatieGeldigTot: '2028-06-30' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: auditor.id, naam: 'Anna Auditor', accreditatieGeldigTot: '2028-06-30', actief: true });
      const [me] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [ADMIN.email]);
      expect(await events(auditor.id)).toContainEqual(expect.objectContaining({ action: 'updated', actor_id: me.id }));
    });

    it('refuses dates out of bounds, unknown fields, and an accreditation for a role without one', async () => {
      const user = await accounts(t).user('landlord-patch@keurmerk.test', 'verhuurder', {
        organisatieId: await accounts(t).organisation('Verhuur Patch', '61000002', 'verhuurder'),
      });
      const outOfBounds = await t.http.patch(`/v1/gebruikers/${user.id}`).set(admin).send({ accreditatieGeldigTot: '9999-12-31' });
      expectProblem(outOfBounds, 400);
      expect(invalidParamNames(outOfBounds)).toEqual(['accreditatieGeldigTot']);
      const wrongRole = await t.http.patch(`/v1/gebruikers/${user.id}`).set(admin).send({ accreditatieGeldigTot: '2027-01-01' });
      expectProblem(wrongRole, 400);
      expect(invalidParamNames(wrongRole)).toEqual(['accreditatieGeldigTot']);
      const bad = await t.http.patch(`/v1/gebruikers/${user.id}`).set(admin).send({ actief: 'nee', naam: '  ', rol: 'beheerder' });
      expectProblem(bad, 400);
      expect(invalidParamNames(bad).sort()).toEqual(['actief', 'naam', 'rol']);
      const missing = await t.http.patch('/v1/gebruikers/00000000-0000-4000-8000-000000000000').set(admin).send({ naam: 'X' });
      expectProblem(missing, 404);
      const asLandlord = await t.http.patch(`/v1/gebruikers/${user.id}`).set(bearer(user.token)).send({ naam: 'Ik' });
      expectProblem(asLandlord, 403);
    });

    it('does not let a beheerder deactivate themself (409)', async () => {
      const me = await t.http.get('/v1/gebruikers/mij').set(admin);
      const response = await t.http.patch(`/v1/gebruikers/${me.body.id}`).set(admin).send({ actief: false });
      expectProblem(response, 409);
      expect((await t.http.get('/v1/gebruikers/mij').set(admin)).status).toBe(200);
    });

    it('stops a deactivated municipality user’s token, API key and web session at the next request', async () => {
      const user = await accounts(t).user('gemeente-uit@keurmerk.test', 'gemeente', { gemeentecode: 'GM0363' });
      const key = await t.http.post('/v1/api-sleutels').set(bearer(user.token)).send({ naam: 'Vergunningen', gemeentecode: 'GM0363' });
      expect(key.status).toBe(201);
      const apiKey = { 'X-Api-Key': key.body.sleutel as string };
      const web = await webSession('gemeente-uit@keurmerk.test', PASSWORD);
      expect((await t.http.get('/v1/certificaten').set(bearer(user.token))).status).toBe(200);
      expect((await t.http.get('/v1/mutaties?sinds=2026-01-01T00:00:00Z').set(apiKey)).status).toBe(200);

      const deactivated = await t.http.patch(`/v1/gebruikers/${user.id}`).set(admin).send({ actief: false });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.actief).toBe(false);

      expectProblem(await t.http.get('/v1/certificaten').set(bearer(user.token)), 401);
      expectProblem(await t.http.post('/v1/api-sleutels').set(bearer(user.token)).send({ naam: 'Nog een', gemeentecode: 'GM0363' }), 401);
      expectProblem(await t.http.get('/v1/mutaties?sinds=2026-01-01T00:00:00Z').set(apiKey), 401);
      const page = await t.http.get('/app/account').set('Cookie', web.cookie);
      expect(page.status).toBe(303);
      expect(page.headers.location).toMatch(/^\/app\/inloggen/);
      expectProblem(await t.http.post('/v1/tokens').send({ email: 'gemeente-uit@keurmerk.test', wachtwoord: PASSWORD }), 401);
      expect((await events(user.id)).map((e) => e.action)).toContain('deactivated');

      // Reactivated: signing in works again, and the token of before stays ended.
      expect((await t.http.patch(`/v1/gebruikers/${user.id}`).set(admin).send({ actief: true })).status).toBe(200);
      expectProblem(await t.http.get('/v1/certificaten').set(bearer(user.token)), 401);
      const fresh = await t.signIn('gemeente-uit@keurmerk.test', PASSWORD);
      expect((await t.http.get('/v1/certificaten').set(bearer(fresh))).status).toBe(200);
    });
  });

  describe('PATCH /v1/organisaties/{id}', () => {
    it('renames an organisation and renews or ends an inspection body’s accreditation', async () => {
      const body = await accounts(t).organisation('Inspectie West', '61000003', 'inspectie-instelling', {
        accreditatieGeldigTot: '2027-01-01',
      });
      const renamed = await t.http
        .patch(`/v1/organisaties/${body}`)
        .set(admin)
        .send({ naam: 'Inspectie West B.V.', accreditatieGeldigTot: '2029-12-31' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: body, naam: 'Inspectie West B.V.', accreditatieGeldigTot: '2029-12-31' });
      expect((await events(body)).map((e) => e.action)).toContain('updated');

      const landlord = await accounts(t).organisation('Verhuur West', '61000004', 'verhuurder');
      const refused = await t.http.patch(`/v1/organisaties/${landlord}`).set(admin).send({ accreditatieGeldigTot: '2029-12-31' });
      expectProblem(refused, 400);
      expect(invalidParamNames(refused)).toEqual(['accreditatieGeldigTot']);
      expectProblem(await t.http.patch(`/v1/organisaties/${landlord}`).set(admin).send({ accreditatieGeldigTot: '1999-12-31' }), 400);
      expectProblem(await t.http.patch('/v1/organisaties/00000000-0000-4000-8000-000000000000').set(admin).send({ naam: 'X' }), 404);
    });
  });

  describe('the password rule', () => {
    it.each([
      ['password1234', 'common'],
      ['PassWord1234', 'common'],
      ['123456789012', 'common'],
      ['qwertyuiopas', 'common'],
      ['            ', 'blank'],
    ])('refuses %j for a new user (400 naming wachtwoord)', async (wachtwoord, code) => {
      const response = await t.http
        .post('/v1/gebruikers')
        .set(admin)
        .send({ email: `zwak-${code}@keurmerk.test`, wachtwoord, naam: 'Zwak', rol: 'certificeerder' });
      expectProblem(response, 400);
      expect(response.body.invalidParams).toEqual([expect.objectContaining({ name: 'wachtwoord', code })]);
      expect(await t.sql(`SELECT 1 FROM user_account WHERE email = $1`, [`zwak-${code}@keurmerk.test`])).toHaveLength(0);
    });
  });

  describe('POST /v1/gebruikers/mij/wachtwoord', () => {
    it('changes the password and ends every token and web session of the user', async () => {
      const email = 'wissel@keurmerk.test';
      const user = await accounts(t).user(email, 'certificeerder');
      const other = await t.signIn(email, PASSWORD);
      const web = await webSession(email, PASSWORD);

      const weak = await t.http
        .post('/v1/gebruikers/mij/wachtwoord')
        .set(bearer(user.token))
        .send({ huidigWachtwoord: PASSWORD, nieuwWachtwoord: 'password1234' });
      expectProblem(weak, 400);
      expect(invalidParamNames(weak)).toEqual(['nieuwWachtwoord']);
      const wrong = await t.http
        .post('/v1/gebruikers/mij/wachtwoord')
        .set(bearer(user.token))
        .send({ huidigWachtwoord: 'niet-het-wachtwoord', nieuwWachtwoord: 'een heel ander wachtwoord' });
      expectProblem(wrong, 400);
      expect(invalidParamNames(wrong)).toEqual(['huidigWachtwoord']);

      const changed = await t.http
        .post('/v1/gebruikers/mij/wachtwoord')
        .set(bearer(user.token))
        .send({ huidigWachtwoord: PASSWORD, nieuwWachtwoord: 'een heel ander wachtwoord' });
      expect(changed.status).toBe(204);

      expectProblem(await t.http.get('/v1/gebruikers/mij').set(bearer(user.token)), 401);
      expectProblem(await t.http.get('/v1/gebruikers/mij').set(bearer(other)), 401);
      expect((await t.http.get('/app/account').set('Cookie', web.cookie)).status).toBe(303);
      expectProblem(await t.http.post('/v1/tokens').send({ email, wachtwoord: PASSWORD }), 401);
      const fresh = await t.signIn(email, 'een heel ander wachtwoord');
      expect((await t.http.get('/v1/gebruikers/mij').set(bearer(fresh))).status).toBe(200);
      expect((await events(user.id)).map((e) => e.action)).toContain('password-changed');
    });

    it('keeps the web session that changed the password and ends the others', async () => {
      const email = 'wissel-web@keurmerk.test';
      await accounts(t).user(email, 'verhuurder', {
        organisatieId: await accounts(t).organisation('Verhuur Web', '61000005', 'verhuurder'),
      });
      const here = await webSession(email, PASSWORD);
      const elsewhere = await webSession(email, PASSWORD);
      const response = await t.http
        .post('/app/account/wachtwoord')
        .set('Cookie', here.cookie)
        .type('form')
        .send({ _csrf: here.csrf, huidigWachtwoord: PASSWORD, nieuwWachtwoord: 'mijn nieuwe zin van woorden' });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/app/account?gewijzigd=1');
      expect((await t.http.get('/app/account').set('Cookie', here.cookie)).status).toBe(200);
      expect((await t.http.get('/app/account').set('Cookie', elsewhere.cookie)).status).toBe(303);

      const weak = await t.http
        .post('/app/account/wachtwoord')
        .set('Cookie', here.cookie)
        .type('form')
        .send({ _csrf: here.csrf, huidigWachtwoord: 'mijn nieuwe zin van woorden', nieuwWachtwoord: '            ' });
      expect(weak.status).toBe(400);
      expect(weak.text).toContain('niet alleen uit spaties');
    });

    it('has a reset for the e-mailed link: the rule applies, and every token and session ends', async () => {
      const email = 'herstel@keurmerk.test';
      const user = await accounts(t).user(email, 'certificeerder');
      const service = t.app.get(AccountService);
      await expect(service.resetPassword(user.id, 'password1234')).rejects.toMatchObject({
        invalidParams: [expect.objectContaining({ name: 'nieuwWachtwoord', code: 'common' })],
      });
      expect((await t.http.get('/v1/gebruikers/mij').set(bearer(user.token))).status).toBe(200);
      await service.resetPassword(user.id, 'een vers wachtwoord na herstel');
      expectProblem(await t.http.get('/v1/gebruikers/mij').set(bearer(user.token)), 401);
      expect((await t.http.post('/v1/tokens').send({ email, wachtwoord: 'een vers wachtwoord na herstel' })).status).toBe(201);
      expect((await events(user.id)).map((e) => e.action)).toContain('password-reset');
    });

    it('throttles wrong current passwords like sign-ins', async () => {
      const email = 'raden@keurmerk.test';
      const user = await accounts(t).user(email, 'certificeerder');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await t.http
          .post('/v1/gebruikers/mij/wachtwoord')
          .set(bearer(user.token))
          .send({ huidigWachtwoord: `fout-wachtwoord-${i}`, nieuwWachtwoord: 'een heel ander wachtwoord' });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });
  });

  describe('second factor (TOTP)', () => {
    const email = 'tweede-beheerder@keurmerk.test';
    let secret: string;
    let recoveryCodes: string[];

    const codeAt = (at: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
    const token = (body: Record<string, string>) => t.http.post('/v1/tokens').send({ email, wachtwoord: PASSWORD, ...body });

    beforeAll(async () => {
      await accounts(t).user(email, 'beheerder');
      const web = await webSession(email, PASSWORD);
      const started = await t.http.post('/app/account/tweede-factor').set('Cookie', web.cookie).type('form').send({ _csrf: web.csrf });
      expect(started.status).toBe(303);
      const page = await t.http.get('/app/account/tweede-factor').set('Cookie', web.cookie);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<svg');
      const uri = /<code class="otpauth-uri">([^<]+)<\/code>/.exec(page.text)![1].replace(/&amp;/g, '&');
      expect(uri).toMatch(/^otpauth:\/\/totp\/Keurmerk:/);
      secret = new URL(uri).searchParams.get('secret')!;

      // Until confirmed, the password alone still signs in.
      expect((await token({})).status).toBe(201);
      const wrong = await t.http
        .post('/app/account/tweede-factor/bevestigen')
        .set('Cookie', web.cookie)
        .type('form')
        .send({ _csrf: web.csrf, code: '000000' === codeAt(clock.now()) ? '111111' : '000000' });
      expect(wrong.status).toBe(400);
      const confirmed = await t.http
        .post('/app/account/tweede-factor/bevestigen')
        .set('Cookie', web.cookie)
        .type('form')
        .send({ _csrf: web.csrf, code: codeAt(clock.now()) });
      expect(confirmed.status).toBe(200);
      recoveryCodes = [...confirmed.text.matchAll(/<li><code>([a-z2-7-]{19})<\/code><\/li>/g)].map((m) => m[1]);
      expect(recoveryCodes).toHaveLength(10);
      clock.advance(30_000);
    });

    it('stores the secret encrypted and the recovery codes hashed', async () => {
      const [row] = await t.sql<{ secret_ciphertext: string }>(
        `SELECT secret_ciphertext FROM user_totp JOIN user_account u ON u.id = user_id WHERE u.email = $1`,
        [email],
      );
      expect(row.secret_ciphertext).not.toContain(secret);
      expect(row.secret_ciphertext).toMatch(/^v1\./);
      const codes = await t.sql<{ code_hash: string }>(
        `SELECT code_hash FROM user_recovery_code JOIN user_account u ON u.id = user_id WHERE u.email = $1`,
        [email],
      );
      expect(codes).toHaveLength(10);
      for (const code of recoveryCodes) expect(codes.map((c) => c.code_hash)).not.toContain(code);
    });

    it('refuses a token without the code or with a wrong one (401, second-factor problem type)', async () => {
      const missing = await token({});
      expectProblem(missing, 401);
      expect(missing.body.type).toBe(SECOND_FACTOR_TYPE);
      const wrongCode = codeAt(clock.now()) === '123456' ? '654321' : '123456';
      const wrong = await token({ totp: wrongCode });
      expectProblem(wrong, 401);
      expect(wrong.body.type).toBe(SECOND_FACTOR_TYPE);
      // A wrong password with a code is the plain wrong-credentials answer: the code says nothing about the account.
      const wrongPassword = await t.http.post('/v1/tokens').send({ email, wachtwoord: 'niet-het-wachtwoord', totp: codeAt(clock.now()) });
      expectProblem(wrongPassword, 401);
      expect(wrongPassword.body.type).not.toBe(SECOND_FACTOR_TYPE);
    });

    it('issues a token with the current code, once per code (no replay)', async () => {
      const code = codeAt(clock.now());
      const issued = await token({ totp: code });
      expect(issued.status).toBe(201);
      expect((await t.http.get('/v1/gebruikers/mij').set(bearer(issued.body.accessToken))).body.email).toBe(email);
      expectProblem(await token({ totp: code }), 401);
      clock.advance(30_000);
      expect((await token({ totp: codeAt(clock.now()) })).status).toBe(201);
    });

    it('accepts a recovery code once, in the same field', async () => {
      const [first] = recoveryCodes;
      expect((await token({ totp: first.toUpperCase() })).status).toBe(201);
      expectProblem(await token({ totp: first }), 401);
    });

    it('asks for the code on a second step of the web sign-in', async () => {
      clock.advance(30_000);
      const first = await webSignIn(email, PASSWORD);
      expect(first.status).toBe(303);
      expect(first.location).toBe('/app/inloggen/code');
      const pending = first.cookie!;
      // The pending session opens no page.
      expect((await t.http.get('/app/beheer').set('Cookie', pending)).status).toBe(303);
      const form = await t.http.get('/app/inloggen/code').set('Cookie', `${pending}; ${first.pre}`);
      expect(form.status).toBe(200);
      const wrong = await t.http
        .post('/app/inloggen/code')
        .set('Cookie', `${pending}; ${first.pre}`)
        .type('form')
        .send({ _csrf: formToken(form.text), code: codeAt(clock.now()) === '123456' ? '654321' : '123456' });
      expect(wrong.status).toBe(401);
      const done = await t.http
        .post('/app/inloggen/code')
        .set('Cookie', `${pending}; ${first.pre}`)
        .type('form')
        .send({ _csrf: formToken(form.text), code: codeAt(clock.now()) });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/app/beheer');
      const session = cookiePair(cookiesOf(done), 'keurmerk_sessie')!;
      expect(session).not.toBe(pending);
      expect((await t.http.get('/app/beheer').set('Cookie', session)).status).toBe(200);
      expect((await t.http.get('/app/beheer').set('Cookie', pending)).status).toBe(303);
    });

    it('can be turned off for another user by a beheerder (lost phone), never for oneself', async () => {
      const adminWeb = await webSession(ADMIN.email, ADMIN.password);
      const [user] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [email]);
      const page = await t.http.get(`/app/beheer/gebruikers/${user.id}`).set('Cookie', adminWeb.cookie);
      expect(page.text).toContain(`/app/beheer/gebruikers/${user.id}/tweede-factor`);
      const [me] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [ADMIN.email]);
      const own = await t.http
        .post(`/app/beheer/gebruikers/${me.id}/tweede-factor`)
        .set('Cookie', adminWeb.cookie)
        .type('form')
        .send({ _csrf: adminWeb.csrf });
      expect(own.status).toBe(403);
      const reset = await t.http
        .post(`/app/beheer/gebruikers/${user.id}/tweede-factor`)
        .set('Cookie', adminWeb.cookie)
        .type('form')
        .send({ _csrf: adminWeb.csrf });
      expect(reset.status).toBe(303);
      expect((await token({})).status).toBe(201);
      expect((await events(user.id)).map((e) => e.action)).toContain('second-factor-reset');
    });

    it('is not offered to a landlord', async () => {
      const landlordEmail = 'geen-factor@keurmerk.test';
      await accounts(t).user(landlordEmail, 'verhuurder', {
        organisatieId: await accounts(t).organisation('Verhuur X', '61000006', 'verhuurder'),
      });
      const web = await webSession(landlordEmail, PASSWORD);
      const page = await t.http.get('/app/account').set('Cookie', web.cookie);
      expect(page.text).not.toContain('tweede-factor');
      const refused = await t.http.post('/app/account/tweede-factor').set('Cookie', web.cookie).type('form').send({ _csrf: web.csrf });
      expect(refused.status).toBe(403);
    });
  });
});
