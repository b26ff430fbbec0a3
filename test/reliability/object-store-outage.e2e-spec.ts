import { CertificateQueryService } from '@keurmerk/certificates';
import { EventLog } from '@keurmerk/events';
import { JOB_QUEUE_SCHEMA } from '@keurmerk/migrations';
import { EmbeddedS3 } from '@keurmerk/storage';
import { DocumentCheckService } from '@keurmerk/verification';
import { createScenario, Scenario } from '../support/scenario';
import { expectProblem, startTestApp, TestApp } from '../support/test-app';
import { PNG } from '../support/files';
import { until } from '../support/until';

/**
 * The object store unavailable: uploads answer a clear 503 and record nothing; a certificate decided
 * meanwhile is issued by the worker's retries once the store is back, once. (Issuing through the
 * service during an outage, and a crash between storing and publishing: test/certificates.e2e-spec.ts.)
 */
describe('object store (S3) unavailable during uploads and issuance', () => {
  let t: TestApp;
  let s: Scenario;
  let port: number;
  let outages = 0;

  const stopStore = async () => {
    port = t.s3.port;
    await t.s3.stop();
    outages++;
  };
  const startStore = async () => {
    t.s3 = await EmbeddedS3.start({ directory: t.config.dataDir, bucket: t.config.objectStore.bucket, port });
  };
  const newLocation = (huisnummer: number) => s.location({ huisnummer });

  beforeAll(async () => {
    t = await startTestApp({ withWorker: true });
    s = await createScenario(t, 's3out');
  });
  afterAll(async () => {
    process.stdout.write(`reliability/object-store-outage: ${outages} outages of the object store\n`);
    await t.close();
  });

  it('answers uploads with 503 problem+json while the store is away, keeps no record of them, and takes them once it is back', async () => {
    const application = (
      await t.http
        .post('/v1/aanvragen')
        .set(s.as('verhuurderA'))
        .send({ locatieId: await newLocation(10) })
        .expect(201)
    ).body.id as string;
    const upload = () =>
      t.http.post(`/v1/aanvragen/${application}/documenten`).set(s.as('verhuurderA')).attach('bestand', PNG, 'plattegrond.png');
    const documents = async () =>
      (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM document WHERE application_id = $1`, [application]))[0].n;

    await stopStore();
    try {
      for (let i = 0; i < 3; i++) {
        const refused = await upload();
        expectProblem(refused, 503);
        expect(refused.body.detail).toMatch(/document store is not available/);
      }
      const health = await t.http.get('/v1/health');
      expectProblem(health, 503);
      expect(health.body.detail).toMatch(/object store/);
      expect(await documents()).toBe(0);
    } finally {
      await startStore();
    }
    const stored = await upload();
    expect(stored.status).toBe(201);
    expect(await documents()).toBe(1);
    expect((await t.http.get('/v1/health')).status).toBe(200);
  });

  it('issues a certificate decided during the outage once the store is back: one PDF published, one status change, one event', async () => {
    const locationId = await newLocation(11);
    const inspection = await s.inspect(locationId);
    await stopStore();
    let number: string;
    try {
      number = await s.decide(inspection);
      // The worker tries, fails on the store, and the queue schedules it again.
      await until(
        async () =>
          (
            await t.sql<{ retry_count: number }>(
              `SELECT retry_count FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'certificates.issue' AND data ->> 'number' = $1`,
              [number],
            )
          )[0]?.retry_count >= 1,
        30_000,
        'a failed issuance attempt',
      );
      expectProblem(await t.http.get(`/v1/certificaten/${number}`), 404);
    } finally {
      await startStore();
    }
    const published = await until(
      async () => {
        const response = await t.http.get(`/v1/certificaten/${number!}`);
        return response.status === 200 && response.body;
      },
      60_000,
      'the certificate to be issued after the outage',
    );
    expect(published.status).toBe('geldig');

    const [job] = await t.sql<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'certificates.issue' AND data ->> 'number' = $1`,
      [number!],
    );
    process.stdout.write(`reliability/object-store-outage: issuance job ${job.state} after ${job.retry_count} retries\n`);
    const changes = await t.sql<{ from_status: string | null; to_status: string }>(
      `SELECT from_status, to_status FROM certificate_status_change WHERE certificate_number = $1`,
      [number!],
    );
    expect(changes).toEqual([{ from_status: null, to_status: 'geldig' }]);
    const events = (await t.app.get(EventLog).history('certificate', number!)).map((e) => e.action);
    expect(events).toEqual(['allocated', 'issued']);
    const { bytes } = await t.app.get(CertificateQueryService).pdf(number!);
    expect(await t.app.get(DocumentCheckService).check(bytes)).toMatchObject({
      signatureValid: true,
      documentUnchanged: true,
      certificateNumber: number!,
    });
  }, 120_000);
});
