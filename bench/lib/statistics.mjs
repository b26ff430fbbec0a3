// The open statistics (GET /v1/statistieken), computed by PostgreSQL when asked: national and for the
// municipality with the most certificates, today and on a day in the past (that path reads the status
// changes). Each question asked ROUNDS times one after another; the first is cold for PostgreSQL's plan
// and pages, the median is what a caller usually waits.
import http from 'node:http';

const ROUNDS = 7;

export async function statisticsSuite({ api, db }) {
  const {
    rows: [largest],
  } = await db.query(
    `SELECT municipality_code AS code, count(*)::int AS certificates FROM certificate GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const past = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const questions = {
    national: '/v1/statistieken',
    nationalPast: `/v1/statistieken?peildatum=${past}`,
    municipality: `/v1/statistieken?gemeentecode=${largest.code}`,
    municipalityPast: `/v1/statistieken?gemeentecode=${largest.code}&peildatum=${past}`,
  };
  const result = { municipality: largest.code, municipalityCertificates: largest.certificates, peildatum: past };
  for (const [name, path] of Object.entries(questions)) {
    const times = [];
    for (let i = 0; i < ROUNDS; i++) times.push(await timed(api.url, path));
    const sorted = [...times].sort((a, b) => a - b);
    result[name] = { first: round(times[0]), median: round(sorted[Math.floor(sorted.length / 2)]), max: round(sorted.at(-1)) };
  }
  return result;
}

function timed(base, path) {
  const { hostname, port } = new URL(base);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path, headers: { Accept: 'application/json' } }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${path} answered ${response.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const round = (ms) => Math.round(ms * 10) / 10;
