// Verification by certificate number and by address, warm cache and cold, against the API and
// against a bare node:http server serving the very same bytes for the same URLs. Warm runs use wrk
// (one URL, and many in turn); cold runs ask each certificate once, which autocannon does exactly.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from './load.mjs';
import { startBare } from './processes.mjs';
import { wrk } from './wrk.mjs';

const WARM_KEYS = 1000;
const COLD_KEYS = 3000;
/**
 * Runs of API and of bare server for each kind of warm question. The p99 of one 8-second run on a
 * shared machine moves by up to 2.5 × between twins (docs/performance.md); the median of five is what
 * one such moment cannot move, and the report shows the range beside it.
 */
export const ROUNDS = 5;
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
  const warmNumber = take(WARM_KEYS).map(numberPath);
  return {
    // The municipality's usual question: one certificate, with the number of residents to be housed.
    one: [`${warmNumber[0]}&aantalBewoners=8`],
    warmNumber,
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
  let headers;
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < paths.length) {
        const path = paths[next++];
        const response = await fetch(url + path);
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        contentType = response.headers.get('content-type');
        headers ??= stableHeaders(response.headers);
        answers[path] = await response.text();
      }
    }),
  );
  return { answers, contentType, headers };
}

/**
 * The API's response headers as a flat [name, value, …] list, without what Node adds itself (Date,
 * Connection, Keep-Alive, Content-Length) and the request id, which the bare server makes per answer.
 */
function stableHeaders(received) {
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'x-request-id']);
  return [...received].filter(([name]) => !own.has(name)).flat();
}

function assertClean(name, result) {
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} answers were not 2xx and ${result.errors} requests failed`);
  return result;
}

export async function verificationSuite({ api, db, tmp, seconds, log }) {
  const paths = await samplePaths(db);
  const warm = [...paths.one, ...paths.warmNumber, ...paths.warmAddress];
  const { answers, contentType, headers } = await prime(api.url, warm);
  // JIT and connection pool warm-up, not recorded.
  await wrk({ url: api.url, paths: warm, seconds: 3, tmp });

  const results = {};
  const record = (name, result) => {
    assertClean(name, result);
    const cpu = result.wrkCores === undefined ? '' : `, CPU server ${result.serverCores ?? '?'} wrk ${result.wrkCores} cores`;
    log(` ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${cpu}\n`);
    return result;
  };
  const warmRun = async (name, server, list) => {
    log(`  ${name} ...`);
    return record(name, await wrk({ url: server.url, paths: list, seconds, serverPid: server.pid, tmp }));
  };
  const coldRun = async (name, list) => {
    log(`  ${name} ...`);
    results[name] = record(name, await load({ url: api.url, paths: list, amount: list.length }));
  };
  const answersFile = join(tmp, `bare-answers-${Date.now()}.json`);
  await writeFile(answersFile, JSON.stringify({ contentType, answers, headers }));
  // The limit for these answers: the same bytes on the wire, headers included. API and bare take turns,
  // ROUNDS times for each kind of question, so that whatever else the machine does at that moment (the
  // database settling after a seed, other people's work) falls on both; each figure is the median of its runs.
  const bare = await startBare(answersFile, { withHeaders: true });
  try {
    await wrk({ url: bare.url, paths: warm, seconds: 2, tmp });
    for (const [kind, list] of [
      ['one', paths.one],
      ['number', paths.warmNumber],
      ['address', paths.warmAddress],
    ]) {
      const apiRuns = [];
      const bareRuns = [];
      // API, bare, bare, API, API, bare, …: whatever the machine's load does over the runs (a database
      // settling after a seed) falls on both alike, not on whichever always goes first.
      for (let round = 0; round < ROUNDS; round++) {
        const apiRun = async () => apiRuns.push(await warmRun(`${kind}-warm (${round + 1}/${ROUNDS})`, api, list));
        const bareRun = async () => bareRuns.push(await warmRun(`bare-${kind} (${round + 1}/${ROUNDS})`, bare, list));
        if (round % 2 === 0) {
          await apiRun();
          await bareRun();
        } else {
          await bareRun();
          await apiRun();
        }
      }
      results[`${kind}-warm`] = median(apiRuns);
      results[`bare-${kind}`] = median(bareRuns);
    }
  } finally {
    await bare.stop();
  }
  await load({ url: api.url, paths: paths.coldWarmUp, amount: paths.coldWarmUp.length });
  await coldRun('number-cold', paths.coldNumber);
  await coldRun('address-cold', paths.coldAddress);
  // And the body alone (Content-Type and Content-Length only): what the API's sixteen headers cost.
  const bodyOnly = await startBare(answersFile);
  try {
    await wrk({ url: bodyOnly.url, paths: warm, seconds: 2, tmp });
    results['bare-one-body-only'] = await warmRun('bare-one-body-only', bodyOnly, paths.one);
  } finally {
    await bodyOnly.stop();
  }
  const bytes = Object.values(answers).reduce((sum, body) => sum + Buffer.byteLength(body), 0) / warm.length;
  return {
    ...results,
    answerBytes: Math.round(bytes),
    ratioOne: ratio(results['one-warm'], results['bare-one']),
    ratioOneBodyOnly: ratio(results['one-warm'], results['bare-one-body-only']),
    ratioNumber: ratio(results['number-warm'], results['bare-number']),
    ratioAddress: ratio(results['address-warm'], results['bare-address']),
    p99RatioOne: p99Ratio(results['one-warm'], results['bare-one']),
    p99RatioNumber: p99Ratio(results['number-warm'], results['bare-number']),
    p99RatioAddress: p99Ratio(results['address-warm'], results['bare-address']),
  };
}

/** 1,000 certificate numbers, each asked once so the cache holds them: the questions for `verificationDuring`. */
export async function warmNumberPaths({ api, db }) {
  const { warmNumber } = await samplePaths(db);
  await prime(api.url, warmNumber);
  return warmNumber;
}

/** Verification running beside something else (a sweep): `paths` asked in turn, for as long as `until` is pending. */
export async function verificationDuring({ api, paths, tmp, until }) {
  const runs = [];
  let done = false;
  until.finally(() => (done = true));
  do runs.push(await wrk({ url: api.url, paths, seconds: 2, serverPid: api.pid, tmp }));
  while (!done);
  await until;
  return {
    rps: Math.round(runs.reduce((sum, r) => sum + r.rps, 0) / runs.length),
    p99: Math.max(...runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

/**
 * The median of wrk runs, figure by figure (requests summed), with each run's p99 kept beside it: a
 * figure one run cannot move, and the spread it came from.
 */
function median(runs) {
  const middle = (key) => {
    if (!runs.every((r) => typeof r[key] === 'number')) return undefined;
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    const half = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  };
  const round = (value, places) => (value === undefined ? undefined : Math.round(value * 10 ** places) / 10 ** places);
  return {
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    rps: round(middle('rps'), 0),
    p50: round(middle('p50'), 2),
    p90: round(middle('p90'), 2),
    p99: round(middle('p99'), 2),
    max: Math.max(...runs.map((r) => r.max)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    serverCores: round(middle('serverCores'), 2),
    wrkCores: round(middle('wrkCores'), 2),
    runs: runs.length,
    p99Runs: runs.map((r) => r.p99),
    rpsRuns: runs.map((r) => r.rps),
  };
}

const ratio = (api, bare) => Math.round((api.rps / bare.rps) * 100) / 100;
const p99Ratio = (api, bare) => Math.round((api.p99 / bare.p99) * 100) / 100;
