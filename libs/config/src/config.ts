import { resolve } from 'node:path';

/** Everything the processes read from the environment, parsed and validated once at boot. */
export interface AppConfig {
  port: number;
  host: string;
  publicBaseUrl: string;
  dataDir: string;
  /** True when neither a database nor an object store is configured: PGlite and s3rver run in-process. */
  embedded: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Take the client address from X-Forwarded-For: only behind a proxy that overwrites that header. */
  trustProxy: boolean;
  workerInProcess: boolean;
  database: {
    /** Unset: embedded PGlite under `dataDir`. */
    url?: string;
    /** Optional read-only role for the public verification path. */
    readOnlyUrl?: string;
    poolSize: number;
  };
  objectStore: {
    /** Unset: embedded s3rver on loopback under `dataDir`. */
    endpoint?: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    region: string;
  };
  admin?: { email: string; password: string };
  auth: {
    /** Unset: a random secret is generated once and kept in the database, shared by every process. */
    tokenSecret?: string;
    tokenTtlSeconds: number;
  };
  signing: {
    p12Path?: string;
    p12Passphrase?: string;
  };
  webhooks: {
    retryBaseMs: number;
    allowPrivateTargets: boolean;
  };
  rateLimits: {
    /** Requests per minute to public routes, per client address. */
    publicPerMinute: number;
    /** Requests per minute to public routes, per municipal API key. */
    apiKeyPerMinute: number;
  };
  loginThrottle: {
    /** Failed sign-ins for one e-mail address within the window before it is refused for a while. */
    maxFailuresPerAccount: number;
    /** The same per client address, across every e-mail address it tries. */
    maxFailuresPerAddress: number;
    windowSeconds: number;
  };
  jobs: {
    /** A job still running after this long is taken as lost with its worker, and runs again. */
    timeoutSeconds: number;
  };
  surveillance: {
    /** Days before a certificate's last valid day on which its re-inspection is asked for. */
    reinspectionLeadDays: number;
    /** The unannounced sample's share of certified locations a year, in percent; 1/12 is drawn each month. */
    samplePercentagePerYear: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads one variable at a time and collects every problem, so a bad start-up names them all at once. */
class EnvReader {
  readonly problems: { variable: string; reason: string }[] = [];
  constructor(private readonly env: Env) {}

  string(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problems.push({ variable: name, reason: `must be a whole number from ${min} to ${max}, got "${raw}"` });
      return fallback;
    }
    return Number(raw);
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push({ variable: name, reason: `must be true or false, got "${raw}"` });
    return fallback;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error();
      return raw.replace(/\/+$/, '');
    } catch {
      this.problems.push({ variable: name, reason: `must be a ${protocols.join(' or ')} URL` });
      return undefined;
    }
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push({ variable: name, reason: `must be one of ${allowed.join(', ')}` });
      return fallback;
    }
    return raw as T;
  }

  fail(variable: string, reason: string): void {
    this.problems.push({ variable, reason });
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const port = read.integer('PORT', 3000, 0, 65535);
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const s3Endpoint = read.url('S3_ENDPOINT', ['http:', 'https:']);

  const s3Access = read.string('S3_ACCESS_KEY_ID');
  const s3Secret = read.string('S3_SECRET_ACCESS_KEY');
  if (s3Endpoint && (!s3Access || !s3Secret)) {
    read.fail(s3Access ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'is required when S3_ENDPOINT is set');
  }
  const bucket = read.string('S3_BUCKET') ?? 'keurmerk';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) read.fail('S3_BUCKET', 'is not a valid bucket name');

  const adminEmail = read.string('KEURMERK_ADMIN_EMAIL');
  const adminPassword = env.KEURMERK_ADMIN_PASSWORD;
  if (adminEmail && !EMAIL.test(adminEmail)) read.fail('KEURMERK_ADMIN_EMAIL', 'is not an e-mail address');
  if (adminEmail && !adminPassword) read.fail('KEURMERK_ADMIN_PASSWORD', 'is required with KEURMERK_ADMIN_EMAIL');
  if (adminPassword && !adminEmail) read.fail('KEURMERK_ADMIN_EMAIL', 'is required with KEURMERK_ADMIN_PASSWORD');
  if (adminPassword && (adminPassword.length < 12 || adminPassword.length > 256)) {
    read.fail('KEURMERK_ADMIN_PASSWORD', 'must be 12 to 256 characters');
  }

  const tokenSecret = read.string('AUTH_TOKEN_SECRET');
  if (tokenSecret && tokenSecret.length < 32) read.fail('AUTH_TOKEN_SECRET', 'must be at least 32 characters');

  const embedded = !databaseUrl && !s3Endpoint && !env.DATABASE_URL && !env.S3_ENDPOINT;
  const config: AppConfig = {
    port,
    // The embedded default is a developer's machine (with demo passwords, maybe): loopback unless told otherwise.
    host: read.string('HOST') ?? (embedded ? '127.0.0.1' : '0.0.0.0'),
    publicBaseUrl: read.url('PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    dataDir: resolve(read.string('DATA_DIR') ?? './data'),
    embedded,
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    trustProxy: read.boolean('TRUST_PROXY', false),
    workerInProcess: read.boolean('WORKER_IN_PROCESS', true),
    database: {
      url: databaseUrl,
      readOnlyUrl: read.url('DATABASE_READONLY_URL', ['postgres:', 'postgresql:']),
      poolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200),
    },
    objectStore: {
      endpoint: s3Endpoint,
      bucket,
      accessKeyId: s3Access ?? 'S3RVER',
      secretAccessKey: s3Secret ?? 'S3RVER',
      region: read.string('S3_REGION') ?? 'eu-central-1',
    },
    admin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : undefined,
    auth: {
      tokenSecret,
      tokenTtlSeconds: read.integer('AUTH_TOKEN_TTL_SECONDS', 900, 60, 86400),
    },
    signing: {
      p12Path: read.string('SIGNING_KEY_P12'),
      p12Passphrase: env.SIGNING_KEY_PASSPHRASE,
    },
    webhooks: {
      retryBaseMs: read.integer('WEBHOOK_RETRY_BASE_MS', 25000, 1, 3_600_000),
      allowPrivateTargets: read.boolean('WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
    },
    rateLimits: {
      publicPerMinute: read.integer('RATE_LIMIT_PUBLIC_PER_MINUTE', 300, 1, 10_000_000),
      apiKeyPerMinute: read.integer('RATE_LIMIT_API_KEY_PER_MINUTE', 30_000, 1, 10_000_000),
    },
    loginThrottle: {
      maxFailuresPerAccount: read.integer('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      maxFailuresPerAddress: read.integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100_000),
      windowSeconds: 15 * 60,
    },
    jobs: {
      // pg-boss's own default; a lower one reruns the jobs of a killed worker sooner.
      timeoutSeconds: read.integer('JOB_TIMEOUT_SECONDS', 900, 2, 86_400),
    },
    surveillance: {
      reinspectionLeadDays: read.integer('HERINSPECTIE_VOORLOOP_DAGEN', 90, 1, 365),
      samplePercentagePerYear: read.integer('STEEKPROEF_PERCENTAGE_PER_JAAR', 10, 0, 100),
    },
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** For entry points: the configuration, or the process stops naming every bad variable (exit 78, EX_CONFIG). */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
