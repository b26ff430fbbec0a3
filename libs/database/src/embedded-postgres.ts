import { mkdirSync } from 'node:fs';
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
  ) {}

  static async start(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    return new EmbeddedPostgres(pglite, server, `postgres://postgres@${server.getServerConn()}/postgres`);
  }

  async dump(): Promise<Blob> {
    return (await this.pglite.dumpDataDir('none')) as Blob;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.pglite.close();
  }
}
