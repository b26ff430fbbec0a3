import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import S3rverModule from 's3rver';

// s3rver ships no types; the part used here is small.
const S3rver = S3rverModule as unknown as new (options: Record<string, unknown>) => {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

/**
 * An S3 protocol server on loopback, for the embedded default and for tests: the application talks
 * to it with the same S3 client and credentials flow as to MinIO or AWS.
 */
export class EmbeddedS3 {
  static readonly accessKeyId = 'S3RVER';
  static readonly secretAccessKey = 'S3RVER';

  private constructor(
    private readonly server: { close(): Promise<void> },
    readonly endpoint: string,
    readonly port: number,
  ) {}

  static async start(options: { directory: string; bucket: string; port?: number }): Promise<EmbeddedS3> {
    mkdirSync(options.directory, { recursive: true });
    const server = new S3rver({
      address: '127.0.0.1',
      port: options.port ?? 0,
      silent: true,
      directory: options.directory,
      configureBuckets: [{ name: options.bucket }],
      vhostBuckets: false,
    });
    const address = await server.run();
    return new EmbeddedS3(server, `http://127.0.0.1:${address.port}`, address.port);
  }

  async stop(): Promise<void> {
    await this.server.close();
  }
}
