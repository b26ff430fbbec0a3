// `npm run bench`: the performance figures of Keurmerk in one run on real PostgreSQL, written to
// bench/results/latest.{json,md} and printed. Not a test: the figures depend on the machine.
//
// Environment (all optional):
//   BENCH_DATABASE_URL  a PostgreSQL server to create the database keurmerk_bench on
//                       (default: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SMALL, BENCH_LARGE   the two scales, in certificates (default 10000 and 1000000)
//   BENCH_SECONDS       length of each timed HTTP run (default 8)
//   BENCH_LOG_LEVEL     the API's LOG_LEVEL (default: unset, so the application's default, info)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { embeddedS3Credentials } from '../dist/libs/storage/src/index.js';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { exportSuite } from './lib/export.mjs';
import { runCli, startApi, startS3 } from './lib/processes.mjs';
import { markdownReport } from './lib/report.mjs';
import { issuanceSuite, propagationSuite, startServices } from './lib/services.mjs';
import { sweepsSuite } from './lib/sweeps.mjs';
import { statisticsSuite } from './lib/statistics.mjs';
import { ROUNDS, verificationSuite } from './lib/verification.mjs';
import { ensureWrk } from './lib/wrk.mjs';

const SMALL = Number(process.env.BENCH_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DATABASE = 'keurmerk_bench';
const CAPPED_HEAP_MIB = 96;
const RESULTS = new URL('./results/', import.meta.url).pathname;

const log = (text) => process.stderr.write(text);
const begun = Date.now();
const elapsed = () => `${Math.round((Date.now() - begun) / 1000)} s`;

async function freshDatabase() {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    const {
      rows: [{ server_version: version }],
    } = await admin.query('SHOW server_version');
    const url = new URL(server);
    url.pathname = `/${DATABASE}`;
    return { url: url.toString(), version };
  } finally {
    await admin.end();
  }
}

async function main() {
  ensureWrk();
  const tmp = await mkdtemp(join(tmpdir(), 'keurmerk-bench-'));
  const database = await freshDatabase();
  const s3 = await startS3(join(tmp, 's3'), 'keurmerk');
  const env = {
    DATABASE_URL: database.url,
    S3_ENDPOINT: s3.url,
    S3_BUCKET: 'keurmerk',
    // The key pair the S3 server generated into its directory.
    S3_ACCESS_KEY_ID: embeddedS3Credentials(join(tmp, 's3')).accessKeyId,
    S3_SECRET_ACCESS_KEY: embeddedS3Credentials(join(tmp, 's3')).secretAccessKey,
    // Benchmarks sign with the development key outside embedded mode, on purpose.
    SIGNING_KEY_DEVELOPMENT: 'true',
    KEURMERK_OIN: '00000009999999999999',
    DATA_DIR: tmp,
    // The limit guards against abuse per client address; the load here comes from one address.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '10000000',
    ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
  };
  const db = new pg.Client({ connectionString: database.url });
  const running = [];
  const api = async (port, extraEnv = {}) => {
    const instance = await startApi({ env: { ...env, ...extraEnv }, port, logFile: join(tmp, `api-${port}.log`) });
    running.push(instance);
    return instance;
  };
  const stop = async (instance) => {
    running.splice(running.indexOf(instance), 1);
    await instance.stop();
  };
  let services;
  try {
    log(`Keurmerk benchmark: PostgreSQL ${database.version}, ${cpus().length} cores, scales ${SMALL} and ${LARGE}; work files in ${tmp}\n`);
    await runCli(['migrate'], env);
    await db.connect();
    const result = {
      startedAt: new Date().toISOString(),
      machine: machine(database.version),
      settings: {
        small: SMALL,
        large: LARGE,
        seconds: SECONDS,
        rounds: ROUNDS,
        connections: 50,
        logLevel: process.env.BENCH_LOG_LEVEL ?? 'info (default)',
      },
      scales: {},
    };

    log(`[${elapsed()}] seeding ${SMALL} certificates\n`);
    result.seed = { small: await seed(SMALL, env, db) };
    let first = await api(3901);

    log(`[${elapsed()}] verification at ${SMALL}\n`);
    result.scales.small = { verification: await verificationSuite({ api: first, db, tmp, seconds: SECONDS, log }) };
    log(`[${elapsed()}] register export at ${SMALL}\n`);
    result.scales.small.export = await exportSuite({ api: first });
    log(`[${elapsed()}] open statistics at ${SMALL}\n`);
    result.scales.small.statistics = await statisticsSuite({ api: first, db });

    log(`[${elapsed()}] issuance and re-issue\n`);
    services = await startServices(env);
    result.issuance = await issuanceSuite({ services, db, count: 100, reissueCount: 150, log });

    log(`[${elapsed()}] status change seen by two API processes\n`);
    const second = await api(3902);
    result.propagation = await propagationSuite({ services, db, apis: [first, second], trials: 10 });
    await stop(second);
    await services.stop();
    services = undefined;

    // The larger scale gets fresh API processes: nothing cached, nothing compiled for the small one.
    await stop(first);
    log(`[${elapsed()}] seeding up to ${LARGE} certificates\n`);
    result.seed.large = await seed(LARGE, env, db);
    first = await api(3903);
    log(`[${elapsed()}] verification at ${LARGE}\n`);
    result.scales.large = { verification: await verificationSuite({ api: first, db, tmp, seconds: SECONDS, log }) };
    log(`[${elapsed()}] register export at ${LARGE}\n`);
    result.scales.large.export = await exportSuite({ api: first });
    log(`[${elapsed()}] open statistics at ${LARGE}\n`);
    result.scales.large.statistics = await statisticsSuite({ api: first, db });
    await stop(first);
    // Node keeps the heap it grew to while it can; with the heap capped, the same export shows what it needs.
    const capped = await api(3905, { NODE_OPTIONS: `--max-old-space-size=${CAPPED_HEAP_MIB}` });
    log(`[${elapsed()}] register export at ${LARGE}, API heap capped at ${CAPPED_HEAP_MIB} MiB\n`);
    result.scales.large.exportCappedHeap = { ...(await exportSuite({ api: capped })), heapCapMiB: CAPPED_HEAP_MIB };
    await stop(capped);
    // Last: the sweeps change certificates (expiry, withdrawal), which the figures above must not see.
    const sweeping = await api(3906);
    log(`[${elapsed()}] the worker's sweeps at ${LARGE}, verification answering meanwhile\n`);
    result.sweeps = await sweepsSuite({ env, api: sweeping, db, tmp, log });
    await stop(sweeping);

    result.seconds = Math.round((Date.now() - begun) / 1000);
    await mkdir(RESULTS, { recursive: true });
    const markdown = markdownReport(result);
    await writeFile(join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(join(RESULTS, 'latest.md'), markdown);
    process.stdout.write(`\n${markdown}\nWritten to bench/results/latest.json and latest.md in ${result.seconds} s.\n`);
  } finally {
    await services?.stop().catch(() => undefined);
    for (const instance of running) await instance.stop();
    await db.end().catch(() => undefined);
    await s3.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function seed(count, env, db) {
  const started = Date.now();
  const out = await runCli(['seed-scale', '--count', String(count), '--force'], env);
  const seconds = (Date.now() - started) / 1000;
  log(out);
  // The seed vacuums and analyses what it wrote; the gigabyte of dirty pages it leaves is flushed now,
  // not by a checkpoint in the middle of a measurement.
  await db.query('CHECKPOINT');
  const quiet = await autovacuumDone(db);
  log(`  autovacuum ${quiet.waited > 0 ? `ran on for ${quiet.waited} s after the seed` : 'was not running after the seed'}\n`);
  return { certificates: count, seconds: Math.round(seconds * 10) / 10, autovacuumWaitSeconds: quiet.waited };
}

/**
 * Waits (at most two minutes) until no autovacuum worker is busy: PostgreSQL analyses or vacuums
 * tables a seed has grown on its own schedule, and a worker on the two cores during a warm run
 * takes CPU from whichever server is being measured at that moment.
 */
async function autovacuumDone(db) {
  const started = Date.now();
  for (;;) {
    const {
      rows: [{ busy }],
    } = await db.query(`SELECT count(*)::int AS busy FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
    const waited = Math.round((Date.now() - started) / 1000);
    if (busy === 0 || waited >= 120) return { waited };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function machine(postgres) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
  };
}

main().catch((error) => {
  process.stderr.write(`\nbenchmark failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
