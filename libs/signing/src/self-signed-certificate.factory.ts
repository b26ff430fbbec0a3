import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signingAlgorithmOf, type SigningAlgorithm } from './key-ring';
import { OID } from './object-identifiers';

export interface SelfSignedCertificateRequest {
  privateKey: KeyObject;
  publicKey: KeyObject;
  commonName: string;
  organizationName: string;
  notBefore: Date;
  notAfter: Date;
}

/** AlgorithmIdentifier for a signature with SHA-256 by this key type (RFC 5758 / RFC 4055 parameters). */
export function signatureAlgorithmIdentifier(algorithm: SigningAlgorithm): InstanceType<typeof pkijs.AlgorithmIdentifier> {
  return algorithm === 'ES256'
    ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
    : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsaEncryption, algorithmParams: new asn1js.Null() });
}

/** DER signature over `data` with SHA-256, in the encoding X.509 and CMS expect. */
export function signSha256(privateKey: KeyObject, data: Uint8Array): Buffer {
  return sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
}

/**
 * C, O and CN as three single-valued RDNs. pkijs would put all attributes of a
 * RelativeDistinguishedNames into one multi-valued RDN ("C=NL + O=... + CN=..."), which readers
 * display badly; built by hand and parsed back, pkijs keeps the given encoding.
 */
function name(commonName: string, organizationName: string): InstanceType<typeof pkijs.RelativeDistinguishedNames> {
  const attributes = [
    new pkijs.AttributeTypeAndValue({ type: OID.countryName, value: new asn1js.PrintableString({ value: 'NL' }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.organizationName, value: new asn1js.Utf8String({ value: organizationName }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: commonName }) }),
  ];
  const rdnSequence = new asn1js.Sequence({
    value: attributes.map((attribute) => new asn1js.Set({ value: [attribute.toSchema()] })),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(rdnSequence.toBER(false));
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050. */
function certificateTime(value: Date): InstanceType<typeof pkijs.Time> {
  const type = value.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime;
  return new pkijs.Time({ type, value });
}

function extension(
  extnID: string,
  critical: boolean,
  value: { toBER(sizeOnly?: boolean): ArrayBuffer },
): InstanceType<typeof pkijs.Extension> {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/**
 * A self-signed end-entity certificate for document signing. Used for the embedded-mode development
 * key only: production keys come with a certificate from a real issuer in the PKCS#12 file.
 * pkijs builds the structure; the TBS bytes are signed with node:crypto so the key stays a KeyObject.
 */
export function createSelfSignedCertificate(request: SelfSignedCertificateRequest): Buffer {
  const algorithm = signingAlgorithmOf(request.publicKey);
  const spki = request.publicKey.export({ type: 'spki', format: 'der' });
  const subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(spki);

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = randomBytes(16);
  // Positive and without a leading zero byte, as DER and RFC 5280 require.
  serial[0] = (serial[0] & 0x7f) | 0x40;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  certificate.issuer = name(request.commonName, request.organizationName);
  certificate.subject = name(request.commonName, request.organizationName);
  certificate.notBefore = certificateTime(request.notBefore);
  certificate.notAfter = certificateTime(request.notAfter);
  certificate.subjectPublicKeyInfo = subjectPublicKeyInfo;

  const keyIdentifier = createHash('sha1').update(subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  certificate.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    // digitalSignature + nonRepudiation (contentCommitment): what a document seal needs, nothing more.
    // No extended key usage: NSS (poppler's pdfsig) rejects id-kp-documentSigning for PDF signatures,
    // and without the extension any use the key usage allows is fine.
    extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 })),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyIdentifier })),
  ];
  certificate.signature = signatureAlgorithmIdentifier(algorithm);
  certificate.signatureAlgorithm = signatureAlgorithmIdentifier(algorithm);

  const tbs = new Uint8Array(certificate.encodeTBS().toBER(false));
  certificate.tbsView = tbs;
  certificate.signatureValue = new asn1js.BitString({ valueHex: signSha256(request.privateKey, tbs) });
  return Buffer.from(certificate.toSchema(false).toBER(false));
}
