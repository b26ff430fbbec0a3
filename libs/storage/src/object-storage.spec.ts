import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppErrorCode, AppException } from '@keurmerk/common';
import { EmbeddedS3 } from './embedded-s3';
import { ObjectStorage } from './object-storage';

describe('ObjectStorage against an S3 protocol server', () => {
  let dir: string;
  let s3: EmbeddedS3;
  let storage: ObjectStorage;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keurmerk-s3-'));
    s3 = await EmbeddedS3.start({ directory: dir, bucket: 'test-bucket' });
    storage = new ObjectStorage({
      endpoint: s3.endpoint,
      bucket: 'test-bucket',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      region: 'eu-central-1',
    });
  });

  afterAll(async () => {
    storage.destroy();
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores bytes, reports their SHA-256 and gives them back unchanged', async () => {
    const body = Buffer.from('%PDF-1.7 certificate bytes \u0000\u00ff');
    const stored = await storage.put('documents/a.pdf', body, 'application/pdf');
    expect(stored).toEqual({ key: 'documents/a.pdf', size: body.length, sha256: createHash('sha256').update(body).digest('hex') });
    expect(await storage.get('documents/a.pdf')).toEqual(body);
    expect(await storage.exists('documents/a.pdf')).toBe(true);
  });

  it('answers not found for a missing key', async () => {
    expect(await storage.exists('missing')).toBe(false);
    await expect(storage.get('missing')).rejects.toMatchObject({ code: AppErrorCode.NotFound });
  });

  it('turns an unreachable store into unavailable, without leaking the cause', async () => {
    const dead = new ObjectStorage({
      endpoint: 'http://127.0.0.1:1',
      bucket: 'x',
      accessKeyId: 'a',
      secretAccessKey: 'b',
      region: 'eu-central-1',
    });
    const failure = await dead.put('k', Buffer.from('x'), 'text/plain').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppException);
    expect((failure as AppException).code).toBe(AppErrorCode.Unavailable);
    await expect(dead.ping()).rejects.toBeDefined();
    dead.destroy();
  });
});
