import { join } from 'node:path';
import type { Logger } from 'pino';
import { types } from 'pg';
import { AppConfig } from '@keurmerk/config';
import { EmbeddedPostgres, migrateDatabase } from '@keurmerk/database';
import { EmbeddedS3, ObjectStorageOptions } from '@keurmerk/storage';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into Date objects shifts them by the time zone.
types.setTypeParser(1082, (value) => value);

/** The services a process talks to, resolved once: configured ones, or embedded ones it starts itself. */
export interface Runtime {
  config: AppConfig;
  database: { url: string; poolSize: number; embedded?: EmbeddedPostgres };
  objectStore: ObjectStorageOptions & { embedded?: EmbeddedS3 };
  stop(): Promise<void>;
}

export interface RuntimeOverrides {
  /** Tests bring their own database and object store. */
  database?: { url: string; embedded?: EmbeddedPostgres };
  objectStore?: ObjectStorageOptions & { embedded?: EmbeddedS3 };
}

export async function startRuntime(config: AppConfig, logger: Logger, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  let embeddedPostgres: EmbeddedPostgres | undefined = overrides.database?.embedded;
  let databaseUrl = overrides.database?.url ?? config.database.url;
  if (!databaseUrl) {
    embeddedPostgres = await EmbeddedPostgres.start({ dataDir: join(config.dataDir, 'postgres') });
    databaseUrl = embeddedPostgres.url;
    logger.info({ dataDir: join(config.dataDir, 'postgres') }, 'embedded PostgreSQL (PGlite) started');
  }

  let objectStore = overrides.objectStore;
  let startedS3: EmbeddedS3 | undefined;
  if (!objectStore) {
    if (config.objectStore.endpoint) {
      objectStore = { ...config.objectStore, endpoint: config.objectStore.endpoint };
    } else {
      startedS3 = await EmbeddedS3.start({ directory: join(config.dataDir, 's3'), bucket: config.objectStore.bucket });
      objectStore = {
        ...config.objectStore,
        endpoint: startedS3.endpoint,
        accessKeyId: startedS3.accessKeyId,
        secretAccessKey: startedS3.secretAccessKey,
        embedded: startedS3,
      };
      logger.info({ dataDir: join(config.dataDir, 's3'), endpoint: startedS3.endpoint }, 'embedded S3 (s3rver) started');
    }
  }

  // PGlite serves one session: every pool in front of it has exactly one connection.
  const poolSize = embeddedPostgres ? 1 : config.database.poolSize;
  const ownsPostgres = !overrides.database && embeddedPostgres;
  return {
    config,
    database: { url: databaseUrl, poolSize, embedded: embeddedPostgres },
    objectStore,
    async stop() {
      if (startedS3) await startedS3.stop().catch(() => undefined);
      if (ownsPostgres) await ownsPostgres.stop().catch(() => undefined);
    },
  };
}

export async function migrateRuntime(runtime: Runtime, logger: Logger): Promise<void> {
  const applied = await migrateDatabase({ url: runtime.database.url, poolSize: 1, applicationName: 'keurmerk-migrate' });
  await runtime.database.embedded?.waitUntilIdle();
  if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
}

/**
 * Stops the process cleanly on SIGINT/SIGTERM: the app first, then the embedded services. Not Nest's
 * shutdown hooks: they re-raise the signal before the embedded services are stopped.
 */
export function stopOnSignals(runtime: Runtime, logger: Logger, app: { close(): Promise<void> }): void {
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
