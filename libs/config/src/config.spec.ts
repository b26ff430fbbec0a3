import { ConfigError, loadConfig } from './config';

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
      S3_SECRET_ACCESS_KEY: 'b',
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
});
