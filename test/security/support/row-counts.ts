import type { TestApp } from '../../support/test-app';

/** The row count of every table of the application's schema, found in information_schema so a new table is counted too. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = await t.sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (tables.length === 0) throw new Error('no application tables found in information_schema');
  const union = tables
    .map(({ table_name }) => `SELECT '${table_name}' AS name, count(*)::int AS rows FROM public."${table_name}"`)
    .join(' UNION ALL ');
  const counts = await t.sql<{ name: string; rows: number }>(union);
  return Object.fromEntries(counts.map((c) => [c.name, Number(c.rows)]));
}
