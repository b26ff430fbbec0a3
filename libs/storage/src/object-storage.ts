import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AppException } from '@keurmerk/common';

// Node 20 is this project's decided runtime; the SDK's notice about its future minimum says nothing
// actionable at every start, so it is silenced here (the README states the Node support horizon).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface ObjectStorageOptions {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface StoredObject {
  key: string;
  sha256: string;
  size: number;
}

/**
 * The only code that talks to the object store. Keys are always made by the platform, never taken
 * from a client, so no upload can choose where it lands.
 */
export class ObjectStorage {
  private readonly client: S3Client;
  readonly bucket: string;

  constructor(options: ObjectStorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      forcePathStyle: true,
      // S3-compatible servers (s3rver, older MinIO) reject the newer default checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(body).digest('hex');
    await this.guard(() =>
      this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, Metadata: { sha256 } })),
    );
    return { key, sha256, size: body.length };
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.guard(() => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })), key);
    const bytes = await response.Body!.transformToByteArray();
    return Buffer.from(bytes);
  }

  async stream(key: string): Promise<Readable> {
    const response = await this.guard(() => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })), key);
    return response.Body as Readable;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
      throw AppException.unavailable('The document store is not available. Try again later.');
    }
  }

  async delete(key: string): Promise<void> {
    await this.guard(() => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** For health checks: answers whether the bucket is reachable. */
  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  /** Creates the bucket when it is missing (MinIO and s3rver start empty). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  destroy(): void {
    this.client.destroy();
  }

  /** Outages become a clear 503; a missing object a 404. Nothing of the store's own error leaks. */
  private async guard<T>(call: () => Promise<T>, key?: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (key && (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey')) {
        throw AppException.notFound('The document');
      }
      throw AppException.unavailable('The document store is not available. Try again later.');
    }
  }
}
