import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; unset keeps it in memory (tests). */
  dataDir?: string;
  /** A dumped data directory to start from (a migrated template, for fast isolated tests). */
  loadDataDir?: Blob;
}

/**
 * PostgreSQL compiled to WebAssembly, served on a loopback port so the ordinary `pg` driver and the
 * same migrations work unchanged. PGlite has a single session: the socket accepts exactly one
 * connection, and every pool in front of it must have size 1, or statements of different clients
 * interleave and return wrong rows.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly pglite: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile?: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
    let lockFile: string | undefined;
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      lockFile = `${options.dataDir}.lock`;
      takeLock(lockFile, options.dataDir);
    }
    const pglite = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    return new EmbeddedPostgres(pglite, server, `postgres://postgres@${server.getServerConn()}/postgres`, lockFile);
  }

  /**
   * Waits until the single socket connection is free again. A pool that was just closed frees it a
   * moment later; the next pool connecting before then would be turned away.
   */
  async waitUntilIdle(timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.server.getStats().activeConnections > 0 && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async dump(): Promise<Blob> {
    return (await this.pglite.dumpDataDir('none')) as Blob;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.pglite.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

/** Two processes on one PGlite directory would corrupt it: the second one is refused, naming the first. */
function takeLock(lockFile: string, dataDir: string): void {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return;
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}. Stop it first (or set DATABASE_URL).`);
    }
    writeFileSync(lockFile, String(process.pid));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
