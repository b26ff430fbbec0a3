import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import type { DestinationStream, Logger } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { Clock } from '@keurmerk/common';
import { AppConfig, loadConfig } from '@keurmerk/config';
import { createLogger, migrateRuntime, Runtime, startRuntime } from '@keurmerk/runtime';
import { EmbeddedS3, embeddedS3Credentials, type S3Credentials } from '@keurmerk/storage';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN = { email: 'beheer@keurmerk.test', password: 'beheerder-wachtwoord-1' };
export const BUCKET = 'keurmerk-test';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  config: AppConfig;
  runtime: Runtime;
  database: TestDatabase;
  s3: EmbeddedS3;
  /** Plain SQL against the test file's own database, for checks the API does not offer. */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  signIn(email: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** The app's own "now": the test's clock when it gave one. */
  now(): Date;
  close(): Promise<void>;
}

/**
 * The configuration of a process under test: its own database and S3 protocol server (started on `dataDir`), the test
 * beheerder, quiet logs (TEST_LOG_LEVEL to see them) and a fixed public address.
 */
export function testConfig(database: TestDatabase, s3Endpoint: string, dataDir: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: database.url,
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET: BUCKET,
    // The embedded S3 server in `dataDir` keeps its generated key pair there.
    ...s3CredentialsEnv(embeddedS3Credentials(dataDir)),
    KEURMERK_ADMIN_EMAIL: ADMIN.email,
    KEURMERK_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'http://keurmerk.test',
    // Tests send many public requests from one address; the rate-limit test sets its own limit.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    ...env,
  });
}

function s3CredentialsEnv(credentials: S3Credentials): Record<string, string> {
  return { S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey };
}

/** The runtime over the test's own database and S3 server (nothing embedded is started for it). */
export function startTestRuntime(config: AppConfig, logger: Logger, database: TestDatabase, s3Endpoint: string): Promise<Runtime> {
  return startRuntime(config, logger, {
    database: { url: database.url, embedded: database.embedded },
    objectStore: { ...config.objectStore, endpoint: s3Endpoint },
  });
}

/** The real API on Fastify, over its own database and S3 protocol server; nothing is mocked. */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    withWorker?: boolean;
    /** A database the test made itself (a PostgreSQL server it restarts, say); dropped on close. */
    database?: TestDatabase;
    /** Where the app's log lines go, for tests that read them. */
    logDestination?: DestinationStream;
    /**
     * The certificate issuer (with the development key) in the test's app, so tests issue by hand as
     * the worker would (default true). test/api-alone.e2e-spec.ts shows the API without it.
     */
    issuer?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const s3Dir = mkdtempSync(join(tmpdir(), 'keurmerk-s3-'));
  const s3 = await EmbeddedS3.start({ directory: s3Dir, bucket: BUCKET });
  const config = testConfig(database, s3.endpoint, s3Dir, options.env);
  const logger = createLogger(config, options.logDestination);
  const runtime = await startTestRuntime(config, logger, database, s3.endpoint);
  const app = await createApiApp(runtime, logger, {
    clock: options.clock,
    withWorker: options.withWorker,
    withIssuer: options.issuer ?? true,
  });
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());

  // PGlite has one session: side queries must go through the application's own pool.
  let sideClient: pg.Client | undefined;
  const sql = async <T>(text: string, values?: unknown[]): Promise<T[]> => {
    if (database.embedded) {
      const { DataSource } = await import('typeorm');
      return (await app.get(DataSource).query(text, values)) as T[];
    }
    if (!sideClient) {
      const client = new pg.Client({ connectionString: database.url });
      // A test that stops the database must not lose its process to this idle connection's error: the
      // next query reconnects.
      client.on('error', () => {
        if (sideClient === client) sideClient = undefined;
      });
      await client.connect();
      sideClient = client;
    }
    return (await sideClient.query(text, values)).rows as T[];
  };

  const signIn = async (email: string, password: string) => {
    const response = await http.post('/v1/tokens').send({ email, wachtwoord: password });
    if (response.status !== 201) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken as string;
  };
  let adminToken: Promise<string> | undefined;

  const testApp: TestApp = {
    app,
    http,
    config,
    runtime,
    database,
    s3,
    sql,
    signIn,
    adminToken: () => (adminToken ??= signIn(ADMIN.email, ADMIN.password)),
    now: () => app.get(Clock).now(),
    async close() {
      await app.close();
      await sideClient?.end();
      await runtime.stop();
      // A test may have replaced the S3 server (an outage and a restart): stop the current one.
      await testApp.s3.stop().catch(() => undefined);
      await database.drop();
      rmSync(s3Dir, { recursive: true, force: true });
    },
  };
  return testApp;
}

/**
 * The environment of another process beside a test app, on its database, object store and signing
 * key (the development key lives in DATA_DIR): a second API instance, or a worker started from the build.
 */
export function sharedEnv(t: TestApp, env: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: t.database.url,
    S3_ENDPOINT: t.s3.endpoint,
    S3_BUCKET: BUCKET,
    ...s3CredentialsEnv(t.s3.credentials),
    DATA_DIR: t.config.dataDir,
    PUBLIC_BASE_URL: t.config.publicBaseUrl,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    ...env,
  };
}

export interface SecondApi {
  app: NestFastifyApplication;
  http: TestAgent;
  close(): Promise<void>;
}

/**
 * A second API instance in this process, with its own pool, caches and LISTEN connection, on the test
 * app's database (or the DATABASE_URL in `env`, such as another role's) and object store.
 */
export async function startSecondApi(
  t: TestApp,
  options: { env?: Record<string, string>; clock?: Clock; withWorker?: boolean; migrate?: boolean } = {},
): Promise<SecondApi> {
  const config = loadConfig(sharedEnv(t, options.env));
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger, { objectStore: { ...config.objectStore, endpoint: t.s3.endpoint } });
  if (options.migrate) await migrateRuntime(runtime, logger);
  const app = await createApiApp(runtime, logger, { clock: options.clock, withWorker: options.withWorker });
  const close = async () => {
    await app.close();
    await runtime.stop();
  };
  try {
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await close();
    throw error;
  }
  return { app, http: request(app.getHttpServer()), close };
}

/** Every error answer must be problem+json with the contract's members. */
export function expectProblem(response: request.Response, status: number): void {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
}

/** The names in invalidParams, sorted, for comparing with what a test expects. */
export function invalidParamNames(response: request.Response): string[] {
  return ((response.body.invalidParams ?? []) as { name: string }[]).map((p) => p.name).sort();
}
