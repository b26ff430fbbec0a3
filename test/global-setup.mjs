import pg from 'pg';

/**
 * Names this run, so its template and test databases can be told apart and cleaned up. The migrated
 * template itself is made by the first test file that needs it (test/support/test-database.ts):
 * this file runs outside jest's ESM transform and cannot load the TypeScript migrations.
 */
const HOUR = 3_600_000;

/** When the run that made a test or template database started (0 when the name does not say). */
function runStartOf(datname) {
  const match = /^keurmerk_(?:test|template)_\d+_([0-9a-z]+)/.exec(datname);
  return match ? parseInt(match[1], 36) : 0;
}

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  process.env.KEURMERK_TEST_RUN = `${process.pid}_${Date.now().toString(36)}`;
  if (!process.env.DATABASE_URL) {
    process.stdout.write(
      '\nNo DATABASE_URL: tests run on embedded PGlite. Tests that need several connections to one database (LISTEN/NOTIFY, two processes) are skipped with a note; CI runs them on PostgreSQL.\n',
    );
    return;
  }
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    // Leftovers of interrupted runs, older than an hour, so a parallel run on the same server is left alone.
    // A database's age is in its name (the run's start, see KEURMERK_TEST_RUN): a live run's template is
    // idle between copies, and a test database is idle for a moment after it is made, so having no
    // connection does not make one stale.
    const stale = await admin.query(
      `SELECT d.datname FROM pg_database d
        WHERE (d.datname LIKE 'keurmerk\\_test\\_%' OR d.datname LIKE 'keurmerk\\_template\\_%')
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname AND a.backend_start > now() - interval '1 hour')`,
    );
    for (const row of stale.rows) {
      if (Date.now() - runStartOf(row.datname) < HOUR) continue;
      if (row.datname.startsWith('keurmerk_template_'))
        await admin.query(`ALTER DATABASE ${row.datname} IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}
