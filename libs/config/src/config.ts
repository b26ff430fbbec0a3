import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { weakSecretReason } from './known-secrets';

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
    /**
     * SIGNING_KEY_DEVELOPMENT=true: outside embedded mode, sign with the untrusted development key in
     * DATA_DIR anyway. For tests and benchmarks that run the real processes; never for production.
     */
    allowDevelopmentKey: boolean;
  };
  /**
   * The platform's identity in the NL GOV CloudEvents profile: `urn:nld:oin:<OIN>:systeem:keurmerk`
   * with `KEURMERK_OIN`; without one (embedded or a test), `urn:nld:keurmerk:local:<host>`, plainly not a real OIN.
   */
  eventSource: string;
  webhooks: {
    retryBaseMs: number;
    allowPrivateTargets: boolean;
  };
  /** What one municipality may hold (409 above it). */
  municipalLimits: {
    /** Subscriptions: each status change is sent to every one of them. */
    subscriptions: number;
    /** Active API keys. */
    apiKeys: number;
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
  mail: {
    /** `smtp://user:pass@host:port` (or smtps://). Unset: mails are kept in the outbox for the beheerder to read. */
    smtpUrl?: string;
    /** The sender: an address, or `Name <address>`. */
    from: string;
    /** The wait after the first failed attempt; each next one twice as long. */
    retryBaseMs: number;
    /** Attempts before a mail is given up (status `failed`, shown to the beheerder). */
    maxAttempts: number;
  };
  sanctions: {
    /** Days a certificate may stay suspended before the worker withdraws it (SCHORSING_MAXIMUM_DAGEN). */
    maximumSuspensionDays: number;
  };
  metrics: {
    /**
     * The port of the Prometheus endpoint (GET /metrics), on its own listener beside the API's, never
     * on the public port. Unset (the default, so also in embedded mode): no metrics listener.
     */
    port?: number;
  };
  /** The address lookup on the BAG (PDOK Locatieserver); off when no URL is set: forms work without it. */
  addressLookup: {
    /** The Locatieserver's search base, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1 (`/free` is appended). */
    url?: string;
    /** A lookup slower than this is given up: the landlord types the address instead. */
    timeoutMs: number;
  };
  /** The municipality's map. */
  map: {
    /** A tile URL template with {z}/{x}/{y} (PDOK BRT achtergrondkaart); unset: markers on a plain background. */
    tileUrl?: string;
    /** Credited under the map when tiles are shown. */
    tileAttribution: string;
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

  /**
   * A secret from `NAME`, or from the file `NAME_FILE` names (Compose and Kubernetes secrets are files).
   * Outside embedded mode a secret must not be short, published in this repository, or a placeholder.
   */
  secret(name: string, strict: boolean, minLength: number): string | undefined {
    const file = this.string(`${name}_FILE`);
    let value = this.env[name] === undefined || this.env[name] === '' ? undefined : this.env[name];
    if (file !== undefined) {
      if (value !== undefined) this.fail(`${name}_FILE`, `set either ${name} or ${name}_FILE, not both`);
      try {
        // One trailing line break is how editors and `echo` end a file; it is not part of the secret.
        value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        this.fail(`${name}_FILE`, `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        return undefined;
      }
    }
    if (value === undefined) return undefined;
    const reason = strict
      ? weakSecretReason(value, minLength)
      : minLength > 0 && value.length < minLength
        ? `must be at least ${minLength} characters`
        : undefined;
    if (reason) this.fail(file !== undefined ? `${name}_FILE` : name, reason);
    return value;
  }

  fail(variable: string, reason: string): void {
    this.problems.push({ variable, reason });
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const OIN = /^[0-9]{20}$/;
/** An address, or a display name and an address in angle brackets; no line breaks (header injection). */
const MAIL_FROM = /^(?:[^<>\r\n]{1,100} <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const port = read.integer('PORT', 3000, 0, 65535);
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const s3Endpoint = read.url('S3_ENDPOINT', ['http:', 'https:']);
  const embedded = !databaseUrl && !s3Endpoint && !env.DATABASE_URL && !env.S3_ENDPOINT;
  // Outside embedded mode the processes serve real people: no secret anyone can read in this repository.
  const strict = !embedded;
  for (const name of ['DATABASE_URL', 'DATABASE_READONLY_URL']) {
    const password = passwordOf(read.string(name));
    const reason = strict && password !== undefined ? weakSecretReason(password, 0) : undefined;
    if (reason) read.fail(name, `its password ${reason}`);
  }

  const s3Access = read.string('S3_ACCESS_KEY_ID');
  const s3Secret = read.secret('S3_SECRET_ACCESS_KEY', strict, strict ? 32 : 0);
  if (s3Endpoint && (!s3Access || !s3Secret)) {
    read.fail(s3Access ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'is required when S3_ENDPOINT is set');
  }
  const bucket = read.string('S3_BUCKET') ?? 'keurmerk';
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) read.fail('S3_BUCKET', 'is not a valid bucket name');

  const adminEmail = read.string('KEURMERK_ADMIN_EMAIL');
  const adminPassword = read.secret('KEURMERK_ADMIN_PASSWORD', strict, 0);
  if (adminEmail && !EMAIL.test(adminEmail)) read.fail('KEURMERK_ADMIN_EMAIL', 'is not an e-mail address');
  if (adminEmail && !adminPassword) read.fail('KEURMERK_ADMIN_PASSWORD', 'is required with KEURMERK_ADMIN_EMAIL');
  if (adminPassword && !adminEmail) read.fail('KEURMERK_ADMIN_EMAIL', 'is required with KEURMERK_ADMIN_PASSWORD');
  if (adminPassword && (adminPassword.length < 12 || adminPassword.length > 256)) {
    read.fail('KEURMERK_ADMIN_PASSWORD', 'must be 12 to 256 characters');
  }

  const tokenSecret = read.secret('AUTH_TOKEN_SECRET', strict, 32);
  const oin = read.string('KEURMERK_OIN');
  if (oin !== undefined && !OIN.test(oin)) read.fail('KEURMERK_OIN', "must be the organisation's OIN: 20 digits");
  const publicBaseUrl = read.url('PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const smtpUrl = read.url('SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = read.string('MAIL_FROM') ?? `Keurmerk <noreply@${mailDomainOf(publicBaseUrl)}>`;
  if (!MAIL_FROM.test(mailFrom)) read.fail('MAIL_FROM', 'must be an e-mail address or "Name <address>"');

  const config: AppConfig = {
    port,
    // The embedded default is a developer's machine (with demo passwords, maybe): loopback unless told otherwise.
    host: read.string('HOST') ?? (embedded ? '127.0.0.1' : '0.0.0.0'),
    publicBaseUrl,
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
      p12Passphrase: read.secret('SIGNING_KEY_PASSPHRASE', strict, 0),
      allowDevelopmentKey: read.boolean('SIGNING_KEY_DEVELOPMENT', false),
    },
    eventSource: oin && OIN.test(oin) ? `urn:nld:oin:${oin}:systeem:keurmerk` : `urn:nld:keurmerk:local:${hostOf(publicBaseUrl)}`,
    webhooks: {
      retryBaseMs: read.integer('WEBHOOK_RETRY_BASE_MS', 25000, 1, 3_600_000),
      allowPrivateTargets: read.boolean('WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
    },
    municipalLimits: {
      subscriptions: read.integer('MAX_SUBSCRIPTIONS_PER_MUNICIPALITY', 10, 1, 100),
      apiKeys: read.integer('MAX_API_KEYS_PER_MUNICIPALITY', 10, 1, 100),
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
    mail: {
      smtpUrl,
      from: mailFrom,
      retryBaseMs: read.integer('MAIL_RETRY_BASE_MS', 60_000, 1, 3_600_000),
      maxAttempts: read.integer('MAIL_MAX_ATTEMPTS', 8, 1, 20),
    },
    sanctions: {
      maximumSuspensionDays: read.integer('SCHORSING_MAXIMUM_DAGEN', 90, 1, 365),
    },
    metrics: {
      port: read.string('METRICS_PORT') === undefined ? undefined : read.integer('METRICS_PORT', 0, 1, 65535),
    },
    addressLookup: {
      url: read.url('ADRES_LOOKUP_URL', ['http:', 'https:']),
      timeoutMs: read.integer('ADRES_LOOKUP_TIMEOUT_MS', 2000, 100, 10_000),
    },
    map: {
      tileUrl: tileTemplate(read),
      tileAttribution: read.string('KAART_TEGELS_ATTRIBUTIE') ?? 'Kaartgegevens © Kadaster',
    },
  };
  if (config.metrics.port !== undefined && config.metrics.port === port) read.fail('METRICS_PORT', 'must differ from PORT');
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** KAART_TEGELS_URL: an http(s) URL holding the {z}, {x} and {y} Leaflet fills in. */
function tileTemplate(read: EnvReader): string | undefined {
  const template = read.url('KAART_TEGELS_URL', ['http:', 'https:']);
  if (template && !['{z}', '{x}', '{y}'].every((part) => template.includes(part))) {
    read.fail('KAART_TEGELS_URL', 'must be a tile URL template with {z}, {x} and {y}');
    return undefined;
  }
  return template;
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** The sender's domain when MAIL_FROM is unset: the public host, or `localhost.localdomain` for a bare name. */
function mailDomainOf(url: string): string {
  const host = hostOf(url).replace(/:\d+$/, '');
  return host.includes('.') ? host : 'localhost.localdomain';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'localhost';
  }
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

/**
 * What a process that signs and sends (the worker, alone or inside the API) needs outside embedded
 * mode, beyond a valid configuration: a real signing key (the development key proves nothing to
 * anyone) and the organisation's OIN for the CloudEvents `source`. Empty when it may start.
 */
export function signingProcessProblems(config: AppConfig): { variable: string; reason: string }[] {
  if (config.embedded) return [];
  const problems: { variable: string; reason: string }[] = [];
  if (!config.signing.p12Path && !config.signing.allowDevelopmentKey) {
    problems.push({
      variable: 'SIGNING_KEY_P12',
      reason: 'is required outside embedded mode: the path of the PKCS#12 that signs certificates (README, Production)',
    });
  } else if (config.signing.p12Path) {
    try {
      readFileSync(config.signing.p12Path);
    } catch (error) {
      problems.push({
        variable: 'SIGNING_KEY_P12',
        reason: `cannot read ${config.signing.p12Path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
    }
  }
  if (!config.eventSource.startsWith('urn:nld:oin:')) {
    problems.push({
      variable: 'KEURMERK_OIN',
      reason: 'is required outside embedded mode: the OIN (20 digits) that names this system in CloudEvents',
    });
  }
  return problems;
}

/** For the entry points of signing processes: stops the process (exit 78) naming what is missing. */
export function exitUnlessReadyToSign(config: AppConfig): void {
  const problems = signingProcessProblems(config);
  if (problems.length === 0) return;
  process.stderr.write(`${new ConfigError(problems).message}\n`);
  process.exit(78);
}
