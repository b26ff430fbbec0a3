import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres, migrateDatabase } from '@keurmerk/database';
import { until } from './until';

/** Where test databases come from: real PostgreSQL when DATABASE_URL is set (CI), else embedded PGlite. */
export const usingRealPostgres = Boolean(process.env.DATABASE_URL);

const run = () => {
  const id = process.env.KEURMERK_TEST_RUN;
  if (!id) throw new Error('KEURMERK_TEST_RUN is not set: run the tests through `npm test` (jest global setup)');
  return id;
};

export interface TestDatabase {
  url: string;
  embedded?: EmbeddedPostgres;
  drop(): Promise<void>;
}

export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Any constant: serialises making the run's template across test workers.
const TEMPLATE_LOCK = 7_310_552_002;

/** The run's migrated template database, made once by whichever test file asks first. */
async function postgresTemplate(): Promise<string> {
  const template = `keurmerk_template_${run()}`;
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount) return;
      await client.query(`CREATE DATABASE ${template} TEMPLATE template0`);
      await migrateDatabase({ url: serverUrl(template), poolSize: 1 });
      await client.query(`ALTER DATABASE ${template} IS_TEMPLATE true`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

/** The run's migrated PGlite data directory, dumped once; a worker that races another just makes its own. */
async function pgliteTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `keurmerk-pglite-template-${run()}.tar`);
  if (!existsSync(path)) {
    const embedded = await EmbeddedPostgres.start();
    try {
      await migrateDatabase({ url: embedded.url, poolSize: 1 });
      const partial = `${path}.${process.pid}`;
      writeFileSync(partial, Buffer.from(await (await embedded.dump()).arrayBuffer()));
      renameSync(partial, path);
    } finally {
      await embedded.stop();
    }
  }
  return new Blob([readFileSync(path)]);
}

/**
 * A database of its own for one test file: a copy of the migrated template (PostgreSQL's CREATE
 * DATABASE ... TEMPLATE, or PGlite started from the dumped template data directory), or an empty one.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (usingRealPostgres) {
    const template = migrated ? await postgresTemplate() : 'template0';
    const name = `keurmerk_test_${run()}_${randomBytes(4).toString('hex')}`;
    await withAdminClient((client) =>
      until(
        () =>
          client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`).then(
            () => true,
            (error: unknown) => {
              // Two files copying the template at the same instant can collide; a retry later works.
              if (!/being accessed by other users/.test(String(error))) throw error;
              return false;
            },
          ),
        10_000,
        `template ${template} free to copy`,
        100,
      ),
    );
    // Held open until the drop. A run's global setup takes a database nobody is connected to for the
    // leftover of an interrupted run (older checkouts judge by connections alone), and an app's pool
    // closes idle connections: without this, a parallel run could drop the database mid-test.
    const keeper = new pg.Client({ connectionString: serverUrl(name), application_name: 'keurmerk-test-keeper' });
    keeper.on('error', () => undefined);
    await keeper.connect();
    return {
      url: serverUrl(name),
      drop: async () => {
        await keeper.end().catch(() => undefined);
        await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const embedded = await EmbeddedPostgres.start(migrated ? { loadDataDir: await pgliteTemplate() } : {});
  return { url: embedded.url, embedded, drop: () => embedded.stop() };
}
