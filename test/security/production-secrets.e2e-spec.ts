import { jest } from '@jest/globals';
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, SignJWT } from 'jose';
import { PUBLISHED_SECRETS } from '@keurmerk/config';
import { startTestApp, TestApp } from '../support/test-app';

const API = join(process.cwd(), 'dist/apps/api/src/main.js');
const WORKER = join(process.cwd(), 'dist/apps/worker/src/main.js');
const built = existsSync(API) && existsSync(WORKER);
if (!built)
  process.stdout.write('production-secrets: no build in dist/ (npm run build), so the process cases are skipped; CI builds first.\n');

/** The secret the old docker-compose.yml gave every deployment that did not set its own. */
const OLD_COMPOSE_DEFAULT = 'change-me-to-a-long-random-secret-of-32-chars';
const GOOD_SECRET = '3f9a1c7e5b2d8046f1e3a5c7b9d2e4f6a8c0b1d3';

/**
 * Issue 20: a deployment that kept a secret anyone can read in this repository is anyone's. Outside
 * embedded mode the API and the worker refuse to start with such a secret (or one under 32
 * characters), naming the variable; the worker also refuses without a real signing key and an OIN.
 * The processes are the built ones, started as an operator starts them.
 */
describe('production processes refuse known and weak secrets', () => {
  // Each case starts a built Node process (Nest and all): seconds each on a busy 2-core machine.
  jest.setTimeout(180_000);
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_TOKEN_SECRET: GOOD_SECRET } });
  });
  afterAll(() => t.close());

  /**
   * Starts a built process with the test's database and object store; resolves with its exit code and
   * stderr (or kills it once it listens).
   */
  const run = (main: string, env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [main], {
        env: {
          PATH: process.env.PATH,
          TZ: 'UTC',
          DATABASE_URL: t.database.url,
          S3_ENDPOINT: t.s3.endpoint,
          S3_BUCKET: t.config.objectStore.bucket,
          S3_ACCESS_KEY_ID: t.s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: t.s3.secretAccessKey,
          DATA_DIR: t.config.dataDir,
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'info',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // Started: that is the answer; stop it.
        if (/Keurmerk (API listening|worker running)/.test(stdout)) child.kill('SIGTERM');
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr, stdout });
      });
    });

  (built ? it : it.skip)('the API refuses the old docker-compose default AUTH_TOKEN_SECRET, naming it (exit 78)', async () => {
    const { code, stderr } = await run(API, { AUTH_TOKEN_SECRET: OLD_COMPOSE_DEFAULT, WORKER_IN_PROCESS: 'false' });
    expect(code).toBe(78);
    expect(stderr).toMatch(/AUTH_TOKEN_SECRET: is a value published in the Keurmerk repository/);
    expect(stderr).not.toContain(OLD_COMPOSE_DEFAULT);
  });

  (built ? it : it.skip)('the API refuses a short secret and a published S3 key, naming every one at once', async () => {
    const { code, stderr } = await run(API, {
      AUTH_TOKEN_SECRET: 'short-secret',
      S3_SECRET_ACCESS_KEY: 'keurmerk-minio-secret',
      WORKER_IN_PROCESS: 'false',
    });
    expect(code).toBe(78);
    expect(stderr).toMatch(/AUTH_TOKEN_SECRET: must be at least 32 characters/);
    expect(stderr).toMatch(/S3_SECRET_ACCESS_KEY: must be at least 32 characters/);
  });

  (built ? it : it.skip)('the worker refuses the old default too, and without a signing key or OIN', async () => {
    const weak = await run(WORKER, { AUTH_TOKEN_SECRET: OLD_COMPOSE_DEFAULT });
    expect(weak.code).toBe(78);
    expect(weak.stderr).toMatch(/AUTH_TOKEN_SECRET/);
    const keyless = await run(WORKER, { AUTH_TOKEN_SECRET: GOOD_SECRET });
    expect(keyless.code).toBe(78);
    expect(keyless.stderr).toMatch(/SIGNING_KEY_P12: is required outside embedded mode/);
    expect(keyless.stderr).toMatch(/KEURMERK_OIN: is required outside embedded mode/);
    // The API with its worker inside signs too: the same refusal.
    const inProcess = await run(API, { AUTH_TOKEN_SECRET: GOOD_SECRET });
    expect(inProcess.code).toBe(78);
    expect(inProcess.stderr).toMatch(/SIGNING_KEY_P12/);
  });

  (built ? it : it.skip)('the worker starts with the test key the README makes in two openssl commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keurmerk-seal-'));
    try {
      const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
      const commands = [...readme.matchAll(/^ {7}(openssl .*)$/gm)].map((m) => m[1].replace(/ && chown .*$/, ''));
      expect(commands).toHaveLength(2);
      for (const command of commands) execSync(command, { cwd: dir, stdio: 'ignore' });
      const { code, stdout, stderr } = await run(WORKER, {
        AUTH_TOKEN_SECRET: GOOD_SECRET,
        SIGNING_KEY_P12: join(dir, 'seal.p12'),
        SIGNING_KEY_PASSPHRASE_FILE: join(dir, 'seal.pass'),
        KEURMERK_OIN: '00000001003214345000',
        DATA_DIR: dir,
      });
      // Stopped by the test once it runs (SIGTERM), so its exit code says nothing.
      expect({
        started: stdout.includes('Keurmerk worker running'),
        code: stdout.includes('Keurmerk worker running') ? 'stopped' : code,
        stderr,
      }).toEqual({ started: true, code: 'stopped', stderr: '' });
      expect(stdout).toContain('CN=Keurmerk test seal');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (built ? it : it.skip)('the API starts with a generated secret', async () => {
    const { stdout, stderr } = await run(API, { AUTH_TOKEN_SECRET: GOOD_SECRET, WORKER_IN_PROCESS: 'false' });
    expect({ stdout, stderr }).toEqual({ stdout: expect.stringContaining('Keurmerk API listening'), stderr: expect.any(String) });
  });

  const forgedTitle = 'rejects access tokens signed with any secret but the configured one';
  it(`${forgedTitle} (the old default, another published one, a random one)`, async () => {
    const token = await t.adminToken();
    const me = await t.http.get('/v1/gebruikers/mij').set('Authorization', `Bearer ${token}`).expect(200);
    const forge = (secret: string) =>
      new SignJWT({ role: 'beheerder', gen: decodeJwt(token).gen })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(me.body.id)
        .setIssuer('urn:nld:keurmerk')
        .setAudience('keurmerk-api')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(secret));
    // The forger copies the real token's claims exactly; only the key differs.
    for (const secret of [OLD_COMPOSE_DEFAULT, ...PUBLISHED_SECRETS, 'e'.repeat(12) + GOOD_SECRET]) {
      const response = await t.http.get('/v1/gebruikers/mij').set('Authorization', `Bearer ${await forge(secret)}`);
      expect({ secret, status: response.status }).toEqual({ secret, status: 401 });
    }
    // The same claims signed with the configured secret pass: the refusals above are the key's doing.
    expect((await t.http.get('/v1/gebruikers/mij').set('Authorization', `Bearer ${await forge(GOOD_SECRET)}`)).status).toBe(200);
  });
});
