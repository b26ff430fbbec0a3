import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import * as jose from 'jose';
import { jwks, signCredential, verifyCredential } from './credential.signer';
import { createKeyRing, KeyRing, keyIdOf, privateKeyOf, PublicKeySet } from './key-ring';
import { createSelfSignedCertificate } from './self-signed-certificate.factory';
import { SigningExceptionCode } from './signing.exception';

function selfSigned(keys: ReturnType<typeof generateKeyPairSync>): Buffer {
  return createSelfSignedCertificate({
    ...keys,
    commonName: 'Key ring test',
    organizationName: 'Keurmerk test',
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
  });
}

describe('KeyRing', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it.each([
    ['EC P-256', ec],
    ['RSA 2048', rsa],
  ])('uses the RFC 7638 thumbprint as kid (%s)', async (_name, keys) => {
    const jwk = keys.publicKey.export({ format: 'jwk' });
    expect(keyIdOf(keys.publicKey)).toBe(await jose.calculateJwkThumbprint(jwk as Parameters<typeof jose.calculateJwkThumbprint>[0]));
  });

  it('describes the active key from its certificate', () => {
    const ring = createKeyRing({ active: { privateKey: ec.privateKey, certificate: selfSigned(ec) }, source: 'test' });
    expect(ring.activeKey).toMatchObject({
      kid: keyIdOf(ec.publicKey),
      algorithm: 'ES256',
      status: 'active',
      chain: [],
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    });
    expect(ring.activeKey.subject).toContain('CN=Key ring test');
    expect(ring.development).toBe(false);
    expect(ring.warning).toBeUndefined();
  });

  it('keeps retired certificates, without duplicates, after the active key', () => {
    const ring = createKeyRing({
      active: { privateKey: ec.privateKey, certificate: selfSigned(ec) },
      retired: [{ certificate: selfSigned(rsa) }, { certificate: selfSigned(rsa) }, { certificate: selfSigned(ec) }],
      source: 'test',
    });
    expect(ring.keys.map((key) => [key.algorithm, key.status])).toEqual([
      ['ES256', 'active'],
      ['RS256', 'retired'],
    ]);
    expect(ring.findByKid(keyIdOf(rsa.publicKey))?.status).toBe('retired');
    expect(ring.findByCertificate(ring.keys[1].certificate)?.kid).toBe(keyIdOf(rsa.publicKey));
    expect(ring.findByCertificate(Buffer.from('not a certificate'))).toBeUndefined();
  });

  it('refuses a private key that does not belong to the certificate', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => createKeyRing({ active: { privateKey: other.privateKey, certificate: selfSigned(ec) }, source: 'test' })).toThrow(
      expect.objectContaining({ code: SigningExceptionCode.KEY_RING_INVALID }),
    );
  });

  it.each([
    ['EC P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' })],
    ['RSA 1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 })],
    ['Ed25519', () => generateKeyPairSync('ed25519')],
  ])('refuses an unsupported key (%s)', (_name, generate) => {
    const keys = generate();
    expect(() =>
      createSelfSignedCertificate({
        ...keys,
        commonName: 'x',
        organizationName: 'x',
        notBefore: new Date(),
        notAfter: new Date(Date.now() + 60_000),
      }),
    ).toThrow(expect.objectContaining({ code: SigningExceptionCode.KEY_UNSUPPORTED }));
  });

  it('cannot be built outside this library', () => {
    const construct = KeyRing as unknown as new (token: symbol, init: unknown) => KeyRing;
    expect(() => new construct(Symbol('KeyRing construction'), {})).toThrow('Key rings come from the signing loaders');
  });

  it('keeps the private key out of logs and JSON', () => {
    const ring = createKeyRing({ active: { privateKey: ec.privateKey, certificate: selfSigned(ec) }, source: 'test' });
    const pkcs8 = ec.privateKey.export({ format: 'jwk' }).d as string;
    expect(JSON.stringify(ring)).not.toContain(pkcs8);
    expect(inspect(ring, { depth: 10 })).not.toContain('private');
    expect(privateKeyOf(ring)).toBe(ec.privateKey);
  });
});

describe('PublicKeySet', () => {
  const active = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const retired = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('holds what a key ring publishes, without any private key, and verifies what the ring signed', async () => {
    const ring = createKeyRing({
      active: { privateKey: active.privateKey, certificate: selfSigned(active) },
      retired: [{ certificate: selfSigned(retired) }],
      source: 'test',
    });
    const published = new PublicKeySet(
      ring.keys.map((key) => ({ certificate: key.certificate, chain: key.chain, status: key.status })).reverse(),
    );
    expect(published.keys.map((key) => [key.kid, key.status])).toEqual(ring.keys.map((key) => [key.kid, key.status]));
    expect(published.findByKid(ring.activeKey.kid)?.publicKey.type).toBe('public');
    expect(() => privateKeyOf(published as unknown as KeyRing)).toThrow();
    const jws = await signCredential({ sub: 'KM-2026-000123-3' }, { keyRing: ring });
    expect(await verifyCredential(jws, published)).toMatchObject({ valid: true, kid: ring.activeKey.kid });
    expect(jwks(published)).toEqual(jwks(ring));
  });
});
