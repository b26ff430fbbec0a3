import { jest } from '@jest/globals';
import { PasswordHasher } from '@keurmerk/accounts';
import { FixedClock } from '@keurmerk/common';
import { loadConfig } from '@keurmerk/config';
import { PASSWORD } from '../support/scenario';
import { expectProblem, startSecondApi, startTestApp, TestApp } from '../support/test-app';
import { usingRealPostgres } from '../support/test-database';

const PER_ACCOUNT = 3;
const PER_ADDRESS = 6;

/**
 * Password guessing is throttled per account and per client address (AccountService.authenticate,
 * the one sign-in path of the token endpoint and the web app). Counts live in the database, so every
 * API process sees the same ones. The clock is the test's, so the 15-minute window can pass.
 */
describe('login throttling', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
  let address = 0;
  /** Each test signs in from its own client address (TRUST_PROXY takes it from X-Forwarded-For). */
  const from = () => `192.0.2.${++address}`;

  const signIn = (email: string, wachtwoord: string, client: string, agent = t.http) =>
    agent.post('/v1/tokens').set('X-Forwarded-For', client).send({ email, wachtwoord });
  const user = async (name: string) => {
    const email = `${name}@throttle.test`;
    await t.http
      .post('/v1/gebruikers')
      .set({ Authorization: `Bearer ${await t.adminToken()}` })
      .send({ email, wachtwoord: PASSWORD, naam: name, rol: 'certificeerder' })
      .expect(201);
    return email;
  };

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      env: {
        AUTH_TOKEN_TTL_SECONDS: '86400',
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
        LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
      },
    });
  });
  afterAll(() => t.close());

  it('defaults to 5 failures per account and 20 per address within 15 minutes, and refuses bad settings', () => {
    expect(loadConfig({}).loginThrottle).toEqual({ maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, windowSeconds: 900 });
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' })).toThrow(/LOGIN_MAX_FAILURES_PER_ACCOUNT/);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: 'many' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
  });

  it('refuses an account with 429 and Retry-After after too many failures, even with the right password', async () => {
    const email = await user('guessed');
    const client = from();
    for (let i = 0; i < PER_ACCOUNT; i++) expectProblem(await signIn(email, `wrong-${i}`, client), 401);
    const refused = await signIn(email, PASSWORD, client);
    expectProblem(refused, 429);
    expect(Number(refused.headers['retry-after'])).toBe(15 * 60);
    // From another address too: it is the account that is being guessed.
    expectProblem(await signIn(email, PASSWORD, from()), 429);
    // Other accounts from the first address are not held back by this one.
    expect((await signIn(await user('neighbour'), PASSWORD, client)).status).toBe(201);
  });

  it('lets the account in again once the failures leave the 15-minute window', async () => {
    const email = await user('patient');
    const client = from();
    for (let i = 0; i < PER_ACCOUNT; i++) expectProblem(await signIn(email, 'wrong', client), 401);
    clock.advance(14 * 60 * 1000);
    const stillRefused = await signIn(email, PASSWORD, client);
    expectProblem(stillRefused, 429);
    expect(Number(stillRefused.headers['retry-after'])).toBe(60);
    clock.advance(60 * 1000);
    expect((await signIn(email, PASSWORD, client)).status).toBe(201);
  });

  it('forgives an account its failures when it signs in', async () => {
    const email = await user('forgetful');
    for (let round = 0; round < 3; round++) {
      // A new address each round: the address's count is not forgiven, and is not what is tested here.
      const client = from();
      for (let i = 0; i < PER_ACCOUNT - 1; i++) expectProblem(await signIn(email, 'wrong', client), 401);
      expect((await signIn(email, PASSWORD, client)).status).toBe(201);
    }
  });

  it('throttles an unknown e-mail address exactly like a known one, so it tells nobody which exist', async () => {
    const known = await user('known');
    const client = from();
    const answers = async (email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i <= PER_ACCOUNT; i++) statuses.push((await signIn(email, 'wrong', client)).status);
      return statuses;
    };
    const expected = [...Array(PER_ACCOUNT).fill(401), 429];
    expect(await answers(known)).toEqual(expected);
    expect(await answers('nobody-here@throttle.test')).toEqual(expected);
    // The same address in other capitals is the same account.
    expectProblem(await signIn('NOBODY-here@Throttle.TEST', 'wrong', from()), 429);
  });

  it('refuses a client address that fails across many accounts, while others still sign in', async () => {
    const client = from();
    const victims = await Promise.all(Array.from({ length: PER_ADDRESS + 1 }, (_, i) => user(`spray-${i}`)));
    for (let i = 0; i < PER_ADDRESS; i++) expectProblem(await signIn(victims[i], 'wrong', client), 401);
    const refused = await signIn(victims[PER_ADDRESS], PASSWORD, client);
    expectProblem(refused, 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The same account from an honest address is fine: the address is what is held back.
    expect((await signIn(victims[PER_ADDRESS], PASSWORD, from())).status).toBe(201);
  });

  (usingRealPostgres ? it : it.skip)(
    'evaluates at most the limit of passwords when 30 wrong ones arrive at once (PostgreSQL)',
    async () => {
      // Issue 16 item 3: checking, then counting after the slow password hash let 9-10 of 30 parallel
      // guesses through with a limit of 3 to 5. Counting under a per-subject lock first lets exactly the limit through.
      const email = await user('parallel');
      const hasher = t.app.get(PasswordHasher);
      const verify = hasher.verify.bind(hasher);
      let evaluated = 0;
      const spy = jest.spyOn(hasher, 'verify').mockImplementation(async (hash, password) => {
        if (password.startsWith('parallel-wrong')) evaluated++;
        return verify(hash, password);
      });
      try {
        const statuses = await Promise.all(
          Array.from({ length: 30 }, (_, i) => signIn(email, `parallel-wrong-${i}`, `198.51.100.${i + 1}`).then((r) => r.status)),
        );
        expect(evaluated).toBeLessThanOrEqual(PER_ACCOUNT);
        expect(statuses.filter((status) => status === 401).length).toBe(PER_ACCOUNT);
        expect(statuses.filter((status) => status === 429).length).toBe(30 - PER_ACCOUNT);
        expectProblem(await signIn(email, PASSWORD, from()), 429);
      } finally {
        spy.mockRestore();
      }
    },
  );

  it('does not count a right password against the client address', async () => {
    const client = from();
    const email = await user('honest');
    for (let i = 0; i < PER_ADDRESS + 2; i++) expect((await signIn(email, PASSWORD, client)).status).toBe(201);
  });

  it('keeps no e-mail address or client address in the clear', async () => {
    const rows = await t.sql<{ subject_hash: string }>(`SELECT DISTINCT subject_hash FROM login_failure`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.subject_hash))).toBe(true);
  });

  (usingRealPostgres ? it : it.skip)('counts failures across API processes (PostgreSQL)', async () => {
    const other = await startSecondApi(t, {
      clock,
      env: {
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
        LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
      },
    });
    try {
      const otherHttp = other.http;
      const email = await user('two-processes');
      const client = from();
      for (let i = 0; i < PER_ACCOUNT; i++) expectProblem(await signIn(email, 'wrong', client, i % 2 === 0 ? t.http : otherHttp), 401);
      expectProblem(await signIn(email, PASSWORD, client, otherHttp), 429);
      expectProblem(await signIn(email, PASSWORD, client, t.http), 429);
    } finally {
      await other.close();
    }
  });
});
if (!usingRealPostgres)
  process.stdout.write(
    'reliability/login-throttle: the test across two API processes is skipped, it needs PostgreSQL (PGlite has one connection); CI runs ' +
      'it.\n',
  );
