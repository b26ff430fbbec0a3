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
