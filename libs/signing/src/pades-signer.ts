import { createHash, verify } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type KeyRing, privateKeyOf, type SigningKeyInfo } from './key-ring';
import { OID } from './object-identifiers';
import { readByteRange } from './pdf-signature.verifier';
import { signatureAlgorithmIdentifier, signSha256 } from './self-signed-certificate.factory';
import { SigningException, SigningExceptionCode } from './signing.exception';

const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * A PAdES baseline B-B signer behind @signpdf's Signer interface: a detached CMS SignedData
 * (RFC 5652) over the ByteRange bytes, SHA-256, whose signed attributes are exactly content-type,
 * message-digest and signing-certificate-v2 (ETSI EN 319 142-1 §5.3, 6.3). There is deliberately no
 * signing-time attribute: PAdES puts the claimed time in the signature dictionary's /M entry.
 * Always signs with the ring's active key.
 */
export class PadesSigner extends Signer {
  /** What the last sign() produced, so signPdf can check the finished file against it. */
  lastSignature?: SignedCms;

  constructor(private readonly keyRing: KeyRing) {
    super();
  }

  /** `signingTime` is accepted for the interface and ignored: see the class comment. */
  override async sign(pdfBuffer: Buffer, _signingTime?: Date): Promise<Buffer> {
    this.lastSignature = buildSignedData(this.keyRing, pdfBuffer);
    return this.lastSignature.cms;
  }
}

export interface SignedCms {
  /** DER ContentInfo(SignedData). */
  cms: Buffer;
  key: SigningKeyInfo;
  messageDigest: Buffer;
  /** DER of the signed attributes as signed (SET tag). */
  signedAttributes: Uint8Array;
  signature: Buffer;
}

type Certificate = InstanceType<typeof pkijs.Certificate>;

/** Parsed once per key: parsing X.509 with pkijs costs more than the signature itself. */
const parsedCertificates = new WeakMap<SigningKeyInfo, { certificate: Certificate; chain: Certificate[] }>();

function parsedCertificatesOf(key: SigningKeyInfo): { certificate: Certificate; chain: Certificate[] } {
  let parsed = parsedCertificates.get(key);
  if (!parsed) {
    parsed = {
      certificate: pkijs.Certificate.fromBER(key.certificate),
      chain: key.chain.map((der) => pkijs.Certificate.fromBER(der)),
    };
    parsedCertificates.set(key, parsed);
  }
  return parsed;
}

/** The CMS for `signedBytes`, signed with the active key. Synchronous core of PadesSigner.sign. */
export function buildSignedData(keyRing: KeyRing, signedBytes: Uint8Array): SignedCms {
  const key = keyRing.activeKey;
  const { certificate, chain } = parsedCertificatesOf(key);
  const messageDigest = createHash('sha256').update(signedBytes).digest();

  const signedAttributes = sortForDer([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: messageDigest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certificate, key.certificate)] }),
  ]);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    // RFC 5754: SHA-2 AlgorithmIdentifiers are generated with absent parameters.
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
    signatureAlgorithm: signatureAlgorithmIdentifier(key.algorithm),
  });
  // The signature covers the DER of the attributes with their universal SET tag, not the [0] IMPLICIT tag.
  const attributesDer = new Uint8Array(signerInfo.signedAttrs!.toSchema().toBER(false));
  attributesDer[0] = 0x31;
  const signature = signSha256(privateKeyOf(keyRing), attributesDer);
  signerInfo.signature = new asn1js.OctetString({ valueHex: signature });

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return {
    cms: Buffer.from(contentInfo.toSchema().toBER(false)),
    key,
    messageDigest,
    signedAttributes: attributesDer,
    signature,
  };
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035). The hash algorithm
 * is left out because SHA-256 is its DER default; issuerSerial is included so the certificate is
 * identified by more than its hash.
 */
function signingCertificateV2(
  certificate: InstanceType<typeof pkijs.Certificate>,
  certificateDer: Buffer,
): InstanceType<typeof asn1js.Sequence> {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          // GeneralName directoryName [4] EXPLICIT Name
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] }),
        ],
      }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: createHash('sha256').update(certificateDer).digest() }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER orders the members of a SET OF by their encodings; verifiers that re-encode rely on it. */
function sortForDer(attributes: Array<InstanceType<typeof pkijs.Attribute>>): Array<InstanceType<typeof pkijs.Attribute>> {
  return attributes
    .map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
}

/**
 * Signs a PDF that carries an ETSI.CAdES.detached placeholder (see @keurmerk/certificate-pdf) with
 * the active key. Refuses anything else, and checks the finished file before handing it out: the
 * ByteRange covers it all, the Contents hold exactly our CMS, the digest is of the signed bytes and
 * the signature verifies with the certificate's public key (which also catches a faulty signature
 * computation). This check avoids re-parsing the CMS; verifyPdfSignature does the full check.
 */
export async function signPdf(pdfWithPlaceholder: Buffer, keyRing: KeyRing): Promise<Buffer> {
  if (!Buffer.isBuffer(pdfWithPlaceholder) || pdfWithPlaceholder.length > MAX_PDF_BYTES) {
    throw new SigningException(SigningExceptionCode.PDF_REFUSED, 'Expected a PDF of at most 20 MiB in a Buffer');
  }
  if (pdfWithPlaceholder.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new SigningException(SigningExceptionCode.PDF_REFUSED, 'Not a PDF');
  }
  if (!pdfWithPlaceholder.includes(`/SubFilter /${SUBFILTER_ETSI_CADES_DETACHED}`)) {
    throw new SigningException(SigningExceptionCode.PDF_REFUSED, `The PDF has no ${SUBFILTER_ETSI_CADES_DETACHED} signature placeholder`);
  }
  const signer = new PadesSigner(keyRing);
  let signed: Buffer;
  try {
    signed = await new SignPdf().sign(pdfWithPlaceholder, signer);
  } catch (error) {
    if (error instanceof SigningException) {
      throw error;
    }
    throw new SigningException(
      SigningExceptionCode.PDF_REFUSED,
      `Cannot sign the PDF: ${String((error as { message?: unknown })?.message ?? error)}`,
      { cause: error },
    );
  }
  const problem = selfCheck(signed, signer.lastSignature);
  if (problem) {
    throw new SigningException(SigningExceptionCode.SIGNATURE_SELF_CHECK_FAILED, `The freshly signed PDF does not check out: ${problem}`);
  }
  return signed;
}

function selfCheck(signed: Buffer, cms: SignedCms | undefined): string | undefined {
  if (!cms) {
    return 'the signer was not called';
  }
  let range: ReturnType<typeof readByteRange>;
  try {
    range = readByteRange(signed, signed.lastIndexOf('/ByteRange'));
  } catch {
    return 'no valid ByteRange';
  }
  if (range.coveredEnd !== signed.length) {
    return 'the ByteRange does not cover the whole file';
  }
  const contents = Buffer.from(signed.subarray(range.contentsStart + 1, range.contentsEnd - 1).toString('latin1'), 'hex');
  if (!contents.subarray(0, cms.cms.length).equals(cms.cms) || contents.subarray(cms.cms.length).some((byte) => byte !== 0)) {
    return 'the Contents do not hold the CMS';
  }
  const digest = createHash('sha256').update(signed.subarray(0, range.contentsStart)).update(signed.subarray(range.contentsEnd)).digest();
  if (!digest.equals(cms.messageDigest)) {
    return 'the message digest is not that of the signed bytes';
  }
  if (!verify('sha256', cms.signedAttributes, { key: cms.key.publicKey, dsaEncoding: 'der' }, cms.signature)) {
    return 'the signature does not verify';
  }
  return undefined;
}
