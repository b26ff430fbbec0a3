import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type CertificateInput, createKeyRing, type KeyRing, keyIdOf } from './key-ring';
import { splitPemCertificates, toPem } from './pem';
import { SigningException, SigningExceptionCode } from './signing.exception';

const BAG_KEY = '1.2.840.113549.1.12.10.1.1';
const BAG_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERTIFICATE = '1.2.840.113549.1.12.10.1.3';
const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;

export interface Pkcs12KeyRingOptions {
  /** The PKCS#12 (.p12/.pfx) file: a path or its bytes. */
  pkcs12: string | Buffer;
  passphrase: string;
  /** Certificates of earlier signing keys (PEM or DER) whose signatures must keep verifying. */
  retiredCertificates?: CertificateInput[];
  /**
   * A persistent directory where every signing certificate this loader sees is kept (public part
   * only, `<kid>.crt.pem`); all certificates found there are loaded as retired keys. Rotation then
   * is: configure the new PKCS#12 file and passphrase, restart. Old PDFs, credentials and JWKS
   * entries keep working as long as this directory survives.
   */
  certificateArchiveDirectory?: string;
}

/** The parts of pkijs' PKCS#12 bag classes used here (parseInternalValues is protected in its typings). */
interface ShroudedKeyBag {
  parseInternalValues(parameters: { password: ArrayBuffer }): Promise<void>;
  parsedValue?: { toSchema(): { toBER(): ArrayBuffer } };
}

/**
 * Production keys: a PKCS#12 file with the signing key, its certificate and optionally the issuer
 * chain, parsed with pkijs (PBES2/PBKDF2 with AES, as OpenSSL 3 writes by default; the legacy
 * RC2/3DES PKCS#12 encryption is refused with a hint). The MAC is checked, so a wrong passphrase
 * is reported as such.
 */
export async function loadPkcs12KeyRing(options: Pkcs12KeyRingOptions): Promise<KeyRing> {
  const source = typeof options.pkcs12 === 'string' ? options.pkcs12 : 'PKCS#12 data';
  let bytes: Buffer;
  try {
    bytes = typeof options.pkcs12 === 'string' ? await readFile(options.pkcs12) : options.pkcs12;
  } catch (error) {
    throw new SigningException(SigningExceptionCode.PKCS12_INVALID, `Cannot read the PKCS#12 file ${source}`, {
      cause: error,
    });
  }
  const { privateKey, certificates } = await parsePkcs12(bytes, options.passphrase, source);
  const signer = certificates.find((certificate) => certificate.checkPrivateKey(privateKey));
  if (!signer) {
    throw new SigningException(SigningExceptionCode.PKCS12_INVALID, `${source} holds no certificate for its private key`);
  }
  const chain = orderChain(signer, certificates);

  let retired: CertificateInput[] = options.retiredCertificates ?? [];
  if (options.certificateArchiveDirectory) {
    await archiveCertificate(options.certificateArchiveDirectory, signer);
    retired = [...retired, ...(await readArchivedCertificates(options.certificateArchiveDirectory))];
  }
  return createKeyRing({
    active: { privateKey, certificate: Buffer.from(signer.raw), chain: chain.map((certificate) => certificate.raw) },
    retired: retired.map((certificate) => ({ certificate })),
    development: false,
    source,
  });
}

async function parsePkcs12(
  bytes: Buffer,
  passphrase: string,
  source: string,
): Promise<{ privateKey: KeyObject; certificates: X509Certificate[] }> {
  const password = new Uint8Array(Buffer.from(passphrase, 'utf8')).buffer;
  const invalid = (why: string, cause?: unknown): SigningException =>
    new SigningException(SigningExceptionCode.PKCS12_INVALID, `${source} is not a usable PKCS#12 file: ${why}`, {
      cause,
    });

  const asn = asn1js.fromBER(bytes);
  if (asn.offset === -1) {
    throw invalid('not DER');
  }
  let pfx: InstanceType<typeof pkijs.PFX>;
  try {
    pfx = new pkijs.PFX({ schema: asn.result });
  } catch (error) {
    throw invalid('not a PFX structure', error);
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    const message = String((error as { message?: unknown })?.message ?? error);
    if (/integrity/i.test(message)) {
      throw new SigningException(SigningExceptionCode.PKCS12_WRONG_PASSPHRASE, `Wrong passphrase for ${source} (or the file is damaged)`, {
        cause: error,
      });
    }
    throw invalid(message, error);
  }
  const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authenticatedSafe) {
    throw invalid('no authenticated safe (public-key integrity mode is not supported)');
  }
  try {
    await authenticatedSafe.parseInternalValues({
      safeContents: authenticatedSafe.safeContents.map(() => ({ password })),
    });
  } catch (error) {
    throw invalid(
      'cannot decrypt its contents; if it uses the legacy RC2/3DES encryption, export it again with ' +
        'OpenSSL 3 defaults (PBES2, AES-256-CBC)',
      error,
    );
  }

  const privateKeys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  for (const safeContents of authenticatedSafe.parsedValue?.safeContents ?? []) {
    for (const bag of safeContents.value.safeBags) {
      try {
        if (bag.bagId === BAG_SHROUDED_KEY) {
          const shrouded = bag.bagValue as unknown as ShroudedKeyBag;
          await shrouded.parseInternalValues({ password });
          if (shrouded.parsedValue) {
            privateKeys.push(pkcs8ToKey(shrouded.parsedValue.toSchema().toBER()));
          }
        } else if (bag.bagId === BAG_KEY) {
          privateKeys.push(pkcs8ToKey((bag.bagValue as unknown as { toSchema(): { toBER(): ArrayBuffer } }).toSchema().toBER()));
        } else if (bag.bagId === BAG_CERTIFICATE) {
          const parsed = (bag.bagValue as InstanceType<typeof pkijs.CertBag>).parsedValue;
          if (parsed instanceof pkijs.Certificate) {
            certificates.push(new X509Certificate(Buffer.from(parsed.toSchema().toBER())));
          }
        }
      } catch (error) {
        throw invalid(`cannot read a ${bag.bagId} bag`, error);
      }
    }
  }
  if (privateKeys.length !== 1) {
    throw invalid(`expected exactly one private key, found ${privateKeys.length}`);
  }
  return { privateKey: privateKeys[0], certificates };
}

function pkcs8ToKey(der: ArrayBuffer): KeyObject {
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

/** The issuer chain from the signer upwards, as far as the file has it; unrelated certificates are left out. */
function orderChain(signer: X509Certificate, certificates: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current = signer;
  while (chain.length < certificates.length) {
    if (current.checkIssued(current)) {
      break;
    }
    const issuer = certificates.find((candidate) => candidate !== current && !chain.includes(candidate) && current.checkIssued(candidate));
    if (!issuer) {
      break;
    }
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

async function archiveCertificate(directory: string, certificate: X509Certificate): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o755 });
  const file = join(directory, `${keyIdOf(certificate.publicKey)}.crt.pem`);
  await writeFile(file, toPem('CERTIFICATE', certificate.raw), { mode: 0o644, flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new SigningException(SigningExceptionCode.KEY_RING_INVALID, `Cannot archive the signing certificate in ${directory}`, {
        cause: error,
      });
    }
  });
}

async function readArchivedCertificates(directory: string): Promise<string[]> {
  const certificates: string[] = [];
  for (const file of (await readdir(directory)).filter((name) => CERTIFICATE_FILE.test(name)).sort()) {
    certificates.push(...splitPemCertificates(await readFile(join(directory, file), 'utf8')));
  }
  return certificates;
}
