// The application's services in this process (as the CLI and the worker load them), for what is
// measured below HTTP: issuance, re-issue and the status change that two API processes must see.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { CliAppModule } from '../../dist/apps/cli/src/cli-app.module.js';
import { renderCertificatePdf } from '../../dist/libs/certificate-pdf/src/index.js';
import { CertificateIssuer, CertificateLifecycleService, formatCertificateNumber } from '../../dist/libs/certificates/src/index.js';
import { loadConfig } from '../../dist/libs/config/src/index.js';
import { createLogger, PinoNestLogger, startRuntime } from '../../dist/libs/runtime/src/index.js';
import { signPdf } from '../../dist/libs/signing/src/index.js';
import { ObjectStorage } from '../../dist/libs/storage/src/index.js';
import { percentile } from './load.mjs';

const SYSTEM = { kind: 'system', id: null };
const BENCH_KVK = '98000001';

export async function startServices(env) {
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' });
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  const app = await NestFactory.createApplicationContext(CliAppModule.forRoot(runtime, { issuer: true }), {
    logger: new PinoNestLogger(logger),
  });
  return {
    issuer: app.get(CertificateIssuer),
    lifecycle: app.get(CertificateLifecycleService),
    storage: app.get(ObjectStorage),
    publicBaseUrl: config.publicBaseUrl,
    async stop() {
      await app.close();
      await runtime.stop();
    },
  };
}

const ms = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round(percentile(sorted, 0.5)), p99: round(percentile(sorted, 0.99)), n: sorted.length };
};
const round = (value) => Math.round(value * 10) / 10;

/**
 * Records `count` certificates as allocation does ('uitgifte', with their content), each at a new
 * location of a benchmark landlord, with numbers from the real series.
 */
async function allocate(db, count, publicBaseUrl) {
  const year = new Date().getUTCFullYear();
  const {
    rows: [org],
  } = await db.query(
    `INSERT INTO organisation (name, kvk_number, kind) VALUES ('Benchmark Huisvesting B.V.', $1, 'verhuurder')
     ON CONFLICT (kvk_number) DO UPDATE SET name = EXCLUDED.name RETURNING id, name`,
    [BENCH_KVK],
  );
  const {
    rows: [series],
  } = await db.query(
    `INSERT INTO certificate_number_series (year, last_value) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET last_value = certificate_number_series.last_value + $2 RETURNING last_value`,
    [year, count],
  );
  const {
    rows: [{ houses }],
  } = await db.query(`SELECT count(*)::int AS houses FROM location WHERE organisation_id = $1`, [org.id]);
  const numbers = Array.from({ length: count }, (_, i) => formatCertificateNumber(year, series.last_value - count + 1 + i));
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + 364 * 86_400_000).toISOString().slice(0, 10);
  const contents = numbers.map((number, i) => ({
    certificateNumber: number,
    holderName: org.name,
    holderKvkNumber: BENCH_KVK,
    address: { street: 'Tuinbouwweg', houseNumber: houses + i + 1, postcode: '9999ZZ', city: "'s-Gravenzande" },
    municipalityName: 'Westland',
    maximumResidents: 12,
    validFrom: today,
    validUntil: until,
    normVersion: '2026.1',
    issuedOn: today,
    verifyUrl: `${publicBaseUrl}/controleer/${number}`,
  }));
  await db.query(
    `WITH src AS (SELECT n, c, gen_random_uuid() AS id FROM unnest($1::text[], $2::jsonb[]) AS s(n, c)),
          loc AS (INSERT INTO location (id, organisation_id, postcode, house_number, street, city, municipality_code, housing_type, new_build, requested_beds)
                  SELECT id, $3, '9999ZZ', (c -> 'address' ->> 'houseNumber')::int, 'Tuinbouwweg', '''s-Gravenzande', 'GM1783', 'logiesgebouw', false, 12 FROM src)
     INSERT INTO certificate (number, location_id, organisation_id, municipality_code, status, valid_from, valid_until, maximum_residents, norm_version, content)
     SELECT n, id, $3, 'GM1783', 'uitgifte', $4, $5, 12, '2026.1', c FROM src`,
    [numbers, contents.map((c) => JSON.stringify(c)), org.id, today, until],
  );
  return { numbers, contents };
}

/**
 * One certificate end to end as the worker issues it (read, render, sign, store in S3, publish in one
 * transaction with its status change and event), one after another on this one process; then
 * rendering and signing alone; then bulk re-issue of seeded certificates.
 */
export async function issuanceSuite({ services, db, count, reissueCount, log }) {
  const warmUp = 5;
  const { numbers, contents } = await allocate(db, count + warmUp, services.publicBaseUrl);
  const issue = [];
  for (const [i, number] of numbers.entries()) {
    const started = performance.now();
    const outcome = await services.issuer.issue(number);
    if (outcome !== 'issued') throw new Error(`${number}: ${outcome}`);
    if (i >= warmUp) issue.push(performance.now() - started);
  }
  log(`  issue: median ${ms(issue).median} ms\n`);

  const render = [];
  const sign = [];
  const store = [];
  for (const [i, content] of contents.entries()) {
    const started = performance.now();
    const pdf = await renderCertificatePdf(content, { signingTime: new Date() });
    const rendered = performance.now();
    const signed = await signPdf(pdf, services.issuer.signingKeys);
    const done = performance.now();
    await services.storage.put(`bench/${i}.pdf`, signed, 'application/pdf');
    render.push(rendered - started);
    sign.push(done - rendered);
    store.push(performance.now() - done);
  }

  const started = performance.now();
  const { reissued } = await services.issuer.reissue({ limit: reissueCount });
  const seconds = (performance.now() - started) / 1000;
  log(`  reissue: ${reissued} in ${seconds.toFixed(1)} s\n`);
  return {
    issue: ms(issue),
    render: ms(render.slice(warmUp)),
    sign: ms(sign.slice(warmUp)),
    renderAndSign: ms(render.slice(warmUp).map((r, i) => r + sign[i + warmUp])),
    renderSignStore: ms(render.slice(warmUp).map((r, i) => r + sign[i + warmUp] + store[i + warmUp])),
    store: ms(store.slice(warmUp)),
    reissuePerSecond: round(reissued / seconds),
    reissued,
  };
}

/**
 * A status change (committed by this process, as the API or worker would) until both API processes
 * answer the new status, polling each every millisecond or so. Alternates suspension and reinstatement.
 */
export async function propagationSuite({ services, db, apis, trials }) {
  const { rows } = await db.query(
    `SELECT number FROM certificate WHERE status = 'geldig' AND signing_kid = 'seed-scale' ORDER BY random() LIMIT $1`,
    [trials],
  );
  const status = async (api, number) =>
    (await (await fetch(`${api.url}/v1/verificaties?certificaatnummer=${number}`)).json()).certificaat.status;
  const seen = [];
  for (const { number } of rows) {
    for (const to of ['geschorst', 'geldig']) {
      // Both caches hold the current answer first: the change must evict it, not miss it.
      for (const api of apis) await status(api, number);
      const started = performance.now();
      await services.lifecycle.changeStatus(number, to, 'Benchmark', SYSTEM);
      const times = await Promise.all(
        apis.map(async (api) => {
          while (performance.now() - started < 5000) {
            if ((await status(api, number)) === to) return performance.now() - started;
          }
          return Infinity;
        }),
      );
      seen.push(Math.max(...times));
    }
  }
  const sorted = seen.sort((a, b) => a - b);
  return { median: round(percentile(sorted, 0.5)), max: round(sorted[sorted.length - 1]), trials: sorted.length };
}
