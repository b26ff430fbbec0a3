import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, signingProcessProblems } from './config';

describe('loadConfig', () => {
  it('runs embedded with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      embedded: true,
      publicBaseUrl: 'http://localhost:3000',
      database: { url: undefined, poolSize: 10 },
      objectStore: { endpoint: undefined, bucket: 'keurmerk' },
      webhooks: { retryBaseMs: 25000, allowPrivateTargets: false },
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('uses real services when they are configured', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/keurmerk',
      S3_ENDPOINT: 'http://minio:9000/',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'a8f3c91d0e7b4a26c5d8e1f0b9a7c3d2',
      PORT: '8080',
    });
    expect(config.embedded).toBe(false);
    expect(config.objectStore.endpoint).toBe('http://minio:9000');
    expect(config.publicBaseUrl).toBe('http://localhost:8080');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ S3_ENDPOINT: 'http://s3' }, 'S3_ACCESS_KEY_ID'],
    [{ KEURMERK_ADMIN_EMAIL: 'not-an-email', KEURMERK_ADMIN_PASSWORD: 'long enough password' }, 'KEURMERK_ADMIN_EMAIL'],
    [{ KEURMERK_ADMIN_EMAIL: 'a@b.nl', KEURMERK_ADMIN_PASSWORD: 'short' }, 'KEURMERK_ADMIN_PASSWORD'],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'maybe' }, 'WEBHOOK_ALLOW_PRIVATE_TARGETS'],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toContain(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });

  it('serves metrics only on a METRICS_PORT of its own: off unless set, never the public port', () => {
    expect(loadConfig({}).metrics.port).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics.port).toBe(9464);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(/METRICS_PORT/);
  });
});

describe('secrets outside embedded mode (issue 20)', () => {
  const production = {
    DATABASE_URL: 'postgres://keurmerk:9c4e1b7a2f8d3e6c0a5b9f1d7e2c4a8b@db/keurmerk',
    S3_ENDPOINT: 'http://minio:9000',
    S3_ACCESS_KEY_ID: 'keurmerk',
    S3_SECRET_ACCESS_KEY: 'f1e2d3c4b5a69788796a5b4c3d2e1f00aa',
    AUTH_TOKEN_SECRET: '0b8e7d6c5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c',
  };

  it('accepts generated secrets', () => {
    expect(loadConfig(production).auth.tokenSecret).toBe(production.AUTH_TOKEN_SECRET);
  });

  it.each([
    ['AUTH_TOKEN_SECRET', 'change-me-to-a-long-random-secret-of-32-chars', /published in the Keurmerk repository/],
    ['AUTH_TOKEN_SECRET', 'too-short-0123456789', /at least 32 characters/],
    ['AUTH_TOKEN_SECRET', 'a'.repeat(40), /different characters/],
    ['AUTH_TOKEN_SECRET', 'please-change-me-before-production-0123', /placeholder/],
    ['S3_SECRET_ACCESS_KEY', 'keurmerk-minio-secret', /at least 32 characters/],
    ['S3_SECRET_ACCESS_KEY', 'S3RVER', /at least 32/],
    ['KEURMERK_ADMIN_PASSWORD', 'keurmerk-demo-2026', /published/],
    ['DATABASE_URL', 'postgres://keurmerk:keurmerk@postgres:5432/keurmerk', /password is a value published/],
  ])('refuses %s=%s, naming it', (variable, value, reason) => {
    const env: Record<string, string> = { ...production, [variable]: value };
    if (variable === 'KEURMERK_ADMIN_PASSWORD') env.KEURMERK_ADMIN_EMAIL = 'beheer@gemeente.nl';
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      const problem = (error as ConfigError).problems.find((p) => p.variable === variable);
      expect(problem?.reason).toMatch(reason);
    }
  });

  it('lets the embedded default keep its local conveniences', () => {
    expect(() => loadConfig({ KEURMERK_ADMIN_EMAIL: 'a@b.nl', KEURMERK_ADMIN_PASSWORD: 'keurmerk-demo-2026' })).not.toThrow();
  });

  it('still wants 32 characters of AUTH_TOKEN_SECRET in embedded mode', () => {
    expect(() => loadConfig({ AUTH_TOKEN_SECRET: 'short' })).toThrow(/AUTH_TOKEN_SECRET/);
  });

  it('reads a secret from NAME_FILE, without its trailing line break, and names the file variable when it is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keurmerk-config-'));
    writeFileSync(join(dir, 'token'), `${production.AUTH_TOKEN_SECRET}\n`);
    writeFileSync(join(dir, 'weak'), 'change-me-to-a-long-random-secret-of-32-chars\n');
    const { AUTH_TOKEN_SECRET: _, ...rest } = production;
    expect(loadConfig({ ...rest, AUTH_TOKEN_SECRET_FILE: join(dir, 'token') }).auth.tokenSecret).toBe(production.AUTH_TOKEN_SECRET);
    expect(() => loadConfig({ ...rest, AUTH_TOKEN_SECRET_FILE: join(dir, 'weak') })).toThrow(
      /AUTH_TOKEN_SECRET_FILE: is a value published/,
    );
    expect(() => loadConfig({ ...rest, AUTH_TOKEN_SECRET_FILE: join(dir, 'missing') })).toThrow(/AUTH_TOKEN_SECRET_FILE: cannot read/);
    expect(() => loadConfig({ ...production, AUTH_TOKEN_SECRET_FILE: join(dir, 'token') })).toThrow(/not both/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the CloudEvents source by KEURMERK_OIN, and keeps a plainly local one without it', () => {
    expect(loadConfig({ ...production, KEURMERK_OIN: '00000001234567890000' }).eventSource).toBe(
      'urn:nld:oin:00000001234567890000:systeem:keurmerk',
    );
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }).eventSource).toBe('urn:nld:keurmerk:local:localhost:3000');
    expect(() => loadConfig({ KEURMERK_OIN: '1234' })).toThrow(/KEURMERK_OIN/);
    expect(() => loadConfig({ KEURMERK_OIN: '0000000123456789000x' })).toThrow(/KEURMERK_OIN/);
  });

  it('a signing process outside embedded mode needs a readable PKCS#12 and an OIN', () => {
    expect(signingProcessProblems(loadConfig({})).length).toBe(0);
    expect(signingProcessProblems(loadConfig(production)).map((p) => p.variable)).toEqual(['SIGNING_KEY_P12', 'KEURMERK_OIN']);
    const missing = signingProcessProblems(
      loadConfig({ ...production, SIGNING_KEY_P12: '/nonexistent/key.p12', KEURMERK_OIN: '00000001234567890000' }),
    );
    expect(missing).toEqual([{ variable: 'SIGNING_KEY_P12', reason: expect.stringContaining('cannot read') }]);
  });

  it('caps subscriptions and API keys per municipality at 10 by default, at most 100', () => {
    expect(loadConfig({}).municipalLimits).toEqual({ subscriptions: 10, apiKeys: 10 });
    expect(() => loadConfig({ MAX_API_KEYS_PER_MUNICIPALITY: '101' })).toThrow(/MAX_API_KEYS_PER_MUNICIPALITY/);
    expect(() => loadConfig({ MAX_SUBSCRIPTIONS_PER_MUNICIPALITY: '0' })).toThrow(/MAX_SUBSCRIPTIONS_PER_MUNICIPALITY/);
  });
});
