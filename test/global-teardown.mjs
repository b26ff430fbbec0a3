import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const run = process.env.KEURMERK_TEST_RUN;
  rmSync(join(tmpdir(), `keurmerk-pglite-template-${run}.tar`), { force: true });
  if (!process.env.DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const left = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `keurmerk\\_test\\_${run}\\_%`,
      `keurmerk_template_${run}`,
    ]);
    for (const row of left.rows) {
      await admin.query(`ALTER DATABASE ${row.datname} IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
