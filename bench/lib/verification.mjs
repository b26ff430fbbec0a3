// Verification by certificate number and by address, warm cache and cold, against the API and
// against a bare node:http server serving the very same bytes for the same URLs.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from './load.mjs';
import { startBare } from './processes.mjs';

const WARM_KEYS = 1000;
const COLD_KEYS = 3000;
/** Asked once before the cold runs, so that they measure the database path, not its first compilation. */
const COLD_WARM_UP_KEYS = 500;
const SAMPLE = 2 * (WARM_KEYS + COLD_KEYS + COLD_WARM_UP_KEYS);

function addressPath(row) {
  const query = new URLSearchParams({ postcode: row.postcode, huisnummer: String(row.house_number) });
  if (row.house_letter) query.set('huisletter', row.house_letter);
  if (row.house_number_addition) query.set('huisnummertoevoeging', row.house_number_addition);
  return `/v1/verificaties?${query}`;
}

const numberPath = (row) => `/v1/verificaties?certificaatnummer=${row.number}`;

/** Distinct certificates for each run, so a cold run never finds what an earlier run cached. */
async function samplePaths(db) {
  const { rows } = await db.query(
    `SELECT c.number, l.postcode, l.house_number, l.house_letter, l.house_number_addition
       FROM certificate c JOIN location l ON l.id = c.location_id
      WHERE c.status <> 'uitgifte' ORDER BY random() LIMIT $1`,
    [SAMPLE],
  );
  if (rows.length < SAMPLE) throw new Error(`need ${SAMPLE} certificates, found ${rows.length}`);
  const take = (count) => rows.splice(0, count);
  return {
    warmNumber: take(WARM_KEYS).map(numberPath),
    warmAddress: take(WARM_KEYS).map(addressPath),
    coldNumber: take(COLD_KEYS).map(numberPath),
    coldAddress: take(COLD_KEYS).map(addressPath),
    coldWarmUp: [...take(COLD_WARM_UP_KEYS).map(numberPath), ...take(COLD_WARM_UP_KEYS).map(addressPath)],
  };
}

/** Asks every path once (20 at a time) and keeps the answers: this fills the cache and gives the bare server its bytes. */
async function prime(url, paths) {
  const answers = {};
  let contentType;
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < paths.length) {
        const path = paths[next++];
        const response = await fetch(url + path);
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        contentType = response.headers.get('content-type');
        answers[path] = await response.text();
      }
    }),
  );
  return { answers, contentType };
}

function assertClean(name, result) {
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} answers were not 2xx and ${result.errors} requests failed`);
  return result;
}

export async function verificationSuite({ api, db, tmp, seconds, log }) {
  const paths = await samplePaths(db);
  const warm = [...paths.warmNumber, ...paths.warmAddress];
  const { answers, contentType } = await prime(api.url, warm);
  // JIT and connection pool warm-up, not recorded.
  await load({ url: api.url, paths: warm, seconds: 3 });

  const results = {};
  const run = async (name, options) => {
    log(`  ${name} ...`);
    results[name] = assertClean(name, await load(options));
    log(` ${results[name].rps} req/s, p50 ${results[name].p50} ms, p99 ${results[name].p99} ms\n`);
  };
  await run('number-warm', { url: api.url, paths: paths.warmNumber, seconds });
  await run('address-warm', { url: api.url, paths: paths.warmAddress, seconds });
  await load({ url: api.url, paths: paths.coldWarmUp, amount: paths.coldWarmUp.length });
  await run('number-cold', { url: api.url, paths: paths.coldNumber, amount: paths.coldNumber.length });
  await run('address-cold', { url: api.url, paths: paths.coldAddress, amount: paths.coldAddress.length });

  const answersFile = join(tmp, `bare-answers-${Date.now()}.json`);
  await writeFile(answersFile, JSON.stringify({ contentType, answers }));
  const bare = await startBare(answersFile);
  try {
    await load({ url: bare.url, paths: warm, seconds: 2 });
    await run('bare-number', { url: bare.url, paths: paths.warmNumber, seconds });
    await run('bare-address', { url: bare.url, paths: paths.warmAddress, seconds });
  } finally {
    await bare.stop();
  }
  const bytes = Object.values(answers).reduce((sum, body) => sum + Buffer.byteLength(body), 0) / warm.length;
  return {
    ...results,
    answerBytes: Math.round(bytes),
    ratioNumber: ratio(results['number-warm'], results['bare-number']),
    ratioAddress: ratio(results['address-warm'], results['bare-address']),
  };
}

const ratio = (api, bare) => Math.round((api.rps / bare.rps) * 100) / 100;
