import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import { SigningException, SigningExceptionCode } from './signing.exception';

/** JWS names; the PDF signature uses the matching CMS algorithms (ECDSA / PKCS#1 v1.5 with SHA-256). */
export type SigningAlgorithm = 'ES256' | 'RS256';

/** The public side of a signing key: what verifiers, JWKS and logs may see. */
export interface SigningKeyInfo {
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
  kid: string;
  algorithm: SigningAlgorithm;
  status: 'active' | 'retired';
  /** X.509 certificate, DER. */
  certificate: Buffer;
  /** Issuer certificates, DER, signer's issuer first; empty for a self-signed certificate. */
  chain: Buffer[];
  publicKey: KeyObject;
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

/** A certificate as DER bytes or PEM text. */
export type CertificateInput = Buffer | Uint8Array | string;

export interface KeyRingInit {
  active: { privateKey: KeyObject; certificate: CertificateInput; chain?: CertificateInput[] };
  /** Earlier keys: only their certificates, so what they signed stays verifiable. */
  retired?: Array<{ certificate: CertificateInput; chain?: CertificateInput[] }>;
  /** True for the self-made embedded-mode key that nobody outside trusts. */
  development?: boolean;
  /** Where the keys came from, for logs (a path, never key material). */
  source: string;
}

const MINIMUM_RSA_BITS = 2048;

/**
 * Private keys live here, not on the KeyRing object, so they cannot leak through a log line,
 * JSON.stringify or util.inspect of the ring. Only this library reaches them (privateKeyOf is not
 * exported from index.ts).
 */
const privateKeys = new WeakMap<KeyRing, KeyObject>();

/**
 * Only this library's loaders build key rings (createKeyRing is not exported from index.ts): the
 * rest of the application gets a ring from a loader and never handles a private key itself.
 */
const CONSTRUCTION = Symbol('KeyRing construction');

/**
 * Public keys only: what verifying a PDF or a credential, and publishing the JWKS, need. A KeyRing is
 * one (it also holds a private key); a PublicKeySet is one built from certificates alone, for processes
 * that must never hold a private key (the API).
 */
export interface VerificationKeys {
  readonly keys: readonly SigningKeyInfo[];
  findByKid(kid: string): SigningKeyInfo | undefined;
}

/** The public side of a published key: its certificate (and chain), and whether it still signs new documents. */
export interface PublishedKey {
  certificate: CertificateInput;
  chain?: CertificateInput[];
  status: SigningKeyInfo['status'];
}

/** Keys built from certificates only: verifies and publishes, cannot sign. */
export class PublicKeySet implements VerificationKeys {
  readonly keys: readonly SigningKeyInfo[];

  constructor(published: readonly PublishedKey[]) {
    const keys: SigningKeyInfo[] = [];
    for (const key of published) {
      const info = describeCertificate(key.certificate, key.chain ?? [], key.status);
      if (!keys.some((known) => known.kid === info.kid)) keys.push(info);
    }
    // Active first, as in a KeyRing, so a JWKS lists the signing key first whichever source built it.
    keys.sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1));
    this.keys = Object.freeze(keys.map((key) => Object.freeze(key)));
  }

  findByKid(kid: string): SigningKeyInfo | undefined {
    return this.keys.find((key) => key.kid === kid);
  }
}

/**
 * The scheme's signing keys: one active key that signs new certificates and credentials, and the
 * retired keys whose signatures must keep verifying. Immutable; rotation builds a new ring.
 */
export class KeyRing implements VerificationKeys {
  readonly development: boolean;
  readonly source: string;
  /** A loud warning to log at start-up when the keys are not trusted by anyone. */
  readonly warning?: string;
  readonly activeKey: SigningKeyInfo;
  /** Active key first, then retired keys in the order given. */
  readonly keys: readonly SigningKeyInfo[];

  constructor(construction: typeof CONSTRUCTION, init: KeyRingInit) {
    if (construction !== CONSTRUCTION) {
      throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, 'Key rings come from the signing loaders');
    }
    this.development = init.development ?? false;
    this.source = init.source;
    const active = describeCertificate(init.active.certificate, init.active.chain ?? [], 'active');
    if (!new X509Certificate(active.certificate).checkPrivateKey(init.active.privateKey)) {
      throw new SigningException(
        SigningExceptionCode.KEY_RING_INVALID,
        `The private key does not belong to the certificate of key ${active.kid} (${init.source})`,
      );
    }
    const keys = [active];
    for (const retired of init.retired ?? []) {
      const info = describeCertificate(retired.certificate, retired.chain ?? [], 'retired');
      if (!keys.some((key) => key.kid === info.kid)) {
        keys.push(info);
      }
    }
    this.activeKey = Object.freeze(active);
    this.keys = Object.freeze(keys.map((key) => Object.freeze(key)));
    if (this.development) {
      this.warning =
        `Signing with a DEVELOPMENT key (${active.kid}) from ${init.source}: certificates and credentials ` +
        `signed now are NOT TRUSTED by anyone. Configure a PKCS#12 signing key for production.`;
    }
    privateKeys.set(this, init.active.privateKey);
  }

  findByKid(kid: string): SigningKeyInfo | undefined {
    return this.keys.find((key) => key.kid === kid);
  }

  /** Byte-for-byte match: a certificate that merely has our name is not ours. */
  findByCertificate(certificate: Uint8Array): SigningKeyInfo | undefined {
    return this.keys.find((key) => Buffer.compare(key.certificate, certificate) === 0);
  }
}

/** Library-internal: builds a ring after checking the key against its certificate. Not exported from index.ts. */
export function createKeyRing(init: KeyRingInit): KeyRing {
  return new KeyRing(CONSTRUCTION, init);
}

/** Library-internal: the active private key. Not exported from index.ts. */
export function privateKeyOf(keyRing: KeyRing): KeyObject {
  const key = privateKeys.get(keyRing);
  if (!key) {
    throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, 'Key ring has no private key');
  }
  return key;
}

export function toCertificateDer(certificate: CertificateInput): Buffer {
  try {
    const input = typeof certificate === 'string' ? certificate : Buffer.from(certificate);
    return Buffer.from(new X509Certificate(input).raw);
  } catch (error) {
    throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, 'Not an X.509 certificate', { cause: error });
  }
}

export function signingAlgorithmOf(publicKey: KeyObject): SigningAlgorithm {
  const details = publicKey.asymmetricKeyDetails ?? {};
  if (publicKey.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') {
    return 'ES256';
  }
  if (publicKey.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= MINIMUM_RSA_BITS) {
    return 'RS256';
  }
  throw new SigningException(
    SigningExceptionCode.KEY_UNSUPPORTED,
    `Unsupported signing key: ${publicKey.asymmetricKeyType ?? 'unknown'} ` +
      `${details.namedCurve ?? details.modulusLength ?? ''} (use EC P-256 or RSA >= ${MINIMUM_RSA_BITS} bits)`,
  );
}

/** RFC 7638: SHA-256 over the required public members in lexicographic order, base64url. */
export function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical =
    jwk.kty === 'EC'
      ? JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
      : JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

function describeCertificate(certificate: CertificateInput, chain: CertificateInput[], status: SigningKeyInfo['status']): SigningKeyInfo {
  const der = toCertificateDer(certificate);
  const x509 = new X509Certificate(der);
  const publicKey = x509.publicKey;
  return {
    kid: keyIdOf(publicKey),
    algorithm: signingAlgorithmOf(publicKey),
    status,
    certificate: der,
    chain: chain.map(toCertificateDer),
    publicKey,
    subject: x509.subject,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
  };
}
