import { expectProblem, startTestApp, TestApp } from './support/test-app';

describe('HTTP conventions (every route)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health with ok once the database and the object store answer', async () => {
    const response = await t.http.get('/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok', objectStore: 'ok' });
  });

  it('puts API-Version, a request id and security headers on every answer, errors included', async () => {
    for (const path of ['/v1/health', '/v1/gemeenten', '/v1/bestaat-niet', '/v1/gebruikers/mij']) {
      const response = await t.http.get(path);
      expect(response.headers['api-version']).toMatch(/^\d+\.\d+\.\d+$/);
      expect(response.headers['x-request-id']).toBeTruthy();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    }
  });

  it('keeps a caller-supplied request id', async () => {
    const response = await t.http.get('/v1/health').set('X-Request-Id', 'permit-system-42');
    expect(response.headers['x-request-id']).toBe('permit-system-42');
  });

  it.each(['/v1/health/', '/v1/gemeenten/', '/v1/organisaties/'])(
    'answers 404 on the trailing slash of %s, never a redirect',
    async (path) => {
      const response = await t.http.get(path);
      expectProblem(response, 404);
    },
  );

  it('answers unknown paths with problem+json 404', async () => {
    expectProblem(await t.http.get('/v1/onbekend'), 404);
  });

  it('serves the OpenAPI document without auth, open to every origin, with contact and semver', async () => {
    const response = await t.http.get('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const document = response.body;
    expect(document.openapi).toMatch(/^3\.0/);
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.info.contact).toEqual({ name: expect.any(String), url: expect.any(String), email: expect.any(String) });
    expect(document.servers[0].url).toBe('http://keurmerk.test/v1');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/tokens', '/organisaties', '/gebruikers', '/gebruikers/mij', '/api-sleutels', '/gemeenten', '/health']),
    );
    for (const [path, item] of Object.entries<
      Record<string, { responses: Record<string, { content?: Record<string, unknown>; headers?: object }> }>
    >(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, answer] of Object.entries(operation.responses)) {
          if (status.startsWith('2'))
            expect({ path, method, status, headers: Object.keys(answer.headers ?? {}) }).toEqual({
              path,
              method,
              status,
              headers: expect.arrayContaining(['API-Version']),
            });
          if (/^[45]/.test(status))
            expect({ path, method, status, content: Object.keys(answer.content ?? {}) }).toEqual({
              path,
              method,
              status,
              content: ['application/problem+json'],
            });
        }
      }
    }
  });

  it('lists the municipalities of the shipped list publicly', async () => {
    const response = await t.http.get('/v1/gemeenten');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(342);
    expect(response.body).toContainEqual({ gemeentecode: 'GM0363', naam: 'Amsterdam' });
    expect(response.body).toContainEqual({ gemeentecode: 'GM0820', naam: 'Nuenen, Gerwen en Nederwetten' });
    expect(response.body).toContainEqual({ gemeentecode: 'GM0518', naam: "'s-Gravenhage" });
  });

  describe('unreadable requests are 4xx problem+json', () => {
    it('malformed JSON is 400 naming the body', async () => {
      const response = await t.http.post('/v1/tokens').set('Content-Type', 'application/json').send('{"email": ');
      expectProblem(response, 400);
      expect(response.body.invalidParams).toEqual([{ name: 'body', code: 'malformed', reason: expect.any(String) }]);
    });

    it('an oversized body is 413', async () => {
      const response = await t.http
        .post('/v1/tokens')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.nl', wachtwoord: 'x'.repeat(2 * 1024 * 1024) }));
      expectProblem(response, 413);
    });

    it('a body that is not an object is 400', async () => {
      for (const body of ['[]', '"text"', 'null', '42']) {
        const response = await t.http.post('/v1/tokens').set('Content-Type', 'application/json').send(body);
        expectProblem(response, 400);
        expect(response.body.invalidParams?.[0]?.name).toBe('body');
      }
    });

    it('an unsupported content type is 415', async () => {
      const response = await t.http.post('/v1/tokens').set('Content-Type', 'application/xml').send('<a/>');
      expectProblem(response, 415);
    });
  });
});
