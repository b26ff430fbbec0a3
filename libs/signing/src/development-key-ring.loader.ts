import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createKeyRing, type KeyRing, keyIdOf, type SigningAlgorithm, signingAlgorithmOf } from './key-ring';
import { toPem } from './pem';
import { createSelfSignedCertificate } from './self-signed-certificate.factory';
import { SigningException, SigningExceptionCode } from './signing.exception';

export const DEVELOPMENT_CERTIFICATE_COMMON_NAME = 'Keurmerk DEVELOPMENT signing key — NOT TRUSTED';
const DEVELOPMENT_ORGANIZATION_NAME = 'Keurmerk Huisvesting Arbeidsmigranten (development)';
export const KEY_RING_MANIFEST_FILE = 'keyring.json';
const MANIFEST_FORMAT = 'keurmerk-signing-keyring';
const DEVELOPMENT_CERTIFICATE_YEARS = 10;
/** Key files are named after their kid (base64url), so a manifest can never point outside the directory. */
const KEY_FILE_NAME = /^[A-Za-z0-9_-]{16,100}\.(crt|key)\.pem$/;

interface ManifestEntry {
  kid: string;
  algorithm: SigningAlgorithm;
  certificateFile: string;
  /** Present for the active key only: a retired key signs nothing, so its private key is deleted. */
  privateKeyFile?: string;
  createdAt: string;
  retiredAt?: string;
}

interface KeyRingManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  development: true;
  activeKid: string;
  keys: ManifestEntry[];
}

export interface DevelopmentKeyOptions {
  /** ES256 (EC P-256, default: small and fast signatures) or RS256 (RSA-3072). */
  algorithm?: SigningAlgorithm;
  now?: Date;
}

/**
 * Embedded mode: the key ring in `directory` (e.g. `<DATA_DIR>/keys`), created on first use with a
 * development key and a self-signed certificate. The result has `development: true` and a
 * `warning` the caller must log loudly: nobody outside this installation trusts that key.
 * Safe against two processes (API and worker) starting at once: only one manifest can be created.
 */
export async function ensureDevelopmentKeyRing(directory: string, options: DevelopmentKeyOptions = {}): Promise<KeyRing> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const existing = await readManifest(directory);
  if (existing) {
    return loadManifest(directory, existing);
  }
  const entry = await writeNewKey(directory, options);
  const manifest: KeyRingManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    development: true,
    activeKid: entry.kid,
    keys: [entry],
  };
  if (!(await createManifestExclusively(directory, manifest))) {
    // Another process created the ring first: use theirs, drop ours.
    await removeKeyFiles(directory, entry);
    const winner = await readManifest(directory);
    if (!winner) {
      throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, `Key ring in ${directory} vanished`);
    }
    return loadManifest(directory, winner);
  }
  return loadManifest(directory, manifest);
}

/**
 * Creates a new key and makes it the active one. The previous keys stay in the ring as retired
 * (certificate only) so PDFs and credentials they signed keep verifying and stay in the JWKS.
 * An operator action (CLI): not guarded against two rotations at the same moment.
 */
export async function rotateDevelopmentKey(directory: string, options: DevelopmentKeyOptions = {}): Promise<KeyRing> {
  const manifest = await readManifest(directory);
  if (!manifest) {
    throw new SigningException(
      SigningExceptionCode.KEY_RING_INVALID,
      `No key ring in ${directory}: start the application once to create it`,
    );
  }
  const entry = await writeNewKey(directory, options);
  const retiredAt = (options.now ?? new Date()).toISOString();
  const previousPrivateKeys: string[] = [];
  const keys = manifest.keys.map((key) => {
    if (!key.privateKeyFile) {
      return key;
    }
    previousPrivateKeys.push(key.privateKeyFile);
    const { privateKeyFile: _dropped, ...retired } = key;
    return { ...retired, retiredAt: key.retiredAt ?? retiredAt };
  });
  const rotated: KeyRingManifest = { ...manifest, activeKid: entry.kid, keys: [entry, ...keys] };
  const keyRing = await loadManifest(directory, rotated);
  await replaceManifest(directory, rotated);
  // Only after the new manifest is in place: a crash before this leaves a stray file, never a ring
  // without a usable key.
  for (const file of previousPrivateKeys) {
    await unlink(join(directory, file)).catch(() => undefined);
  }
  return keyRing;
}

function generateKeyPair(algorithm: SigningAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  return algorithm === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 3072 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

async function writeNewKey(directory: string, options: DevelopmentKeyOptions): Promise<ManifestEntry> {
  const now = options.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPair(options.algorithm ?? 'ES256');
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + DEVELOPMENT_CERTIFICATE_YEARS);
  const certificate = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: DEVELOPMENT_CERTIFICATE_COMMON_NAME,
    organizationName: DEVELOPMENT_ORGANIZATION_NAME,
    // A minute of slack for clocks of other machines that check this certificate.
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
  });
  const kid = keyIdOf(publicKey);
  const entry: ManifestEntry = {
    kid,
    algorithm: signingAlgorithmOf(publicKey),
    certificateFile: `${kid}.crt.pem`,
    privateKeyFile: `${kid}.key.pem`,
    createdAt: now.toISOString(),
  };
  await writeFile(join(directory, entry.certificateFile), toPem('CERTIFICATE', certificate), { mode: 0o644, flag: 'wx' });
  await writeFile(join(directory, entry.privateKeyFile as string), privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, {
    mode: 0o600,
    flag: 'wx',
  });
  return entry;
}

async function removeKeyFiles(directory: string, entry: ManifestEntry): Promise<void> {
  for (const file of [entry.certificateFile, entry.privateKeyFile]) {
    if (file) {
      await unlink(join(directory, file)).catch(() => undefined);
    }
  }
}

async function readManifest(directory: string): Promise<KeyRingManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(directory, KEY_RING_MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, `Cannot read the key ring in ${directory}`, {
      cause: error,
    });
  }
  return parseManifest(directory, text);
}

function parseManifest(directory: string, text: string): KeyRingManifest {
  const invalid = (why: string): SigningException =>
    new SigningException(SigningExceptionCode.KEY_RING_INVALID, `Key ring manifest in ${directory} is invalid: ${why}`);
  let manifest: KeyRingManifest;
  try {
    manifest = JSON.parse(text) as KeyRingManifest;
  } catch {
    throw invalid('not JSON');
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.keys)) {
    throw invalid(`expected format ${MANIFEST_FORMAT} version 1`);
  }
  for (const key of manifest.keys) {
    const files = [key?.certificateFile, ...(key?.privateKeyFile === undefined ? [] : [key.privateKeyFile])];
    if (typeof key?.kid !== 'string' || files.some((file) => typeof file !== 'string' || !KEY_FILE_NAME.test(file))) {
      throw invalid('a key entry has no kid or an unexpected file name');
    }
  }
  const active = manifest.keys.find((key) => key.kid === manifest.activeKid);
  if (!active?.privateKeyFile) {
    throw invalid(`the active key ${manifest.activeKid} is missing or has no private key file`);
  }
  return manifest;
}

async function loadManifest(directory: string, manifest: KeyRingManifest): Promise<KeyRing> {
  const read = (file: string): Promise<string> => readFile(join(directory, file), 'utf8');
  const active = manifest.keys.find((key) => key.kid === manifest.activeKid) as ManifestEntry;
  let keyRing: KeyRing;
  try {
    keyRing = createKeyRing({
      active: {
        privateKey: createPrivateKey(await read(active.privateKeyFile as string)),
        certificate: await read(active.certificateFile),
      },
      retired: await Promise.all(
        manifest.keys
          .filter((key) => key.kid !== manifest.activeKid)
          .map(async (key) => ({ certificate: await read(key.certificateFile) })),
      ),
      development: true,
      source: directory,
    });
  } catch (error) {
    if (error instanceof SigningException) {
      throw error;
    }
    throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, `Cannot load the key ring in ${directory}`, {
      cause: error,
    });
  }
  // The kid is recomputed from the certificate: a manifest that names other keys than its files hold is refused.
  const listed = manifest.keys.map((key) => key.kid).sort();
  const loaded = keyRing.keys.map((key) => key.kid).sort();
  if (keyRing.activeKey.kid !== manifest.activeKid || listed.join() !== loaded.join()) {
    throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, `Key ring manifest in ${directory} does not match its key files`);
  }
  return keyRing;
}

async function createManifestExclusively(directory: string, manifest: KeyRingManifest): Promise<boolean> {
  const temporary = join(directory, `${KEY_RING_MANIFEST_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
  try {
    // link() fails if the target exists: an atomic "create if absent" that never exposes a half-written file.
    await link(temporary, join(directory, KEY_RING_MANIFEST_FILE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function replaceManifest(directory: string, manifest: KeyRingManifest): Promise<void> {
  const temporary = join(directory, `${KEY_RING_MANIFEST_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
  await rename(temporary, join(directory, KEY_RING_MANIFEST_FILE));
}
