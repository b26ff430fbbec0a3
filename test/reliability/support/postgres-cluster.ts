import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, that the test may
 * stop and restart: the machine's server on 5432 is shared with every other test and stays alone.
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` user.
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** Why this machine cannot run one, or undefined when it can. */
  static unavailableReason(): string | undefined {
    if (!existsSync(join(BIN, 'initdb')) || !existsSync(join(BIN, 'pg_ctl'))) return `no PostgreSQL 15 binaries in ${BIN}`;
    if (userInfo().uid === 0) {
      try {
        execFileSync('id', ['postgres'], { stdio: 'ignore' });
      } catch {
        return 'running as root and there is no postgres user to run the server as';
      }
    }
    return undefined;
  }

  static async start(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'keurmerk-pg-'));
    if (userInfo().uid === 0)
      chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
        Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
      );
    const server = new ThrowawayPostgres(dir, await freePort());
    server.run('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
    server.start();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  databaseUrl(name: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`;
  }

  /** Waits until the server accepts connections. */
  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  }

  /** Fast shutdown: open sessions are ended, as in a crash of the connections, not of the data. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private run(program: string, args: string[]): void {
    const command = join(BIN, program);
    if (userInfo().uid === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
    else execFileSync(command, args, { stdio: 'ignore' });
  }
}

/**
 * A free port below Linux's ephemeral range (32768-60999). A port the kernel handed out for
 * `listen(0)` can be handed to another process's connection or server while initdb runs, before the
 * server binds it, or between a stop and a restart: that once failed a CI run with "Address already
 * in use". Below the range, only something that asks for this very port can take it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
