import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import S3rverModule from 's3rver';
import { verifySigV4 } from './sigv4';

interface KoaContext {
  req: IncomingMessage;
  status: number;
  type: string;
  body: unknown;
}

// s3rver ships no types; the part used here is small.
const S3rver = S3rverModule as unknown as new (options: Record<string, unknown>) => {
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Where the embedded store keeps its key pair: beside the buckets, not in them (s3rver lists directories only). */
const CREDENTIALS_FILE = '.keurmerk-s3-credentials.json';

/**
 * The key pair of the embedded store in `directory`: made once with random bytes and kept there,
 * readable by the owner only (0600), so a restart reuses it and no other local user can read it.
 */
export function embeddedS3Credentials(directory: string): S3Credentials {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = join(directory, CREDENTIALS_FILE);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<S3Credentials>;
    if (typeof stored.accessKeyId === 'string' && typeof stored.secretAccessKey === 'string') {
      return { accessKeyId: stored.accessKeyId, secretAccessKey: stored.secretAccessKey };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const made = { accessKeyId: `KM${randomBytes(9).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64url') };
  // 'wx': two processes starting on one directory at once keep the first one's pair.
  try {
    writeFileSync(file, JSON.stringify(made), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return embeddedS3Credentials(directory);
    throw error;
  }
  return made;
}

/**
 * An S3 protocol server on loopback, for the embedded default and for tests: the application talks
 * to it with the same S3 client and credentials flow as to MinIO or AWS. s3rver itself lets anonymous
 * requests through and never checks a Signature Version 4, so every request is checked here first:
 * signed with this store's own key pair (generated, kept in its directory), or refused with 403.
 */
export class EmbeddedS3 {
  private constructor(
    private readonly server: { close(): Promise<void> },
    readonly endpoint: string,
    readonly port: number,
    readonly credentials: S3Credentials,
  ) {}

  get accessKeyId(): string {
    return this.credentials.accessKeyId;
  }

  get secretAccessKey(): string {
    return this.credentials.secretAccessKey;
  }

  static async start(options: { directory: string; bucket: string; port?: number }): Promise<EmbeddedS3> {
    const credentials = embeddedS3Credentials(options.directory);
    const server = new S3rver({
      address: '127.0.0.1',
      port: options.port ?? 0,
      silent: true,
      directory: options.directory,
      configureBuckets: [{ name: options.bucket }],
      vhostBuckets: false,
    });
    // First in Koa's chain, before s3rver's own routes.
    server.middleware.unshift(async (ctx, next) => {
      if (verifySigV4(ctx.req, credentials)) {
        // Checked: s3rver would look the key up in its own registry (which holds only its built-in pair).
        delete ctx.req.headers.authorization;
        return next();
      }
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
    });
    const address = await server.run();
    return new EmbeddedS3(server, `http://127.0.0.1:${address.port}`, address.port, credentials);
  }

  async stop(): Promise<void> {
    await this.server.close();
  }
}
