import * as jose from 'jose';
import { type KeyRing, privateKeyOf, type SigningAlgorithm, type SigningKeyInfo, type VerificationKeys } from './key-ring';
import { SigningException, SigningExceptionCode } from './signing.exception';

/** The JOSE `typ` of a W3C Verifiable Credential secured as a JWT (VC-JOSE-COSE). */
export const CREDENTIAL_TYPE = 'vc+jwt';
const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface SignCredentialOptions {
  keyRing: KeyRing;
}

/** A public JWK as published in /.well-known/jwks.json. */
export interface PublicJwk {
  kty: string;
  kid: string;
  alg: SigningAlgorithm;
  use: 'sig';
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  /** The X.509 certificate (and chain) of the key, base64 DER: ties the JWK to the PDF signatures. */
  x5c: string[];
}

export type CredentialProblem = 'malformed' | 'wrong-type' | 'unknown-key' | 'signature-invalid';

export type CredentialVerification =
  | { valid: true; payload: Record<string, unknown>; kid: string; header: Record<string, unknown> }
  | { valid: false; reason: CredentialProblem };

/**
 * A compact JWS over the JSON of `payload`, protected header {alg, typ: 'vc+jwt', kid}, signed with
 * the active key. The payload is signed as given (the caller builds the credential); it must be a
 * plain JSON object of reasonable size, or this refuses to sign.
 */
export async function signCredential(payload: object, options: SignCredentialOptions): Promise<string> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SigningException(SigningExceptionCode.CREDENTIAL_REFUSED, 'A credential payload must be a JSON object');
  }
  let json: string;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new SigningException(SigningExceptionCode.CREDENTIAL_REFUSED, 'The credential payload is not JSON', {
      cause: error,
    });
  }
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > MAX_PAYLOAD_BYTES) {
    throw new SigningException(SigningExceptionCode.CREDENTIAL_REFUSED, 'The credential payload is too large');
  }
  const key = options.keyRing.activeKey;
  return new jose.CompactSign(bytes)
    .setProtectedHeader({ alg: key.algorithm, typ: CREDENTIAL_TYPE, kid: key.kid })
    .sign(privateKeyOf(options.keyRing));
}

/** Verifies a credential against every key of the ring, retired ones included. Never throws. */
export async function verifyCredential(jws: string, keyRing: VerificationKeys): Promise<CredentialVerification> {
  if (typeof jws !== 'string' || jws.length > 4 * MAX_PAYLOAD_BYTES) {
    return { valid: false, reason: 'malformed' };
  }
  let header: Record<string, unknown>;
  try {
    header = jose.decodeProtectedHeader(jws) as Record<string, unknown>;
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (header.typ !== CREDENTIAL_TYPE) {
    return { valid: false, reason: 'wrong-type' };
  }
  const key = typeof header.kid === 'string' ? keyRing.findByKid(header.kid) : undefined;
  if (!key) {
    return { valid: false, reason: 'unknown-key' };
  }
  try {
    // The algorithm is pinned to the key's own: a header cannot talk the verifier into another one.
    const { payload } = await jose.compactVerify(jws, key.publicKey, { algorithms: [key.algorithm] });
    const parsed = JSON.parse(new TextDecoder().decode(payload)) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { valid: false, reason: 'malformed' };
    }
    return { valid: true, payload: parsed as Record<string, unknown>, kid: key.kid, header };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return { valid: false, reason: code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? 'signature-invalid' : 'malformed' };
  }
}

/** The JSON Web Key Set for /.well-known/jwks.json: every key of the ring, retired ones included. */
export function jwks(keyRing: VerificationKeys): { keys: PublicJwk[] } {
  return { keys: keyRing.keys.map(toPublicJwk) };
}

function toPublicJwk(key: SigningKeyInfo): PublicJwk {
  const jwk = key.publicKey.export({ format: 'jwk' });
  const members = jwk.kty === 'EC' ? { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y } : { kty: 'RSA', n: jwk.n, e: jwk.e };
  return {
    ...members,
    kid: key.kid,
    alg: key.algorithm,
    use: 'sig',
    x5c: [key.certificate, ...key.chain].map((der) => der.toString('base64')),
  };
}
