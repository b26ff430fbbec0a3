import pg from 'pg';
import { migrateDatabase } from '@keurmerk/database';
import { createScenario, Scenario } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { usingRealPostgres } from '../support/test-database';
import { until } from '../support/until';
import { LoadRecord, runLoad } from './support/load';
import { ThrowawayPostgres } from './support/postgres-cluster';

/**
 * PostgreSQL restarted under a load of writes and verifications: no acknowledged write is lost, the
 * running app (API, worker, LISTEN connection) comes back by itself, and health answers 503 while the
 * database is away. The server restarted is the test's own, never the shared one on 5432.
 */
const skipReason = !usingRealPostgres
  ? 'it restarts a PostgreSQL server of its own, and the app needs several connections; set DATABASE_URL (PostgreSQL), as CI does'
  : ThrowawayPostgres.unavailableReason();
if (skipReason) process.stdout.write(`reliability/database-restart: skipped, ${skipReason}.\n`);

const RESTARTS = 3;
const LOAD_WORKERS = 4;

(skipReason ? describe.skip : describe)('PostgreSQL restarted during writes and verifications', () => {
  let server: ThrowawayPostgres;
  let t: TestApp;
  let s: Scenario;
  let certified: { number: string };
  const record = new LoadRecord<string>();
  const healthWhileDown: number[] = [];

  const sql = async <T>(text: string, values?: unknown[]): Promise<T[]> => {
    const client = new pg.Client({ connectionString: server.databaseUrl('keurmerk') });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    server = await ThrowawayPostgres.start();
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE keurmerk');
    await admin.end();
    await migrateDatabase({ url: server.databaseUrl('keurmerk'), poolSize: 1 });
    t = await startTestApp({
      database: { url: server.databaseUrl('keurmerk'), drop: async () => undefined },
      withWorker: true,
      env: { DATABASE_POOL_SIZE: '6' },
    });
    s = await createScenario(t, 'pgr');
    certified = await s.certifiedLocation({ huisnummer: 1 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    server?.destroy();
  });

  /** One write (a location; acknowledged = 201 with its id) and one verification per step. */
  const step = async (worker: number, iteration: number) => {
    const huisnummer = 1000 + worker * 10_000 + iteration;
    try {
      const created = await t.http
        .post('/v1/locaties')
        .set(s.as('verhuurderA'))
        .send({
          adres: { postcode: '2671AB', huisnummer, straatnaam: 'Tuinbouwweg', woonplaats: 'Naaldwijk' },
          gemeentecode: 'GM1783',
          soortHuisvesting: 'woning',
          nieuwbouw: false,
          aantalSlaapplaatsen: 4,
        });
      record.count('write', created.status);
      if (created.status === 201) record.acknowledged.push(created.body.id as string);
    } catch {
      record.count('write', 'no answer');
    }
    try {
      const verified = await t.http.get('/v1/verificaties').query({ certificaatnummer: certified.number });
      record.count('verification', verified.status);
    } catch {
      record.count('verification', 'no answer');
    }
  };

  const health = async () => (await t.http.get('/v1/health')).status;

  it(
    `loses no acknowledged write over ${RESTARTS} restarts, answers health 503 while down, and recovers without a restart of the ` + `app`,
    async () => {
      const load = runLoad(LOAD_WORKERS, step);
      /** Waits for `count` more writes acknowledged than now. */
      const moreWrites = (count: number, what: string) => {
        const target = record.acknowledged.length + count;
        return until(() => record.acknowledged.length >= target, 30_000, what);
      };
      const refusedWrites = () => [...record.statuses].filter(([key]) => /^write 5\d\d$/.test(key)).reduce((sum, [, n]) => sum + n, 0);
      for (let restart = 0; restart < RESTARTS; restart++) {
        await moreWrites(8, `writes acknowledged before stop ${restart + 1}`);
        server.stop();
        // While the database is away, health says so; the load keeps hitting the API meanwhile.
        const refusedBefore = refusedWrites();
        for (let i = 0; i < 3; i++) healthWhileDown.push(await health());
        await until(() => refusedWrites() > refusedBefore, 30_000, `the load to see outage ${restart + 1}`);
        server.start();
        await until(async () => (await health()) === 200, 30_000, 'health to answer 200 again');
      }
      // Some traffic after the last restart, on the recovered connections.
      await until(() => record.acknowledged.length >= 8 * RESTARTS, 30_000, 'writes acknowledged after the restarts');
      await moreWrites(8, 'writes acknowledged after the last restart');
      await load.stop();
      process.stdout.write(`reliability/database-restart: ${RESTARTS} restarts; requests by outcome ${JSON.stringify(record.summary())}\n`);

      expect(healthWhileDown).toEqual(Array(RESTARTS * 3).fill(503));
      expect(await health()).toBe(200);
      const found = await sql<{ id: string }>('SELECT id::text FROM location WHERE id = ANY($1::uuid[])', [record.acknowledged]);
      process.stdout.write(
        `reliability/database-restart: writes acknowledged ${record.acknowledged.length}, found after the restarts ${found.length}\n`,
      );
      expect(new Set(found.map((r) => r.id))).toEqual(new Set(record.acknowledged));
      // The outages were seen by the load: refused requests, never an unanswered one.
      expect([...record.statuses.keys()].some((key) => /^write 5\d\d$/.test(key))).toBe(true);
      expect([...record.statuses.keys()].filter((key) => key.endsWith('no answer'))).toEqual([]);
    },
    180_000,
  );

  it('answers a refused request during the outage as 503 problem+json, not as an unexpected 500', () => {
    const unexpected = [...record.statuses.keys()].filter((key) => / 500$/.test(key));
    expect(unexpected).toEqual([]);
  });

  it('listens for certificate changes again, so a suspension is seen at once', async () => {
    await until(
      async () => (await sql('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', ['keurmerk-listen'])).length === 1,
      10_000,
      'the LISTEN connection',
    );
    // Warm the cache, then suspend: the answer changes with the notification, not after a TTL.
    for (let i = 0; i < 2; i++)
      expect((await t.http.get('/v1/verificaties').query({ certificaatnummer: certified.number })).body.voldoet).toBe(true);
    await t.http
      .post(`/v1/certificaten/${certified.number}/statuswijzigingen`)
      .set(s.as('certifier'))
      .send({ status: 'geschorst', reden: 'Na de herstart' })
      .expect(201);
    const after = await t.http.get('/v1/verificaties').query({ certificaatnummer: certified.number });
    expect(after.body).toMatchObject({ voldoet: false, redenen: [expect.objectContaining({ code: 'geschorst' })] });
  });

  it('runs background jobs again: a decision after the restarts is issued by the in-process worker', async () => {
    const number = await s.decide(await s.inspect(await s.location({ huisnummer: 2 })));
    const published = await until(
      async () => {
        const response = await t.http.get(`/v1/certificaten/${number}`);
        return response.status === 200 && response.body;
      },
      60_000,
      'the worker to issue the certificate',
    );
    expect(published.status).toBe('geldig');
  }, 90_000);
});
