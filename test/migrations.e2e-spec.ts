import { DataSource } from 'typeorm';
import { createDataSource, migrate, revertLastMigration } from '@keurmerk/database';
import { MIGRATIONS } from '@keurmerk/migrations';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    db = createDataSource({ url: database.url, poolSize: 1 });
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  const tables = async () =>
    (
      (await db.query(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema IN ('public', 'job_queue') ` +
          `ORDER BY 1`,
      )) as { name: string }[]
    ).map((r) => r.name);

  /** Every column: reverting a migration that adds a table, or only a column, shows here. */
  const columns = async () =>
    (
      (await db.query(
        `SELECT table_schema || '.' || table_name || '.' || column_name AS name FROM information_schema.columns ` +
          `WHERE table_schema IN ('public', 'job_queue') ORDER BY 1`,
      )) as { name: string }[]
    ).map((r) => r.name);

  it('loads a non-empty, ordered list', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    const stamps = MIGRATIONS.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });

  it('applies every migration to an empty database, reverts the latest, and applies it again', async () => {
    expect(await tables()).toEqual([]);
    const applied = await migrate(db);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
    const full = await tables();
    const fullColumns = await columns();
    expect(full).toEqual(
      expect.arrayContaining([
        'public.municipality',
        'public.organisation',
        'public.user_account',
        'public.api_key',
        'public.schema_migration',
        'job_queue.job',
      ]),
    );
    expect((await db.query(`SELECT count(*)::int AS n FROM municipality`))[0].n).toBe(342);

    expect(await migrate(db)).toEqual([]);

    await revertLastMigration(db);
    const executed = (await db.query(`SELECT name FROM schema_migration ORDER BY id`)) as { name: string }[];
    expect(executed.map((r) => r.name)).toEqual(MIGRATIONS.slice(0, -1).map((m) => m.name));
    expect((await columns()).length).toBeLessThan(fullColumns.length);

    expect(await migrate(db)).toEqual([MIGRATIONS[MIGRATIONS.length - 1].name]);
    expect(await tables()).toEqual(full);
    expect(await columns()).toEqual(fullColumns);
  });
});
