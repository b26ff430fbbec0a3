import { X509Certificate } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDevelopmentKeyRing } from './development-key-ring.loader';
import { keyIdOf } from './key-ring';
import { signPdf } from './pades-signer';
import { verifyPdfSignature } from './pdf-signature.verifier';
import { loadPkcs12KeyRing } from './pkcs12-key-ring.loader';
import { SigningExceptionCode } from './signing.exception';
import { pdfsig, renderSamplePdf, runTool, temporaryDirectory } from './signing.test-helper';

const PASSPHRASE = 'correct horse battery staple';

describe('loadPkcs12KeyRing', () => {
  let directory: { path: string; remove: () => Promise<void> };
  const file = (name: string): string => join(directory.path, name);
  const openssl = (...args: string[]): void => {
    const { status, output } = runTool('openssl', args);
    if (status !== 0) {
      throw new Error(`openssl ${args.join(' ')} failed:\n${output}`);
    }
  };

  /** A CA, an EC P-256 signing certificate it issued, and a PKCS#12 with the key, the certificate and the CA. */
  beforeAll(async () => {
    directory = await temporaryDirectory('pkcs12');
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
      '-days',
      '30',
      '-subj',
      '/C=NL/O=Keurmerk test CA/CN=Keurmerk Test Root',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', file('signer.key'));
    openssl(
      'req',
      '-new',
      '-key',
      file('signer.key'),
      '-out',
      file('signer.csr'),
      '-subj',
      '/C=NL/O=Keurmerk Huisvesting Arbeidsmigranten/CN=Keurmerk test seal',
    );
    await writeFile(file('signer.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
    openssl(
      'x509',
      '-req',
      '-in',
      file('signer.csr'),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file('signer.crt'),
      '-days',
      '30',
      '-extfile',
      file('signer.ext'),
    );
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      file('signer.key'),
      '-in',
      file('signer.crt'),
      '-certfile',
      file('ca.crt'),
      '-out',
      file('signer.p12'),
      '-passout',
      `pass:${PASSPHRASE}`,
    );
  });

  afterAll(async () => {
    await directory.remove();
  });

  it('loads the key, its certificate and the issuer chain from a PKCS#12 file', async () => {
    const keyRing = await loadPkcs12KeyRing({ pkcs12: file('signer.p12'), passphrase: PASSPHRASE });
    const signer = new X509Certificate(await readFile(file('signer.crt')));
    const ca = new X509Certificate(await readFile(file('ca.crt')));
    expect(keyRing.development).toBe(false);
    expect(keyRing.warning).toBeUndefined();
    expect(keyRing.source).toBe(file('signer.p12'));
    expect(keyRing.activeKey).toMatchObject({ algorithm: 'ES256', kid: keyIdOf(signer.publicKey), status: 'active' });
    expect(keyRing.activeKey.certificate.equals(signer.raw)).toBe(true);
    expect(keyRing.activeKey.chain.map((der) => der.equals(ca.raw))).toEqual([true]);
  });

  it('also takes the bytes instead of a path', async () => {
    const keyRing = await loadPkcs12KeyRing({ pkcs12: await readFile(file('signer.p12')), passphrase: PASSPHRASE });
    expect(keyRing.source).toBe('PKCS#12 data');
  });

  it('signs PDFs that pdfsig validates, with the chain in the CMS', async () => {
    const keyRing = await loadPkcs12KeyRing({ pkcs12: file('signer.p12'), passphrase: PASSPHRASE });
    const signed = await signPdf(await renderSamplePdf(), keyRing);
    const report = await pdfsig(directory.path, signed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Keurmerk test seal');
    await expect(verifyPdfSignature(signed, keyRing)).resolves.toMatchObject({ valid: true, signerKid: keyRing.activeKey.kid });
  });

  it('handles an RSA-3072 key with its issuer: signature and both certificates fit the placeholder', async () => {
    openssl(
      'req',
      '-new',
      '-newkey',
      'rsa:3072',
      '-nodes',
      '-keyout',
      file('rsa.key'),
      '-out',
      file('rsa.csr'),
      '-subj',
      '/C=NL/O=Keurmerk test/CN=Keurmerk RSA seal',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      file('rsa.csr'),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file('rsa.crt'),
      '-days',
      '30',
      '-extfile',
      file('signer.ext'),
    );
    // The CA comes along in the file and must end up as the chain, after the signer.
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      file('rsa.key'),
      '-in',
      file('rsa.crt'),
      '-certfile',
      file('ca.crt'),
      '-out',
      file('rsa.p12'),
      '-passout',
      `pass:${PASSPHRASE}`,
    );
    const keyRing = await loadPkcs12KeyRing({ pkcs12: file('rsa.p12'), passphrase: PASSPHRASE });
    expect(keyRing.activeKey.algorithm).toBe('RS256');
    expect(keyRing.activeKey.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(keyRing.activeKey.chain).toHaveLength(1);
    const signed = await signPdf(await renderSamplePdf(), keyRing);
    const report = await pdfsig(directory.path, signed, 'rsa.pdf');
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
  });

  it('reports a wrong passphrase as such', async () => {
    await expect(loadPkcs12KeyRing({ pkcs12: file('signer.p12'), passphrase: 'wrong' })).rejects.toMatchObject({
      code: SigningExceptionCode.PKCS12_WRONG_PASSPHRASE,
    });
  });

  it.each([
    ['a missing file', async () => file('missing.p12')],
    ['a file that is not PKCS#12', async () => file('ca.crt')],
    [
      'a PKCS#12 without a private key',
      async () => {
        openssl('pkcs12', '-export', '-nokeys', '-in', file('signer.crt'), '-out', file('nokey.p12'), '-passout', `pass:${PASSPHRASE}`);
        return file('nokey.p12');
      },
    ],
    [
      'a PKCS#12 with a key but no certificate for it',
      async () => {
        openssl(
          'pkcs12',
          '-export',
          '-nocerts',
          '-inkey',
          file('signer.key'),
          '-out',
          file('keyonly.p12'),
          '-passout',
          `pass:${PASSPHRASE}`,
        );
        return file('keyonly.p12');
      },
    ],
  ])('refuses %s', async (_case, path) => {
    const target = await path();
    await expect(loadPkcs12KeyRing({ pkcs12: target, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: expect.stringMatching(/^(pkcs12-invalid|key-ring-invalid)$/),
    });
  });

  it('refuses the legacy PKCS#12 encryption (3DES, RC2) with a hint to export it again', async () => {
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      file('signer.key'),
      '-in',
      file('signer.crt'),
      '-keypbe',
      'PBE-SHA1-3DES',
      '-certpbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
      '-out',
      file('legacy.p12'),
      '-passout',
      `pass:${PASSPHRASE}`,
    );
    const loading = loadPkcs12KeyRing({ pkcs12: file('legacy.p12'), passphrase: PASSPHRASE });
    await expect(loading).rejects.toMatchObject({ code: SigningExceptionCode.PKCS12_INVALID });
    await expect(loading).rejects.toThrow(/PBES2, AES-256-CBC/);
  });

  it('refuses a key type it cannot sign with (EC P-384)', async () => {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:secp384r1',
      '-nodes',
      '-keyout',
      file('p384.key'),
      '-out',
      file('p384.crt'),
      '-days',
      '30',
      '-subj',
      '/CN=P-384',
    );
    openssl(
      'pkcs12',
      '-export',
      '-inkey',
      file('p384.key'),
      '-in',
      file('p384.crt'),
      '-out',
      file('p384.p12'),
      '-passout',
      `pass:${PASSPHRASE}`,
    );
    await expect(loadPkcs12KeyRing({ pkcs12: file('p384.p12'), passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: SigningExceptionCode.KEY_UNSUPPORTED,
    });
  });

  it('rotates by replacing the file: the archive keeps earlier certificates verifiable', async () => {
    const archive = file('archive');
    const first = await loadPkcs12KeyRing({ pkcs12: file('signer.p12'), passphrase: PASSPHRASE, certificateArchiveDirectory: archive });
    const signedBefore = await signPdf(await renderSamplePdf(), first);

    const second = await loadPkcs12KeyRing({ pkcs12: file('rsa.p12'), passphrase: PASSPHRASE, certificateArchiveDirectory: archive });
    expect(second.keys.map((key) => [key.kid, key.status])).toEqual([
      [second.activeKey.kid, 'active'],
      [first.activeKey.kid, 'retired'],
    ]);
    expect((await readdir(archive)).sort()).toEqual([`${first.activeKey.kid}.crt.pem`, `${second.activeKey.kid}.crt.pem`].sort());
    await expect(verifyPdfSignature(signedBefore, second)).resolves.toMatchObject({ valid: true, signerKid: first.activeKey.kid });
    const signedAfter = await signPdf(await renderSamplePdf(), second);
    await expect(verifyPdfSignature(signedAfter, second)).resolves.toMatchObject({ valid: true, signerKid: second.activeKey.kid });
  });

  it('takes retired certificates from configuration too', async () => {
    const development = await ensureDevelopmentKeyRing(file('dev-keys'));
    const keyRing = await loadPkcs12KeyRing({
      pkcs12: file('signer.p12'),
      passphrase: PASSPHRASE,
      retiredCertificates: [development.activeKey.certificate],
    });
    expect(keyRing.findByKid(development.activeKey.kid)?.status).toBe('retired');
  });
});
