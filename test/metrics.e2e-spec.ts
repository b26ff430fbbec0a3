import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@keurmerk/common';
import { Metrics, type MetricsServer, startMetricsServer } from '@keurmerk/metrics';
import { createScenario, type Scenario } from './support/scenario';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * GET /metrics in Prometheus's text format on its own listener (METRICS_PORT in production; port 0
 * here), never on the public port: request rate and latency per route pattern, the verification
 * cache, the job queue, webhooks and issuance.
 */
describe('metrics', () => {
  let t: TestApp;
  let s: Scenario;
  let server: MetricsServer;
  let number: string;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'met');
    // Granted and issued: an issuance is timed, its job enqueued.
    number = (await s.certifiedLocation({ huisnummer: 31 })).number;
    server = await startMetricsServer(t.app.get(Metrics), { port: 0, host: '127.0.0.1' });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  it('answers Prometheus text with the named metrics, by route pattern, after some requests', async () => {
    await t.http.get('/v1/health').expect(200);
    for (let i = 0; i < 3; i++) await t.http.get(`/v1/verificaties?certificaatnummer=${number}&aantalBewoners=8`).expect(200);
    await t.http.get(`/v1/certificaten/${number}`).expect(200);
    await t.http.get('/v1/bestaat-niet/12345').expect(404);

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const count = (labels: string) =>
      Number(new RegExp(`^keurmerk_http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    expect(count('route="/v1/health",method="GET",status="200"')).toBeGreaterThanOrEqual(1);
    expect(count('route="/v1/verificaties",method="GET",status="200"')).toBeGreaterThanOrEqual(3);
    // The pattern, never the certificate's number: one series per route, however many certificates there are.
    expect(count('route="/v1/certificaten/:nummer",method="GET",status="200"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(`route="/v1/certificaten/${number}"`);
    expect(count('route="unmatched",method="GET",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('keurmerk_http_request_duration_seconds_bucket{le="0.005",route="/v1/health"');

    for (const name of [
      'keurmerk_verification_cache_hits_total',
      'keurmerk_verification_cache_misses_total',
      'keurmerk_job_queue_depth',
      'keurmerk_job_duration_seconds',
      'keurmerk_job_wait_seconds',
      'keurmerk_webhook_backlog',
      'keurmerk_webhook_attempts_total',
      'keurmerk_certificate_issuance_seconds',
      'process_cpu_seconds_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(Number(/^keurmerk_certificate_issuance_seconds_count (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    const hits = Number(/^keurmerk_verification_cache_hits_total (\d+)$/m.exec(text)?.[1]);
    const misses = Number(/^keurmerk_verification_cache_misses_total (\d+)$/m.exec(text)?.[1]);
    expect(hits + misses).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^keurmerk_webhook_backlog\{status="pending"\} \d+$/m);
    expect(text).toMatch(/^keurmerk_job_queue_depth\{queue="[a-z.-]+"\} \d+$/m);
  });

  it('is not on the public port, and its own port answers nothing else', async () => {
    await t.http.get('/metrics').expect(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
