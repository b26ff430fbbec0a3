import { createScenario, Scenario } from '../support/scenario';
import { expectProblem, startTestApp, TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const CAP = 3;

/**
 * Issue 16 item 7: a municipality could make any number of API keys and subscriptions (25 of each in
 * the outside test), and each status change is sent to every subscription. Both are capped per
 * municipality (MAX_API_KEYS_PER_MUNICIPALITY, MAX_SUBSCRIPTIONS_PER_MUNICIPALITY; default 10, at most
 * 100); above the cap: 409 saying what to do. Revoked keys and removed subscriptions do not count.
 */
describe('caps on API keys and subscriptions per municipality', () => {
  let t: TestApp;
  let s: Scenario;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        MAX_API_KEYS_PER_MUNICIPALITY: String(CAP),
        MAX_SUBSCRIPTIONS_PER_MUNICIPALITY: String(CAP),
      },
    });
    s = await createScenario(t, 'cap');
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const newKey = (i: number) =>
    t.http
      .post('/v1/api-sleutels')
      .set(s.as('municipality'))
      .send({ naam: `systeem ${i}`, gemeentecode: 'GM1783' });
  const subscribe = (i: number) =>
    t.http
      .post('/v1/abonnementen')
      .set(s.as('municipality'))
      .send({ callbackUrl: receiver.url(`/cap-${i}`) });

  it('refuses the API key past the cap with 409, also when asked in parallel, until one is revoked', async () => {
    const answers = await Promise.all(Array.from({ length: CAP + 4 }, (_, i) => newKey(i)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(CAP);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(4);
    for (const response of refused) expectProblem(response, 409);
    expect(refused[0].body.detail).toMatch(new RegExp(`GM1783 already has ${CAP} active API keys.*\\(${CAP}\\).*Revoke`));
    const [{ n }] = await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM api_key WHERE municipality_code = 'GM1783' AND revoked_at IS NULL",
    );
    expect(n).toBe(CAP);

    const first = answers.find((r) => r.status === 201)!.body.id as string;
    await t.http.delete(`/v1/api-sleutels/${first}`).set(s.as('municipality')).expect(204);
    expect((await newKey(99)).status).toBe(201);
    expectProblem(await newKey(100), 409);
  });

  it('refuses the subscription past the cap with 409 before calling the receiver, until one is removed', async () => {
    const made: string[] = [];
    for (let i = 0; i < CAP; i++) made.push((await subscribe(i).expect(201)).body.id);
    const calls = receiver.requests.length;
    const refused = await subscribe(CAP);
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(new RegExp(`GM1783 already has ${CAP} subscriptions.*\\(${CAP}\\)`));
    expect(receiver.requests.length).toBe(calls);

    await t.http.delete(`/v1/abonnementen/${made[0]}`).set(s.as('municipality')).expect(204);
    expect((await subscribe(CAP + 1)).status).toBe(201);
  });

  it('counts per municipality: another one is not held back', async () => {
    const admin = s.as('admin');
    expect((await t.http.post('/v1/api-sleutels').set(admin).send({ naam: 'Amsterdam', gemeentecode: 'GM0363' })).status).toBe(201);
  });
});
