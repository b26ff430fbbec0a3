import { CREDENTIAL_TYPE, jwks, signCredential, verifyCredential } from './credential.signer';
import { ensureDevelopmentKeyRing, rotateDevelopmentKey } from './development-key-ring.loader';
import * as jose from 'jose';
import type { KeyRing } from './key-ring';
import { SigningExceptionCode } from './signing.exception';
import { temporaryDirectory } from './signing.test-helper';

const credential = {
  iss: 'https://keurmerk.example.nl',
  sub: 'KM-2026-000123-4',
  credentialSubject: { certificaatnummer: 'KM-2026-000123-4', maximaalAantalBewoners: 11, woonplaats: 'Łódź · Брой' },
};

function base64UrlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe.each(['ES256', 'RS256'] as const)('credentials signed with %s', (algorithm) => {
  let directory: { path: string; remove: () => Promise<void> };
  let keyRing: KeyRing;

  beforeEach(async () => {
    directory = await temporaryDirectory(`credential-${algorithm}`);
    keyRing = await ensureDevelopmentKeyRing(`${directory.path}/keys`, { algorithm });
  });

  afterEach(async () => {
    await directory.remove();
  });

  it('is a compact JWS with typ vc+jwt and the kid of the active key', async () => {
    const jws = await signCredential(credential, { keyRing });
    const [header, payload, signature] = jws.split('.');
    expect(base64UrlJson(header)).toEqual({ alg: algorithm, typ: CREDENTIAL_TYPE, kid: keyRing.activeKey.kid });
    expect(base64UrlJson(payload)).toEqual(credential);
    expect(signature.length).toBeGreaterThan(40);
  });

  it('verifies with jose against the published JWKS', async () => {
    const jws = await signCredential(credential, { keyRing });
    const keySet = jose.createLocalJWKSet(jwks(keyRing) as unknown as Parameters<typeof jose.createLocalJWKSet>[0]);
    const { payload, protectedHeader } = await jose.compactVerify(jws, keySet, { algorithms: [algorithm] });
    expect(protectedHeader.typ).toBe('vc+jwt');
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(credential);
  });

  it('publishes public keys only, with kid, alg, use and the certificate', () => {
    const [key] = jwks(keyRing).keys;
    expect(key).toMatchObject({ kid: keyRing.activeKey.kid, alg: algorithm, use: 'sig', kty: algorithm === 'ES256' ? 'EC' : 'RSA' });
    expect(key).not.toHaveProperty('d');
    expect(key).not.toHaveProperty('p');
    expect(Buffer.from(key.x5c[0], 'base64').equals(keyRing.activeKey.certificate)).toBe(true);
  });

  it('verifies with verifyCredential, and names what is wrong otherwise', async () => {
    const jws = await signCredential(credential, { keyRing });
    await expect(verifyCredential(jws, keyRing)).resolves.toMatchObject({
      valid: true,
      payload: credential,
      kid: keyRing.activeKey.kid,
    });

    const [header, payload, signature] = jws.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...credential, sub: 'KM-2026-000999-0' })).toString('base64url');
    await expect(verifyCredential(`${header}.${otherPayload}.${signature}`, keyRing)).resolves.toEqual({
      valid: false,
      reason: 'signature-invalid',
    });
    const wrongType = Buffer.from(JSON.stringify({ alg: algorithm, typ: 'JWT', kid: keyRing.activeKey.kid })).toString('base64url');
    await expect(verifyCredential(`${wrongType}.${payload}.${signature}`, keyRing)).resolves.toEqual({
      valid: false,
      reason: 'wrong-type',
    });
    const unknownKid = Buffer.from(JSON.stringify({ alg: algorithm, typ: 'vc+jwt', kid: 'nope' })).toString('base64url');
    await expect(verifyCredential(`${unknownKid}.${payload}.${signature}`, keyRing)).resolves.toEqual({
      valid: false,
      reason: 'unknown-key',
    });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt', kid: keyRing.activeKey.kid })).toString('base64url');
    await expect(verifyCredential(`${none}.${payload}.`, keyRing)).resolves.toMatchObject({ valid: false });
    for (const garbage of ['', 'a.b.c', 'not a jws', 42 as unknown as string]) {
      await expect(verifyCredential(garbage, keyRing)).resolves.toEqual({ valid: false, reason: 'malformed' });
    }
  });

  it('keeps old credentials verifiable after rotation, signs new ones with the new key and publishes both keys', async () => {
    const before = await signCredential(credential, { keyRing });
    const rotated = await rotateDevelopmentKey(`${directory.path}/keys`, { algorithm });
    const after = await signCredential(credential, { keyRing: rotated });

    expect(jose.decodeProtectedHeader(after).kid).toBe(rotated.activeKey.kid);
    expect(jose.decodeProtectedHeader(before).kid).toBe(keyRing.activeKey.kid);
    await expect(verifyCredential(before, rotated)).resolves.toMatchObject({ valid: true, kid: keyRing.activeKey.kid });
    await expect(verifyCredential(after, rotated)).resolves.toMatchObject({ valid: true, kid: rotated.activeKey.kid });

    const published = jwks(rotated);
    expect(published.keys.map((key) => key.kid)).toEqual([rotated.activeKey.kid, keyRing.activeKey.kid]);
    const keySet = jose.createLocalJWKSet(published as unknown as Parameters<typeof jose.createLocalJWKSet>[0]);
    await expect(jose.compactVerify(before, keySet)).resolves.toBeDefined();
    await expect(jose.compactVerify(after, keySet)).resolves.toBeDefined();
  });
});

describe('signCredential refuses', () => {
  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'text'],
    ['something JSON cannot hold', { big: BigInt(1) }],
    ['a huge payload', { blob: 'x'.repeat(70 * 1024) }],
  ])('%s', async (_case, payload) => {
    const directory = await temporaryDirectory('credential-refusal');
    try {
      const keyRing = await ensureDevelopmentKeyRing(`${directory.path}/keys`);
      await expect(signCredential(payload as object, { keyRing })).rejects.toMatchObject({
        code: SigningExceptionCode.CREDENTIAL_REFUSED,
      });
    } finally {
      await directory.remove();
    }
  });
});
