import { PNG } from '../support/files';
import { createScenario, PASSWORD, Scenario } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { webSession } from './support/web-session';

/**
 * Issue 16 item 5. (a) The web app's upload forms carried their CSRF token in the URL, where request
 * logs, proxies and Referer headers keep it: now it is the first field of the multipart body, and a
 * token in the query counts for nothing. (b) Answers with secrets or personal data lacked
 * `Cache-Control: no-store`: now every answer to a request with credentials (bearer token, API key,
 * session cookie) has it, and so has every answer of /v1/tokens, /v1/api-sleutels and /v1/abonnementen.
 */
describe('secrets stay out of URLs and caches', () => {
  let t: TestApp;
  let s: Scenario;
  let locationId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    s = await createScenario(t, 'sit');
    locationId = await s.location();
    await t.http.post('/v1/aanvragen').set(s.as('verhuurderA')).send({ locatieId: locationId }).expect(201);
  });
  afterAll(() => t.close());

  describe('the CSRF token of upload forms', () => {
    let session: { cookie: string; csrf: string };
    let page: string;
    let action: string;
    beforeAll(async () => {
      session = await webSession(t, 'sit-verhuurderA@scenario.test', PASSWORD);
      page = (await t.http.get(`/app/locaties/${locationId}`).set('Cookie', session.cookie).expect(200)).text;
      action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data" class="upload-form">/.exec(page)![1];
    });

    it('is in no URL of any page: every multipart form sends it as its first field', () => {
      expect(page).not.toMatch(/_csrf=/);
      const forms = [...page.matchAll(/<form[^>]*enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/g)];
      expect(forms.length).toBeGreaterThan(0);
      for (const [, inner] of forms)
        expect(/<input[^>]*>/.exec(inner)![0]).toBe(`<input type="hidden" name="_csrf" value="${session.csrf}">`);
      expect(action).not.toContain('?');
    });

    it("is taken from the body's first field", async () => {
      const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM document'))[0].n;
      const response = await t.http
        .post(action)
        .set('Cookie', session.cookie)
        .field('_csrf', session.csrf)
        .attach('bestand', PNG, 'plattegrond.png');
      expect(response.status).toBe(303);
      expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM document'))[0].n).toBe(before + 1);
    });

    it.each([
      [
        'in the query only (the old way)',
        (a: string, csrf: string) => ({ path: `${a}?_csrf=${encodeURIComponent(csrf)}`, first: undefined }),
      ],
      ['after the file', (a: string, csrf: string) => ({ path: a, last: csrf })],
      ['wrong', (a: string) => ({ path: a, first: 'x'.repeat(43) })],
      ['missing', (a: string) => ({ path: a })],
    ])('refuses the upload with 403 when the token is %s, storing nothing', async (_, make) => {
      const { path, first, last } = make(action, session.csrf) as { path: string; first?: string; last?: string };
      const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM document'))[0].n;
      let call = t.http.post(path).set('Cookie', session.cookie);
      if (first) call = call.field('_csrf', first);
      call = call.attach('bestand', PNG, 'plattegrond.png');
      if (last) call = call.field('_csrf', last);
      expect((await call).status).toBe(403);
      expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM document'))[0].n).toBe(before);
    });
  });

  describe('Cache-Control: no-store', () => {
    it('on /v1/tokens, answered or refused', async () => {
      const issued = await t.http.post('/v1/tokens').send({ email: 'sit-certifier@scenario.test', wachtwoord: PASSWORD }).expect(201);
      expect(issued.headers['cache-control']).toBe('no-store');
      const refused = await t.http
        .post('/v1/tokens')
        .send({ email: 'sit-certifier@scenario.test', wachtwoord: 'wrong-password' })
        .expect(401);
      expect(refused.headers['cache-control']).toBe('no-store');
    });

    it('on /v1/api-sleutels and /v1/abonnementen', async () => {
      const key = await t.http
        .post('/v1/api-sleutels')
        .set(s.as('municipality'))
        .send({ naam: 'Vergunningen', gemeentecode: 'GM1783' })
        .expect(201);
      expect(key.headers['cache-control']).toBe('no-store');
      expect((await t.http.get('/v1/api-sleutels').set(s.as('municipality')).expect(200)).headers['cache-control']).toBe('no-store');
      expect((await t.http.get('/v1/abonnementen').set(s.as('municipality')).expect(200)).headers['cache-control']).toBe('no-store');
      expect((await t.http.get('/v1/abonnementen')).headers['cache-control']).toBe('no-store');
    });

    it.each([
      ['a bearer token', '/v1/gebruikers/mij', () => s.as('verhuurderA')],
      ['a bearer token, on a list', `/v1/locaties`, () => s.as('verhuurderA')],
      ['a bearer token, on a refusal', '/v1/meldingen', () => s.as('verhuurderA')],
      ['a bad bearer token', '/v1/gebruikers/mij', () => ({ Authorization: 'Bearer nonsense' })],
    ])('on every answer to a request with %s (%s)', async (_, path, headers) => {
      const response = await t.http.get(path).set(headers());
      expect(response.headers['content-type']).toMatch(/json/);
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('on answers to a municipal API key, also on public routes', async () => {
      const key = (
        await t.http.post('/v1/api-sleutels').set(s.as('municipality')).send({ naam: 'Bulk', gemeentecode: 'GM1783' }).expect(201)
      ).body.sleutel;
      const checked = await t.http.get('/v1/verificaties').query({ postcode: '2671AB', huisnummer: 999 }).set('X-Api-Key', key).expect(200);
      expect(checked.headers['cache-control']).toBe('no-store');
    });

    it('leaves public answers to anonymous callers their own policy', async () => {
      const register = await t.http.get('/v1/register').set('Accept', 'application/json').expect(200);
      expect(register.headers['cache-control']).toBe('public, max-age=60');
    });
  });
});
