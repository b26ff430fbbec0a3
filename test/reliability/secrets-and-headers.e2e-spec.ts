import { Writable } from 'node:stream';
import type request from 'supertest';
import { createScenario, PASSWORD, Scenario } from '../support/scenario';
import { ADMIN, startTestApp, TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * No secret leaves through the logs or an error body; every answer carries the security headers;
 * cross-origin reads are open only where the contract opens them. Logging runs at `trace`, so every
 * line the app can write is read.
 */
describe('secrets, security headers and CORS', () => {
  let t: TestApp;
  let s: Scenario;
  const receiver = new WebhookReceiver();
  const logLines: string[] = [];
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  /** Every answer the app gave in this file, to search for secrets. */
  const answers: request.Response[] = [];
  const keep = (response: request.Response) => {
    answers.push(response);
    return response;
  };

  const TOKEN_SECRET = 'token-secret-for-the-log-test-0123456789abcdef';
  const WRONG_PASSWORD = 'wrong-password-never-logged-7f3a';
  const NEW_USER_PASSWORD = 'new-user-password-never-logged-91c2';
  const RECEIVER_AUTH = 'Bearer receiver-credential-never-logged-5d1e';
  const FAKE_API_KEY = 'km_not-a-real-key-never-logged-0b8e';
  /** The secrets the app came to know in this file; filled as they are made. */
  const secrets: Record<string, string> = {
    'admin password': ADMIN.password,
    'scenario password': PASSWORD,
    'wrong password': WRONG_PASSWORD,
    'new user password': NEW_USER_PASSWORD,
    'token secret': TOKEN_SECRET,
    'receiver Authorization value': RECEIVER_AUTH,
    'unknown API key': FAKE_API_KEY,
  };

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({
      env: { LOG_LEVEL: 'trace', AUTH_TOKEN_SECRET: TOKEN_SECRET, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
      logDestination: logs,
    });
    s = await createScenario(t, 'sec');
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  describe('secrets', () => {
    it('uses every kind of secret the app knows, on good and bad paths', async () => {
      const admin = s.as('admin');
      secrets['access token'] = s.token('admin');
      // Sign-ins: right, wrong, unknown account.
      secrets['fresh access token'] = keep(
        await t.http.post('/v1/tokens').send({ email: ADMIN.email, wachtwoord: ADMIN.password }).expect(201),
      ).body.accessToken;
      keep(await t.http.post('/v1/tokens').send({ email: ADMIN.email, wachtwoord: WRONG_PASSWORD }).expect(401));
      keep(await t.http.post('/v1/tokens').send({ email: 'nobody@keurmerk.test', wachtwoord: WRONG_PASSWORD }).expect(401));
      // A new user, and bad input that carries a password.
      keep(
        await t.http
          .post('/v1/gebruikers')
          .set(admin)
          .send({ email: 'sec-new@scenario.test', wachtwoord: NEW_USER_PASSWORD, naam: 'Nieuw', rol: 'certificeerder' })
          .expect(201),
      );
      keep(
        await t.http
          .post('/v1/gebruikers')
          .set(admin)
          .send({ email: 'not-an-email', wachtwoord: NEW_USER_PASSWORD, naam: '', rol: 'koning', extra: NEW_USER_PASSWORD })
          .expect(400),
      );
      keep(
        await t.http
          .post('/v1/tokens')
          .set('Content-Type', 'application/json')
          .send(`{"email": "${ADMIN.email}", "wachtwoord": "${WRONG_PASSWORD}`)
          .expect(400),
      );
      keep(await t.http.post('/v1/tokens').send({ email: ADMIN.email, wachtwoord: WRONG_PASSWORD, onbekend: WRONG_PASSWORD }).expect(400));
      keep(await t.http.get('/v1/gebruikers/mij').set('Authorization', `Bearer ${secrets['fresh access token']}`).expect(200));
      // A token whose signature was changed, and one for a wrong scheme.
      const forged = `${secrets['access token'].slice(0, -4)}AAAA`;
      secrets['forged access token'] = forged;
      keep(await t.http.get('/v1/gebruikers/mij').set('Authorization', `Bearer ${forged}`).expect(401));
      keep(
        await t.http
          .get('/v1/gebruikers/mij')
          .set('Authorization', `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`)
          .expect(401),
      );
      // API keys: made, used, and a wrong one.
      secrets['API key'] = keep(
        await t.http.post('/v1/api-sleutels').set(admin).send({ naam: 'Vergunningen', gemeentecode: 'GM1783' }).expect(201),
      ).body.sleutel;
      keep(await t.http.get('/v1/mutaties').query({ sinds: '2026-01-01T00:00:00Z' }).set('X-Api-Key', secrets['API key']).expect(200));
      keep(await t.http.get('/v1/mutaties').query({ sinds: '2026-01-01T00:00:00Z' }).set('X-Api-Key', FAKE_API_KEY).expect(401));
      // A webhook subscription: its signing secret, and the receiver's credential it sends.
      const subscription = keep(
        await t.http
          .post('/v1/abonnementen')
          .set(admin)
          .send({ callbackUrl: receiver.url('/hook'), auth: RECEIVER_AUTH, gemeentecode: 'GM1783' })
          .expect(201),
      );
      secrets['webhook signing secret'] = subscription.body.secret;
      expect(secrets['webhook signing secret']).toMatch(/^whsec_/);
      expect(receiver.requests.at(-1)?.headers.authorization).toBe(RECEIVER_AUTH);
      keep(await t.http.get(`/v1/abonnementen/${subscription.body.id}/afleveringen`).set(admin).expect(200));
      keep(await t.http.get(`/v1/abonnementen/${subscription.body.id}`).set(admin));
      // A password hash is a secret too.
      const [hash] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM user_account WHERE email = $1`, [ADMIN.email]);
      secrets['admin password hash'] = hash.password_hash;
    });

    it('wrote log lines (the capture works) and none holds a secret', () => {
      expect(logLines.length).toBeGreaterThan(20);
      const log = logLines.join('');
      // The request log is there, with routes that carried secrets in headers and bodies.
      expect(log).toContain('/v1/tokens');
      expect(log).toContain('/v1/abonnementen');
      const found = Object.entries(secrets)
        .filter(([, secret]) => log.includes(secret))
        .map(([name]) => name);
      process.stdout.write(
        `reliability/secrets: ${Object.keys(secrets).length} secrets searched in ${logLines.length} log lines and ${answers.length} ` +
          `answers\n`,
      );
      expect(found).toEqual([]);
    });

    it('holds no secret in any error body, and none but the one it hands out in any body', () => {
      const handedOut = new Map<string, string[]>([
        // Tokens for the same person in the same second are the same token.
        ['/v1/tokens', ['fresh access token', 'access token']],
        ['/v1/api-sleutels', ['API key']],
        ['/v1/abonnementen', ['webhook signing secret']],
      ]);
      const leaks = answers.flatMap((response) => {
        const path = new URL(response.request.url).pathname;
        const allowed = response.status < 400 ? (handedOut.get(path) ?? []) : [];
        return Object.entries(secrets)
          .filter(([name, secret]) => !allowed.includes(name) && response.text.includes(secret))
          .map(([name]) => `${response.status} ${path}: ${name}`);
      });
      expect(leaks).toEqual([]);
      expect(answers.filter((r) => r.status >= 400).length).toBeGreaterThanOrEqual(6);
    });

    it('stores passwords with argon2id at or above OWASP’s minimum (m=19456 KiB, t=2, p=1)', async () => {
      // The hasher's own test: libs/accounts/src/password-hasher.spec.ts. Here: what is really stored.
      const stored = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM user_account`);
      expect(stored.length).toBeGreaterThanOrEqual(6);
      for (const { password_hash: hash } of stored) {
        const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
        expect(match).not.toBeNull();
        const [m, time, p] = match!.slice(1).map(Number);
        expect({ m: m >= 19456, t: time >= 2, p: p >= 1 }).toEqual({ m: true, t: true, p: true });
      }
    });
  });

  describe('security headers and CORS on every answer', () => {
    const ORIGIN = 'https://elders.example';
    /** Cross-origin reads the contract opens (OpenAPI), and the public keys credentials are checked with. */
    const OPEN_TO_EVERY_ORIGIN = new Set(['GET /v1/openapi.json', 'GET /.well-known/jwks.json']);

    type Probe = { method: string; path: string; auth?: Record<string, string> };
    let probes: Probe[];

    beforeAll(async () => {
      const document = (await t.http.get('/v1/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
      const operations = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => ({ method: method.toUpperCase(), path: `/v1${path.replace(/\{[^}]+\}/g, 'x')}` })),
      );
      const pages = [
        '/controleer',
        '/controleer/KM-2026-000001-8',
        '/app',
        '/app/inloggen',
        '/.well-known/jwks.json',
        '/v1/bestaat-niet',
        '/bestaat-niet',
        '/controleer/assets/bestaat-niet.js',
      ];
      const html = (await t.http.get('/controleer')).text + (await t.http.get('/app/inloggen')).text;
      const assets = [...html.matchAll(/(?:src|href)="(\/(?:controleer|app)\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThanOrEqual(2);
      probes = [
        ...operations,
        ...operations.map((operation) => ({ ...operation, auth: s.as('admin') })),
        ...[...pages, ...new Set(assets)].map((path) => ({ method: 'GET', path })),
        { method: 'OPTIONS', path: '/v1/tokens' },
        { method: 'OPTIONS', path: '/v1/verificaties' },
      ];
    });

    const send = (probe: Probe) => {
      const call = t.http[probe.method.toLowerCase() as 'get'](probe.path).set('Origin', ORIGIN);
      if (probe.method === 'OPTIONS') call.set('Access-Control-Request-Method', 'POST');
      if (probe.auth) call.set(probe.auth);
      return ['POST', 'PUT', 'PATCH'].includes(probe.method) ? call.send({}) : call;
    };

    it('sends CSP with frame-ancestors none, nosniff, no-referrer and HSTS on every route, page, asset and error', async () => {
      const missing: string[] = [];
      const statuses = new Set<number>();
      for (const probe of probes) {
        const response = await send(probe);
        statuses.add(response.status);
        const h = response.headers;
        const problems = [
          /frame-ancestors 'none'/.test(h['content-security-policy'] ?? '') ? null : 'CSP frame-ancestors',
          /default-src 'self'/.test(h['content-security-policy'] ?? '') ? null : 'CSP default-src',
          h['x-content-type-options'] === 'nosniff' ? null : 'X-Content-Type-Options',
          h['referrer-policy'] === 'no-referrer' ? null : 'Referrer-Policy',
          Number(/max-age=(\d+)/.exec(h['strict-transport-security'] ?? '')?.[1] ?? 0) >= 31_536_000 ? null : 'Strict-Transport-Security',
        ].filter(Boolean);
        if (problems.length > 0) missing.push(`${probe.method} ${probe.path} (${response.status}): ${problems.join(', ')}`);
      }
      process.stdout.write(`reliability/headers: ${probes.length} requests, statuses ${[...statuses].sort().join(' ')}\n`);
      expect(missing).toEqual([]);
      // The sample reached answers of every kind, not only refusals.
      expect([...statuses].some((status) => status < 300) && [...statuses].some((status) => status >= 400)).toBe(true);
    });

    it('allows cross-origin reads only of the OpenAPI document and the public keys, never with credentials', async () => {
      const open: string[] = [];
      for (const probe of probes) {
        const response = await send(probe);
        if (response.headers['access-control-allow-credentials']) open.push(`${probe.method} ${probe.path}: allow-credentials`);
        if (response.headers['access-control-allow-origin'] !== undefined) open.push(`${probe.method} ${probe.path}`);
      }
      expect(open.filter((entry) => !OPEN_TO_EVERY_ORIGIN.has(entry))).toEqual([]);
      for (const allowed of OPEN_TO_EVERY_ORIGIN) {
        const [, path] = allowed.split(' ');
        expect((await t.http.get(path).set('Origin', ORIGIN)).headers['access-control-allow-origin']).toBe('*');
      }
    });
  });
});
