import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import {
  DEVELOPMENT_CERTIFICATE_COMMON_NAME,
  KEY_RING_MANIFEST_FILE,
  ensureDevelopmentKeyRing,
  rotateDevelopmentKey,
} from './development-key-ring.loader';
import { SigningExceptionCode } from './signing.exception';
import { temporaryDirectory } from './signing.test-helper';

describe('development key ring', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let keys: string;

  beforeEach(async () => {
    directory = await temporaryDirectory('dev-keys');
    keys = join(directory.path, 'keys');
  });

  afterEach(async () => {
    await directory.remove();
  });

  it('creates a P-256 key and a self-signed NOT TRUSTED certificate on first use, and says so', async () => {
    const ring = await ensureDevelopmentKeyRing(keys, { now: new Date('2026-04-01T10:00:00Z') });
    expect(ring.development).toBe(true);
    expect(ring.warning).toMatch(/DEVELOPMENT.*NOT TRUSTED/);
    expect(ring.activeKey.algorithm).toBe('ES256');
    expect(ring.keys).toHaveLength(1);

    const certificate = new X509Certificate(ring.activeKey.certificate);
    expect(certificate.subject).toContain(`CN=${DEVELOPMENT_CERTIFICATE_COMMON_NAME}`);
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.keyUsage).toBeUndefined(); // Node lists extended key usage only; there is none.
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2036);

    const kid = ring.activeKey.kid;
    expect((await readdir(keys)).sort()).toEqual([`${kid}.crt.pem`, `${kid}.key.pem`, KEY_RING_MANIFEST_FILE].sort());
    expect((await stat(join(keys, `${kid}.key.pem`))).mode & 0o777).toBe(0o600);
    expect((await stat(keys)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(join(keys, KEY_RING_MANIFEST_FILE), 'utf8'))).toEqual({
      format: 'keurmerk-signing-keyring',
      version: 1,
      development: true,
      activeKid: kid,
      keys: [
        {
          kid,
          algorithm: 'ES256',
          certificateFile: `${kid}.crt.pem`,
          privateKeyFile: `${kid}.key.pem`,
          createdAt: '2026-04-01T10:00:00.000Z',
        },
      ],
    });
  });

  it('loads the same key on the next start', async () => {
    const first = await ensureDevelopmentKeyRing(keys);
    const second = await ensureDevelopmentKeyRing(keys);
    expect(second.activeKey.kid).toBe(first.activeKey.kid);
    expect(second.activeKey.certificate.equals(first.activeKey.certificate)).toBe(true);
  });

  it('creates exactly one key when two processes start at once', async () => {
    const rings = await Promise.all([1, 2, 3, 4].map(() => ensureDevelopmentKeyRing(keys)));
    expect(new Set(rings.map((ring) => ring.activeKey.kid)).size).toBe(1);
    expect((await readdir(keys)).sort()).toHaveLength(3);
  });

  it('can create an RSA-3072 key', async () => {
    const ring = await ensureDevelopmentKeyRing(keys, { algorithm: 'RS256' });
    expect(ring.activeKey.algorithm).toBe('RS256');
    expect(ring.activeKey.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
  });

  it('rotates: the new key signs, the old one stays as a retired certificate without its private key', async () => {
    const first = await ensureDevelopmentKeyRing(keys);
    const rotated = await rotateDevelopmentKey(keys, { now: new Date('2026-06-01T00:00:00Z') });
    const oldKid = first.activeKey.kid;
    const newKid = rotated.activeKey.kid;
    expect(newKid).not.toBe(oldKid);
    expect(rotated.keys.map((key) => [key.kid, key.status])).toEqual([
      [newKid, 'active'],
      [oldKid, 'retired'],
    ]);
    expect((await readdir(keys)).sort()).toEqual(
      [`${newKid}.crt.pem`, `${newKid}.key.pem`, `${oldKid}.crt.pem`, KEY_RING_MANIFEST_FILE].sort(),
    );
    const manifest = JSON.parse(await readFile(join(keys, KEY_RING_MANIFEST_FILE), 'utf8'));
    expect(manifest.activeKid).toBe(newKid);
    expect(manifest.keys[1]).toEqual(expect.objectContaining({ kid: oldKid, retiredAt: '2026-06-01T00:00:00.000Z' }));
    expect(manifest.keys[1].privateKeyFile).toBeUndefined();

    const reloaded = await ensureDevelopmentKeyRing(keys);
    expect(reloaded.keys.map((key) => key.kid)).toEqual([newKid, oldKid]);
    const third = await rotateDevelopmentKey(keys);
    expect(third.keys.map((key) => key.status)).toEqual(['active', 'retired', 'retired']);
  });

  it('refuses to rotate where there is no key ring', async () => {
    await expect(rotateDevelopmentKey(keys)).rejects.toMatchObject({ code: SigningExceptionCode.KEY_RING_INVALID });
  });

  it.each([
    ['not JSON', () => '{'],
    ['a foreign format', () => JSON.stringify({ format: 'other', version: 1, keys: [] })],
    [
      'a file name outside the directory',
      (manifest: Record<string, unknown>) =>
        JSON.stringify({
          ...manifest,
          keys: [{ ...(manifest.keys as object[])[0], certificateFile: '../../etc/passwd.crt.pem' }],
        }),
    ],
    [
      'a kid that does not match the key files',
      (manifest: Record<string, unknown>) =>
        JSON.stringify({
          ...manifest,
          activeKid: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          keys: [{ ...(manifest.keys as object[])[0], kid: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
        }),
    ],
  ])('refuses a manifest with %s', async (_case, tamper) => {
    await ensureDevelopmentKeyRing(keys);
    const path = join(keys, KEY_RING_MANIFEST_FILE);
    await writeFile(path, tamper(JSON.parse(await readFile(path, 'utf8'))));
    await expect(ensureDevelopmentKeyRing(keys)).rejects.toMatchObject({ code: SigningExceptionCode.KEY_RING_INVALID });
  });
});
