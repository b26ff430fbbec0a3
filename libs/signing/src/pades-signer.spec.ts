import { createHash } from 'node:crypto';
import { renderCertificatePdf } from '@keurmerk/certificate-pdf';
import { ensureDevelopmentKeyRing, rotateDevelopmentKey } from './development-key-ring.loader';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyRing } from './key-ring';
import { OID } from './object-identifiers';
import { PadesSigner, signPdf } from './pades-signer';
import { verifyPdfSignature } from './pdf-signature.verifier';
import { SigningExceptionCode } from './signing.exception';
import { pdfsig, renderSamplePdf, sampleCertificateData, temporaryDirectory } from './signing.test-helper';

/** The CMS in a signed PDF, parsed with pkijs. */
function extractSignedData(pdf: Buffer): InstanceType<typeof pkijs.SignedData> {
  const byteRange = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  if (!byteRange) {
    throw new Error('no ByteRange');
  }
  const hex = pdf.subarray(Number(byteRange[2]) + 1, Number(byteRange[3]) - 1).toString('latin1');
  const bytes = Buffer.from(hex, 'hex');
  const parsed = asn1js.fromBER(bytes);
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  expect(contentInfo.contentType).toBe(OID.signedData);
  return new pkijs.SignedData({ schema: contentInfo.content });
}

describe.each(['ES256', 'RS256'] as const)('PAdES signing with %s', (algorithm) => {
  let directory: { path: string; remove: () => Promise<void> };
  let keyRing: KeyRing;
  let unsigned: Buffer;
  let signed: Buffer;

  beforeAll(async () => {
    directory = await temporaryDirectory(`pades-${algorithm}`);
    keyRing = await ensureDevelopmentKeyRing(`${directory.path}/keys`, { algorithm });
    unsigned = await renderSamplePdf();
    signed = await signPdf(unsigned, keyRing);
  });

  afterAll(async () => {
    await directory.remove();
  });

  it('is a valid signature over the whole document for pdfsig', async () => {
    const report = await pdfsig(directory.path, signed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Signing Time: Apr 01 2026 10:00:00');
  });

  it('keeps the document around the signature untouched', () => {
    expect(signed.length).toBe(unsigned.length - 1); // signpdf drops the trailing newline after %%EOF
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('builds a detached CMS whose signed attributes are exactly content-type, message-digest and signing-certificate-v2', () => {
    const signedData = extractSignedData(signed);
    expect(signedData.encapContentInfo.eContentType).toBe(OID.data);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signedData.digestAlgorithms.map((algorithmId) => algorithmId.algorithmId)).toEqual([OID.sha256]);
    expect(signedData.signerInfos).toHaveLength(1);

    const signerInfo = signedData.signerInfos[0];
    expect(signerInfo.digestAlgorithm.algorithmId).toBe(OID.sha256);
    expect(signerInfo.signatureAlgorithm.algorithmId).toBe(algorithm === 'ES256' ? OID.ecdsaWithSha256 : OID.sha256WithRsaEncryption);
    const types = signerInfo.signedAttrs?.attributes.map((attribute) => attribute.type);
    expect(types).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);
    expect(types).not.toContain(OID.signingTime);
    expect(signerInfo.unsignedAttrs).toBeUndefined();

    const certificates = signedData.certificates ?? [];
    expect(certificates).toHaveLength(1);
    const embedded = Buffer.from((certificates[0] as InstanceType<typeof pkijs.Certificate>).toSchema().toBER());
    expect(embedded.equals(keyRing.activeKey.certificate)).toBe(true);
  });

  it('names the signer certificate by its SHA-256 in signing-certificate-v2', () => {
    const signerInfo = extractSignedData(signed).signerInfos[0];
    const attribute = signerInfo.signedAttrs!.attributes.find((candidate) => candidate.type === OID.signingCertificateV2)!;
    const signingCertificate = attribute.values[0] as InstanceType<typeof asn1js.Sequence>;
    const essCertIdV2 = (signingCertificate.valueBlock.value[0] as InstanceType<typeof asn1js.Sequence>).valueBlock
      .value[0] as InstanceType<typeof asn1js.Sequence>;
    // First field is the hash: the algorithm is the DER default (SHA-256) and therefore absent.
    const certHash = essCertIdV2.valueBlock.value[0] as InstanceType<typeof asn1js.OctetString>;
    expect(certHash).toBeInstanceOf(asn1js.OctetString);
    expect(Buffer.from(certHash.valueBlock.valueHexView)).toEqual(createHash('sha256').update(keyRing.activeKey.certificate).digest());
  });

  it('verifies with pkijs against the signed byte ranges', async () => {
    const result = await verifyPdfSignature(signed, keyRing);
    expect(result).toMatchObject({
      valid: true,
      signed: true,
      signatureValid: true,
      coversWholeDocument: true,
      signedByThisScheme: true,
      padesBaselineB: true,
      signerKid: keyRing.activeKey.kid,
      subFilter: 'ETSI.CAdES.detached',
      claimedSigningTime: new Date('2026-04-01T10:00:00Z'),
      sha256: createHash('sha256').update(signed).digest('hex'),
    });
    expect(result.reason).toBeUndefined();
  });

  it('is no longer valid for pdfsig nor for us when one signed byte changes', async () => {
    const tampered = Buffer.from(signed);
    const position = tampered.indexOf('KM-2026-000123-4'); // the /Title in the info dictionary
    expect(position).toBeGreaterThan(0);
    tampered[position + 3] = '9'.charCodeAt(0);

    const report = await pdfsig(directory.path, tampered, 'tampered.pdf');
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature is Invalid|Digest Mismatch/);

    const result = await verifyPdfSignature(tampered, keyRing);
    expect(result).toMatchObject({ valid: false, signatureValid: false, reason: 'digest-mismatch' });
  });

  it('signs with the active key after rotation, and the earlier PDF keeps verifying', async () => {
    const rotated = await rotateDevelopmentKey(`${directory.path}/keys`, { algorithm });
    const signedAfter = await signPdf(await renderSamplePdf(), rotated);

    const before = await verifyPdfSignature(signed, rotated);
    const after = await verifyPdfSignature(signedAfter, rotated);
    expect(before).toMatchObject({ valid: true, signerKid: keyRing.activeKey.kid });
    expect(after).toMatchObject({ valid: true, signerKid: rotated.activeKey.kid });
    expect(rotated.activeKey.kid).not.toBe(keyRing.activeKey.kid);
    expect(await pdfsig(directory.path, signedAfter, 'after-rotation.pdf')).toContain('Signature is Valid');
  });
});

describe('signPdf refuses what it should not sign', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let keyRing: KeyRing;

  beforeAll(async () => {
    directory = await temporaryDirectory('pades-refusals');
    keyRing = await ensureDevelopmentKeyRing(`${directory.path}/keys`);
  });

  afterAll(async () => {
    await directory.remove();
  });

  it.each([
    ['no PDF', () => Buffer.from('hello world')],
    ['a PDF without a signature placeholder', () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')],
    [
      'a PDF with an adbe.pkcs7.detached placeholder',
      async () =>
        Buffer.from((await renderSamplePdf()).toString('latin1').replace('/ETSI.CAdES.detached', '/adbe.pkcs7.detached'), 'latin1'),
    ],
    ['a PDF that was signed already', async () => signPdf(await renderSamplePdf(), keyRing)],
  ])('refuses %s', async (_case, make) => {
    await expect(signPdf(await make(), keyRing)).rejects.toMatchObject({ code: SigningExceptionCode.PDF_REFUSED });
  });

  it('refuses when the placeholder is too small for the CMS', async () => {
    const tiny = await renderCertificatePdf(sampleCertificateData(), { signatureLength: 1024 });
    const rsaRing = await ensureDevelopmentKeyRing(`${directory.path}/rsa-keys`, { algorithm: 'RS256' });
    // An RSA-3072 CMS with its certificate is ~1.6 KB: it cannot fit in 1 KiB.
    await expect(signPdf(tiny, rsaRing)).rejects.toMatchObject({ code: SigningExceptionCode.PDF_REFUSED });
  });

  it('is a @signpdf Signer whose CMS does not depend on the signing time it is offered', async () => {
    const signer = new PadesSigner(keyRing);
    const data = Buffer.from('the bytes of a byte range');
    const withTime = extractSignedAttributes(await signer.sign(data, new Date('2020-01-01T00:00:00Z')));
    const withoutTime = extractSignedAttributes(await signer.sign(data));
    expect(withTime.equals(withoutTime)).toBe(true);
  });
});

function extractSignedAttributes(cms: Buffer): Buffer {
  const contentInfo = pkijs.ContentInfo.fromBER(cms);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  return Buffer.from(signedData.signerInfos[0].signedAttrs!.encodedValue);
}
