import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { DEFAULT_NORM, criteriaOf } from '@keurmerk/norm';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeAnswer } from './support/http-call';
import { fetchOpenApi, type OpenApiDocument, type OpenApiOperation, operationsOf } from './support/openapi-routes';
import { requestsFor, type FuzzRequest, type ValuePools } from './support/schema-fuzz';
import { AREA_IN, AREA_OUT, buildWorld, PRINCIPALS, type PrincipalName, type World } from './support/world';

/**
 * Issue 16, item 9: a fuzzer over every route of the OpenAPI document the app serves. For each
 * route it generates requests from the schemas (see support/schema-fuzz.ts), valid and broken, as
 * each principal and anonymously, and asserts that
 * - nothing answers 5xx;
 * - every 4xx is application/problem+json with type, title, status and detail, a 400 with invalidParams;
 * - a refused write changes nothing in the database (a fingerprint of every table, taken around it),
 *   and no read changes anything at all.
 * Bounded by FUZZ_RUNS generated requests per route (default 25) and FUZZ_TIME_LIMIT_MS for all of
 * them (default 50 s; building the world takes about 40 s more). The seed is random unless FUZZ_SEED is set,
 * and printed with the summary and with every failure; FUZZ_ROUTES (a regular expression over
 * "METHOD /path") narrows the run to some routes, to replay one.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 50_000);
const ONLY = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : undefined;

/** One principal of each role, with the others of that role. */
const ROLES: Partial<Record<PrincipalName, PrincipalName[]>> = {
  anonymous: [],
  beheerder: [],
  verhuurderA: ['verhuurderB'],
  auditor: ['auditorOther'],
  certificeerder: ['inspectorAsCertifier'],
  gemeenteIn: ['gemeenteOut'],
  apiKeyIn: ['apiKeyOut'],
};

/** Tables a refused request writes to on purpose: failed sign-ins are counted to slow guessing. */
const WRITTEN_ON_REFUSAL: Record<string, string[]> = {
  'POST /tokens': ['login_failure'],
  // A wrong current password is counted like a failed sign-in.
  'POST /gebruikers/mij/wachtwoord': ['login_failure'],
};

/** The seed of one route, from the run's seed, so each route can be replayed on its own. */
const routeSeed = (key: string) => [...key].reduce((hash, ch) => (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0, SEED);

/** Why an answer breaks the rules, or undefined. */
function wrongAnswer(response: Response): string | undefined {
  if (response.status >= 500) return `status ${response.status}`;
  if (response.status < 400) return undefined;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `a ${response.status} as ${type || 'no content type'}, not problem+json`;
  const body = response.body as Record<string, unknown>;
  for (const member of ['type', 'title', 'detail']) if (typeof body?.[member] !== 'string') return `problem without ${member}`;
  if (body.status !== response.status) return `problem status ${String(body.status)} on a ${response.status}`;
  if (response.status === 400) {
    const params = body.invalidParams as { name?: unknown; code?: unknown; reason?: unknown }[] | undefined;
    if (!Array.isArray(params) || params.length === 0) return 'a 400 without invalidParams';
    if (params.some((p) => typeof p.name !== 'string' || typeof p.code !== 'string' || typeof p.reason !== 'string'))
      return 'invalidParams without name, code and reason';
  }
  return undefined;
}

describe('fuzzer: generated requests on every OpenAPI route, as every principal (issue 16, item 9)', () => {
  let t: TestApp;
  let w: World;
  let document: OpenApiDocument;
  let pools: ValuePools;
  let fingerprintSql: string;
  const covered = new Map<string, number>();
  const answered = new Map<string, Map<number, number>>();
  const problems: string[] = [];
  let requests = 0;
  let started = 0;

  beforeAll(async () => {
    t = await startTestApp({
      // Forwarded addresses are trusted so every request has its own (see send): per-address limits
      // such as five complaints per ten minutes then count each request alone and most reach the handlers.
      env: { TRUST_PROXY: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', RATE_LIMIT_API_KEY_PER_MINUTE: '1000000' },
    });
    w = await buildWorld(t, 'fz');
    document = await fetchOpenApi(t);

    // Throwaway targets for the routes whose valid request would take a principal's own key away.
    const keys = [await w.fresh.apiKey(AREA_IN), await w.fresh.apiKey(AREA_IN), await w.fresh.apiKey(AREA_OUT)];
    const { apiKeyIn, apiKeyOut, userEmail, ...rest } = w.ids;
    void apiKeyIn;
    void apiKeyOut;
    void userEmail;
    const uuids = Object.values(rest).filter((v) => /^[0-9a-f-]{36}$/.test(v));
    const bySegment: Record<string, string[]> = {
      organisaties: [w.ids.landlordA, w.ids.landlordB, w.ids.body, w.ids.otherBody],
      gebruikers: [w.ids.user, w.ids.inspector],
      'api-sleutels': keys,
      locaties: [w.ids.location, w.ids.applicationLocation, w.ids.findingsLocation],
      aanvragen: [w.ids.application],
      inspecties: [w.ids.openInspection, w.ids.decidedInspection, w.ids.findingsInspection, w.ids.inspectorInspection],
      bevindingen: [w.ids.finding, w.ids.reportedFinding],
      abonnementen: [w.ids.subscription],
      meldingen: [w.ids.complaint],
    };
    const criterionCodes = criteriaOf(DEFAULT_NORM).map((c) => c.code);
    pools = {
      uuids,
      pathValues(routeKey, parameter) {
        if (parameter === 'documentId') return [w.ids.document, w.ids.evidence];
        if (parameter === 'criteriumCode') return criterionCodes;
        if (parameter === 'nummer') return [w.ids.certificate];
        if (parameter === 'versie') return [DEFAULT_NORM.version, w.ids.concept];
        return bySegment[routeKey.split(' ')[1].split('/')[1]];
      },
      byName: {
        certificaatnummer: [w.ids.certificate],
        email: [w.ids.userEmail, `fz-${Date.now()}@fuzz.test`],
        gemeentecode: [AREA_IN, AREA_OUT],
        callbackUrl: [w.receiverUrl],
        criteriumCode: criterionCodes,
        postcode: ['2671AB', '2671 ab', '2672CD'],
        locatieId: [w.ids.location, w.ids.applicationLocation, w.ids.findingsLocation],
        auditorId: [w.ids.auditor, w.ids.auditorOther, w.ids.inspector],
        organisatieId: [w.ids.landlordA, w.ids.landlordB, w.ids.body],
        inspectieId: [w.ids.openInspection, w.ids.findingsInspection],
      },
    };

    // One query for a fingerprint of every table: its row count and the sum of a hash of each row.
    const tables = await t.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    fingerprintSql = tables
      .map(
        ({ table_name: name }) =>
          `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(hashtext(r::text)::bigint), 0)::text AS print FROM ` +
          `public."${name}" r`,
      )
      .join(' UNION ALL ');
    started = Date.now();
  }, 240_000);

  afterAll(async () => {
    const total = operationsOf(document ?? { paths: {}, components: { schemas: {} } }).length;
    const statuses = new Map<number, number>();
    for (const byStatus of answered.values()) for (const [status, n] of byStatus) statuses.set(status, (statuses.get(status) ?? 0) + n);
    const spread = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(
      `fuzzer: seed ${SEED}, ${requests} generated requests on ${covered.size}/${total} OpenAPI routes in ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s ` + `(FUZZ_RUNS=${RUNS}); answers ${spread}; ${problems.length} problems`,
    );
    await w?.close();
    await t?.close();
  });

  /**
   * The next transaction id PostgreSQL will hand out, with the table prints of when it was last seen to
   * move. Every transaction that writes gets an id (committed or rolled back) and reads get none, so
   * while it stands still nothing can have been written, and the prints (a full pass over every table)
   * are taken again only when it moves.
   */
  let known: { xid: string; prints: Record<string, string> } | undefined;
  const fingerprint = async (ignore: string[] = []) => {
    const [{ xid }] = await t.sql<{ xid: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid');
    if (known?.xid !== xid) {
      const rows = await t.sql<{ name: string; print: string }>(fingerprintSql);
      known = { xid, prints: Object.fromEntries(rows.map((r) => [r.name, r.print])) };
    }
    return Object.fromEntries(Object.entries(known.prints).filter(([name]) => !ignore.includes(name)));
  };
  const changed = (before: Record<string, string>, after: Record<string, string>) =>
    Object.keys(after).filter((name) => before[name] !== after[name]);

  /**
   * Which principals get past the access check of a route, asked once per role with a valid request:
   * the fuzzer sends most requests as them. Roles decide access; the other principal of the same role
   * (another landlord, another area) is admitted with it and then meets the ownership checks.
   */
  async function admittedPrincipals(operation: OpenApiOperation, sample: FuzzRequest): Promise<PrincipalName[]> {
    if (!operation.operation.security?.length) return [...PRINCIPALS];
    const admitted: PrincipalName[] = [];
    for (const [who, sameRole] of Object.entries(ROLES) as [PrincipalName, PrincipalName[]][]) {
      const response = await w.call(who, sample.call);
      record(operation, who, sample, response);
      // The role's first principal owns the fixtures: it is asked three times as often as the others of its role.
      if (response.status !== 401 && response.status !== 403) admitted.push(who, who, who, ...sameRole);
    }
    return admitted;
  }

  function record(
    operation: OpenApiOperation,
    who: PrincipalName,
    request: FuzzRequest,
    response: Response,
    writeProblem?: string,
  ): boolean {
    requests++;
    covered.set(operation.key, (covered.get(operation.key) ?? 0) + 1);
    const byStatus = answered.get(operation.key) ?? new Map<number, number>();
    byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
    answered.set(operation.key, byStatus);
    const wrong = wrongAnswer(response) ?? writeProblem;
    if (wrong) {
      problems.push(`[seed ${SEED}] ${operation.key} as ${who} (${request.intent}): ${wrong} — ${describeAnswer(request.call, response)}`);
    }
    return !wrong;
  }

  it(
    'fuzzes every route: no 5xx, every refusal a problem, nothing written by a refusal',
    async () => {
      const operations = operationsOf(document).filter((o) => !ONLY || ONLY.test(o.key));
      for (const [index, operation] of operations.entries()) {
        const write = operation.method !== 'GET';
        const ignore = WRITTEN_ON_REFUSAL[operation.key] ?? [];
        const arbitrary = requestsFor(document, operation, pools);
        const [probe] = fc.sample(
          arbitrary.filter((r) => r.intent === 'valid'),
          { numRuns: 1, seed: routeSeed(operation.key) },
        );
        let before = await fingerprint(ignore);
        const admitted = await admittedPrincipals(
          operation,
          probe ?? fc.sample(arbitrary, { numRuns: 1, seed: routeSeed(operation.key) })[0],
        );
        if (!write) {
          const after = await fingerprint(ignore);
          if (changed(before, after).length > 0)
            problems.push(`[seed ${SEED}] ${operation.key}: a read changed ${changed(before, after).join(', ')}`);
        }
        // Most requests as a principal the route lets in, so they reach the handler; some as anyone.
        const principal = fc.oneof(
          { arbitrary: admitted.length ? fc.constantFrom(...admitted) : fc.constantFrom(...PRINCIPALS), weight: 4 },
          { arbitrary: fc.constantFrom(...PRINCIPALS), weight: 1 },
        );
        // The time left, shared by the routes still to come. Runs past a route's share send nothing:
        // fast-check's own time limit would leave the request in flight while the next route starts.
        const remaining = operations.length - index;
        const deadline = Date.now() + Math.max(500, (TIME_LIMIT_MS - (Date.now() - started)) / remaining);
        before = await fingerprint(ignore);
        await fc.assert(
          fc.asyncProperty(arbitrary, principal, async (request, who) => {
            if (Date.now() > deadline) return true;
            const response = await w.call(who, request.call);
            let writeProblem: string | undefined;
            if (write) {
              const after = await fingerprint(ignore);
              const touched = changed(before, after);
              if (response.status >= 400 && touched.length > 0) writeProblem = `a refused write changed ${touched.join(', ')}`;
              before = after;
            }
            record(operation, who, request, response, writeProblem);
            return true;
          }),
          { seed: routeSeed(operation.key), numRuns: RUNS },
        );
        if (!write) {
          const after = await fingerprint(ignore);
          if (changed(before, after).length > 0)
            problems.push(`[seed ${SEED}] ${operation.key}: reads changed ${changed(before, after).join(', ')}`);
        }
      }
      if (problems.length > 0) console.log(`fuzzer problems (replay with FUZZ_SEED=${SEED}):\n${problems.slice(0, 60).join('\n')}`);
      expect(problems.slice(0, 30)).toEqual([]);
    },
    TIME_LIMIT_MS + 120_000,
  );

  it('exercised every route of the OpenAPI document', () => {
    if (ONLY) return console.log(`FUZZ_ROUTES=${ONLY.source}: coverage not checked`);
    const missing = operationsOf(document)
      .map((o) => o.key)
      .filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
    expect(covered.size).toBe(operationsOf(document).length);
  });
});
