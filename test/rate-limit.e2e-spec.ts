import { expectProblem, startTestApp, TestApp } from './support/test-app';

describe('rate limits on public routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3', RATE_LIMIT_API_KEY_PER_MINUTE: '6' } });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json with Retry-After past the limit per address, and counts a key on its own, higher limit', async () => {
    // Signing in is a public route too: it takes the first of the three.
    const admin = { Authorization: `Bearer ${await t.adminToken()}` };
    const key = (await t.http.post('/v1/api-sleutels').set(admin).send({ naam: 'K', gemeentecode: 'GM1783' }).expect(201)).body.sleutel;
    for (let i = 0; i < 2; i++) expect((await t.http.get('/v1/gemeenten')).status).toBe(200);
    const limited = await t.http.get('/v1/gemeenten');
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 6; i++) expect((await t.http.get('/v1/gemeenten').set('X-Api-Key', key)).status).toBe(200);
    expectProblem(await t.http.get('/v1/gemeenten').set('X-Api-Key', key), 429);
    // Routes for signed-in people are not counted.
    expect((await t.http.get('/v1/gebruikers/mij').set(admin)).status).toBe(200);
  });
});

describe('rate limits on verification behind a trusted proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  it('counts each forwarded client on its own, in the same window whichever path answers it', async () => {
    const ask = (client: string, query: string) => t.http.get(`/v1/verificaties?${query}`).set('X-Forwarded-For', `${client}, 10.0.0.1`);
    // Answered in front of Fastify (a valid question), then by Nest (an unknown field): one window for both.
    expect((await ask('203.0.113.7', 'postcode=2671AB&huisnummer=1')).status).toBe(200);
    expect((await ask('203.0.113.7', 'postcode=2671AB&huisnummer=1')).headers['ratelimit-remaining']).toBe('1');
    expect((await ask('203.0.113.7', 'postcode=2671AB&huisnummer=1&kleur=rood')).status).toBe(400);
    const limited = await ask('203.0.113.7', 'postcode=2671AB&huisnummer=1');
    expectProblem(limited, 429);
    // Another client behind the same proxy has its own window.
    const other = await ask('198.51.100.4', 'postcode=2671AB&huisnummer=1');
    expect([other.status, other.headers['ratelimit-remaining']]).toEqual([200, '2']);
  });
});
