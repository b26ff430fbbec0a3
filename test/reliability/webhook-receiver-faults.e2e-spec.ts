import { createScenario, Scenario } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * A receiver that answers 500 and cuts connections: each event is retried until it is taken, and
 * arrives once with a 2xx. Refused connections, a reset, a receiver that does not answer within
 * 10 s, a 503 and a long outage are in test/webhooks.e2e-spec.ts; this adds the plain 500.
 */
describe('webhook receiver answering 500 and resetting connections', () => {
  let t: TestApp;
  let s: Scenario;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '100' }, withWorker: true });
    s = await createScenario(t, 'whf');
    await t.http
      .post('/v1/abonnementen')
      .set(s.as('municipality'))
      .send({ callbackUrl: receiver.url('/hook') })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('retries through 500, 500 and a reset, and delivers the event once', async () => {
    receiver.answers.push(500, 500, 'reset');
    const { number } = await s.certifiedLocation();
    const events = () => receiver.requests.filter((r) => r.body.includes(number));
    await until(() => events().some((r) => r.answer === 'ok'), 30_000, 'the event to be taken');
    const attempts = events();
    const ids = new Set(attempts.map((r) => JSON.parse(r.body).id));
    expect(attempts.map((r) => r.answer)).toEqual([500, 500, 'reset', 'ok']);
    // The same CloudEvent each time: one event, one acknowledged delivery.
    expect(ids.size).toBe(1);
    // The receiver has its answer before the worker records it: wait for the record, then check it.
    const recorded = async () =>
      (
        await t.sql<{ status: string; attempts: number }>(`SELECT d.status, d.attempts FROM delivery d WHERE d.event_id = $1`, [
          [...ids][0],
        ])
      )[0];
    const delivery = await until(
      async () => {
        const row = await recorded();
        return row?.status === 'delivered' ? row : undefined;
      },
      10_000,
      'the delivery to be recorded as delivered',
    ).catch(() => recorded());
    expect(delivery).toEqual({ status: 'delivered', attempts: 4 });
  });
});
