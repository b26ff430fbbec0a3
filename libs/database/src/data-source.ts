import pg from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { MIGRATIONS } from '@keurmerk/migrations';

export interface DatabaseConnectionOptions {
  url: string;
  poolSize: number;
  /** A name for the connection in pg_stat_activity. */
  applicationName?: string;
}

/**
 * pg's client emits 'error' when its server goes away (a restart, a failover, a forced drop). pg-pool
 * and TypeORM listen while they hold a client, but an 'error' that finds nobody listening ends the
 * process (seen once in CI during the database-restart test, on a client between its holders). This
 * client always has a listener: a lost connection stays what it is to its holder, a failed query (503),
 * and the pool still drops it; it never takes the process down.
 */
class ConnectionLossTolerantClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function dataSourceOptions(options: DatabaseConnectionOptions, entities: MixedList<Function | string> = []): DataSourceOptions {
  if (MIGRATIONS.length === 0) throw new Error('No migrations are loaded: refusing to treat the schema as up to date');
  return {
    type: 'postgres',
    url: options.url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      Client: ConnectionLossTolerantClient,
      max: options.poolSize,
      application_name: options.applicationName ?? 'keurmerk',
      connectionTimeoutMillis: 10_000,
      // A pool of one is PGlite's single session, which also carries this process's LISTEN: keep it open.
      idleTimeoutMillis: options.poolSize === 1 ? 0 : 30_000,
    },
  };
}

export function createDataSource(options: DatabaseConnectionOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/** Resolves once the database answers a trivial query (the health check's probe). */
export async function pingDatabase(db: DataSource): Promise<void> {
  await db.query('SELECT 1');
}
