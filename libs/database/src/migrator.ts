import { DataSource, MigrationExecutor } from 'typeorm';
import { createDataSource, DatabaseConnectionOptions } from './data-source';

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 7_310_552_001;

/**
 * Applies pending migrations under an advisory lock, so API and worker processes that start together
 * do not race. Runs on one connection (the lock, the migrations and the bookkeeping share it), which
 * is also what PGlite's single session needs.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.undoLastMigration();
  } finally {
    await runner.release();
  }
}

/** Opens a short-lived connection, migrates, closes. */
export async function migrateDatabase(options: DatabaseConnectionOptions): Promise<string[]> {
  const dataSource = createDataSource({ ...options, poolSize: 1 });
  await dataSource.initialize();
  try {
    return await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
