import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { type Medium, MEDIUM_SETUP_TIMEOUT, startMedium } from '../support/medium';
import { usingRealPostgres } from '../support/test-database';

/**
 * A connection the server ends (a restart, a failover, a forced drop) while a client holds it from
 * the pool and is not querying: pg emits 'error' on that client, and with nobody listening that
 * error would end the process (CI lost a whole test file to it once). The pool's clients always
 * listen; the connection is dropped and the next query gets a fresh one.
 */
const skipReason = usingRealPostgres
  ? undefined
  : 'PGlite has one session for the whole process, so there is no single connection to end; set DATABASE_URL (PostgreSQL), as CI does';
if (skipReason) process.stdout.write(`medium/connection-loss: skipped, ${skipReason}.\n`);

(skipReason ? describe.skip : describe)('a pooled connection ended by the server (medium)', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  }, MEDIUM_SETUP_TIMEOUT);
  afterAll(async () => {
    await m?.close();
  });

  it('costs the holder its connection, never the process, and the pool serves the next query', async () => {
    const pool = (m.db.driver as unknown as { master: pg.Pool }).master;
    const held = await pool.connect();
    const { pid } = (await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0];
    const ended = new Promise<void>((resolve) => held.once('end', () => resolve()));

    const [{ terminated }] = await m.sql<{ terminated: boolean }>('SELECT pg_terminate_backend($1) AS terminated', [pid]);
    expect(terminated).toBe(true);
    await ended;
    held.release(true);

    const [{ pid: next }] = await m.sql<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(next).not.toBe(pid);
  });
});
