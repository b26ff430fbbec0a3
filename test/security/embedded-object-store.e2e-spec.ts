import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '@keurmerk/config';
import { createLogger, startRuntime } from '@keurmerk/runtime';
import { EmbeddedS3, embeddedS3Credentials, ObjectStorage } from '@keurmerk/storage';

/**
 * Issue 16 item 8: the embedded object store listens on loopback, where every local user and every
 * page a local browser opens can reach it. s3rver alone lets anonymous list, put and delete through
 * (and never checks a version 4 signature); EmbeddedS3 refuses anything not signed with the key pair
 * generated once into the data directory (0600), which only the application reads.
 */
describe('the embedded object store refuses everyone but the application', () => {
  let dir: string;
  let s3: EmbeddedS3;
  const bucket = 'keurmerk';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keurmerk-s3-auth-'));
    s3 = await EmbeddedS3.start({ directory: dir, bucket });
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new S3Client({
      endpoint: s3.endpoint,
      region: 'eu-central-1',
      credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      maxAttempts: 1,
    });

  it('keeps generated credentials in the data directory, readable by the owner only, the same after a restart', async () => {
    expect(s3.accessKeyId).not.toBe('S3RVER');
    expect(s3.secretAccessKey.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, '.keurmerk-s3-credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(embeddedS3Credentials(dir)).toEqual(s3.credentials);
    // Another directory gets another pair.
    const other = mkdtempSync(join(tmpdir(), 'keurmerk-s3-auth-'));
    expect(embeddedS3Credentials(other).secretAccessKey).not.toBe(s3.secretAccessKey);
    rmSync(other, { recursive: true, force: true });
  });

  it('refuses anonymous list, put and delete with 403 and keeps the object', async () => {
    const app = new ObjectStorage({ endpoint: s3.endpoint, bucket, region: 'eu-central-1', ...s3.credentials });
    await app.put('documents/kept.pdf', Buffer.from('%PDF-1.7 kept'), 'application/pdf');
    const base = `${s3.endpoint}/${bucket}`;
    expect((await fetch(`${base}?list-type=2`)).status).toBe(403);
    expect((await fetch(`${base}/documents/evil.html`, { method: 'PUT', body: '<script>alert(1)</script>' })).status).toBe(403);
    expect((await fetch(`${base}/documents/kept.pdf`, { method: 'DELETE' })).status).toBe(403);
    expect((await fetch(`${base}/documents/kept.pdf`)).status).toBe(403);
    expect((await fetch(`${s3.endpoint}/`)).status).toBe(403);
    expect(await app.exists('documents/evil.html')).toBe(false);
    expect((await app.get('documents/kept.pdf')).toString()).toBe('%PDF-1.7 kept');
    app.destroy();
  });

  it.each([
    ["s3rver's built-in key pair", { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }],
    ['the right key id with a wrong secret', 'wrong-secret' as const],
  ])('refuses requests signed with %s', async (_, given) => {
    const credentials = given === 'wrong-secret' ? { accessKeyId: s3.accessKeyId, secretAccessKey: 'x'.repeat(40) } : given;
    const stranger = client(credentials);
    await expect(stranger.send(new ListObjectsV2Command({ Bucket: bucket }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(stranger.send(new PutObjectCommand({ Bucket: bucket, Key: 'x', Body: 'x' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    await expect(stranger.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'documents/kept.pdf' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    stranger.destroy();
  });

  it('lets the application list, put and delete with its own credentials', async () => {
    const own = client(s3.credentials);
    await own.send(new PutObjectCommand({ Bucket: bucket, Key: 'a b/ü (1).pdf', Body: 'x' }));
    const listed = await own.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'a b/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['a b/ü (1).pdf']);
    await own.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a b/ü (1).pdf' }));
    own.destroy();
  });

  it('the embedded runtime starts s3rver with the pair kept in DATA_DIR and gives it to the app', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keurmerk-data-'));
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unused', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const runtime = await startRuntime(config, createLogger(config), { database: { url: 'postgres://postgres@127.0.0.1:1/unused' } });
    try {
      expect(runtime.objectStore.accessKeyId).toBe(embeddedS3Credentials(join(dataDir, 's3')).accessKeyId);
      expect((await fetch(`${runtime.objectStore.endpoint}/${config.objectStore.bucket}?list-type=2`)).status).toBe(403);
      const app = new ObjectStorage(runtime.objectStore);
      await app.put('x.pdf', Buffer.from('%PDF'), 'application/pdf');
      expect(await app.exists('x.pdf')).toBe(true);
      app.destroy();
    } finally {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
