import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derElementLength } from './der-structure';
import { type CertificateInput, keyIdOf, toCertificateDer, type VerificationKeys } from './key-ring';
import { DIGEST_ALGORITHMS, OID } from './object-identifiers';

/** Why a PDF does not pass, most fundamental problem first. */
export type PdfSignatureProblem =
  | 'not-a-pdf'
  | 'no-signature'
  | 'byte-range-invalid'
  | 'malformed-signature'
  | 'unsupported-algorithm'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'signing-certificate-mismatch'
  | 'not-whole-document'
  | 'unknown-signer';

export interface PdfSignatureVerification {
  /** signed && signatureValid && coversWholeDocument && signedByThisScheme. */
  valid: boolean;
  /** The file has a signature field with a ByteRange and Contents. */
  signed: boolean;
  /** The signed bytes match the CMS message digest and the CMS signature verifies with the signer certificate. */
  signatureValid: boolean;
  /** The ByteRange covers every byte of the file except the signature itself: nothing was added after signing. */
  coversWholeDocument: boolean;
  /** The signer certificate is one of the trusted certificates (the scheme's active or retired keys). */
  signedByThisScheme: boolean;
  signerKid?: string;
  signerSubject?: string;
  subFilter?: string;
  /** ETSI.CAdES.detached with signing-certificate-v2 and without a CMS signing-time: PAdES B-B. */
  padesBaselineB: boolean;
  /** The /M entry of the signature dictionary: the time the signer claims, not a trusted timestamp. */
  claimedSigningTime?: Date;
  /** SHA-256 (hex) of the file exactly as given, to compare with the registry. */
  sha256?: string;
  reason?: PdfSignatureProblem;
}

interface TrustedCertificate {
  kid: string;
  der: Buffer;
}

const MAX_CONTENTS_HEX = 512 * 1024;
const PDF_HEADER_WINDOW = 1024;

class VerificationProblem extends Error {
  constructor(readonly problem: PdfSignatureProblem) {
    super(problem);
  }
}

/**
 * Checks a PDF that claims to be one of our signed certificates. Built for hostile input: it never
 * throws for anything in `pdf` (garbage, truncated, altered, signed by someone else); every outcome
 * is an answer with a reason. Only a broken `trusted` argument (a programming error) can throw.
 *
 * Only the last signature in the file is examined: a certificate carries exactly one, and an
 * incremental update after it shows up as `coversWholeDocument: false`.
 */
export async function verifyPdfSignature(
  pdf: Buffer | Uint8Array,
  trusted: VerificationKeys | CertificateInput[],
): Promise<PdfSignatureVerification> {
  const trustedCertificates = toTrustedCertificates(trusted);
  const result: PdfSignatureVerification = {
    valid: false,
    signed: false,
    signatureValid: false,
    coversWholeDocument: false,
    signedByThisScheme: false,
    padesBaselineB: false,
  };
  try {
    await examine(pdf, trustedCertificates, result);
  } catch (error) {
    result.reason = error instanceof VerificationProblem ? error.problem : 'malformed-signature';
  }
  if (!result.reason) {
    result.reason = firstProblem(result);
  }
  result.valid = result.reason === undefined;
  if (result.valid) {
    delete result.reason;
  }
  return result;
}

function firstProblem(result: PdfSignatureVerification): PdfSignatureProblem | undefined {
  if (!result.signatureValid) return 'signature-invalid';
  if (!result.coversWholeDocument) return 'not-whole-document';
  if (!result.signedByThisScheme) return 'unknown-signer';
  return undefined;
}

function toTrustedCertificates(trusted: VerificationKeys | CertificateInput[]): TrustedCertificate[] {
  if (!Array.isArray(trusted)) {
    return trusted.keys.map((key) => ({ kid: key.kid, der: key.certificate }));
  }
  return trusted.map((certificate) => {
    const der = toCertificateDer(certificate);
    return { kid: keyIdOf(new X509Certificate(der).publicKey), der };
  });
}

async function examine(input: Buffer | Uint8Array, trusted: TrustedCertificate[], result: PdfSignatureVerification): Promise<void> {
  if (!(input instanceof Uint8Array) || input.length < 8) {
    throw new VerificationProblem('not-a-pdf');
  }
  const pdf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!pdf.subarray(0, PDF_HEADER_WINDOW).includes('%PDF-')) {
    throw new VerificationProblem('not-a-pdf');
  }
  result.sha256 = createHash('sha256').update(pdf).digest('hex');

  const byteRangePosition = pdf.lastIndexOf('/ByteRange');
  // An unsigned placeholder still reads `/ByteRange [0 /********** ...]`: prepared, never signed.
  if (byteRangePosition === -1 || pdf.subarray(byteRangePosition, byteRangePosition + 80).includes('/*****')) {
    throw new VerificationProblem('no-signature');
  }
  result.signed = true;
  const { contentsStart, contentsEnd, coveredEnd } = readByteRange(pdf, byteRangePosition);
  result.coversWholeDocument = coveredEnd === pdf.length;
  readSignatureDictionary(pdf, byteRangePosition, contentsStart, contentsEnd, result);

  const signedBytes = Buffer.concat([pdf.subarray(0, contentsStart), pdf.subarray(contentsEnd, coveredEnd)]);
  const cms = hexToDer(pdf.subarray(contentsStart + 1, contentsEnd - 1).toString('latin1'));
  await verifyCms(cms, signedBytes, trusted, result);
}

/**
 * ByteRange [0 b c d]: the signature must be the hex string `<...>` of the /Contents entry at [b, c),
 * and [c, c+d) must lie inside the file. c+d short of the end means bytes were appended after signing.
 */
export function readByteRange(pdf: Buffer, position: number): { contentsStart: number; contentsEnd: number; coveredEnd: number } {
  const text = pdf.subarray(position, position + 120).toString('latin1');
  const match = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(text);
  if (!match) {
    throw new VerificationProblem('byte-range-invalid');
  }
  const [start, contentsStart, contentsEnd, tailLength] = match.slice(1).map(Number);
  const coveredEnd = contentsEnd + tailLength;
  if (
    start !== 0 ||
    contentsStart <= 0 ||
    contentsEnd - contentsStart < 4 ||
    coveredEnd > pdf.length ||
    pdf[contentsStart] !== 0x3c /* < */ ||
    pdf[contentsEnd - 1] !== 0x3e /* > */ ||
    contentsEnd - contentsStart - 2 > MAX_CONTENTS_HEX
  ) {
    throw new VerificationProblem('byte-range-invalid');
  }
  const before = pdf.subarray(Math.max(0, contentsStart - 20), contentsStart).toString('latin1');
  if (!/\/Contents\s*$/.test(before)) {
    throw new VerificationProblem('byte-range-invalid');
  }
  return { contentsStart, contentsEnd, coveredEnd };
}

/** /SubFilter and /M from the signature dictionary: the object around the ByteRange, outside the hole. */
function readSignatureDictionary(
  pdf: Buffer,
  byteRangePosition: number,
  contentsStart: number,
  contentsEnd: number,
  result: PdfSignatureVerification,
): void {
  const objectStart = Math.max(0, pdf.lastIndexOf(' obj', Math.min(byteRangePosition, contentsStart)));
  const objectEndIndex = pdf.indexOf('endobj', contentsEnd);
  const objectEnd = objectEndIndex === -1 ? Math.min(pdf.length, contentsEnd + 4096) : objectEndIndex;
  const dictionary =
    pdf.subarray(objectStart, Math.min(contentsStart, objectStart + 16384)).toString('latin1') +
    pdf.subarray(contentsEnd, Math.min(objectEnd, contentsEnd + 16384)).toString('latin1');
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]{1,64})/.exec(dictionary);
  if (subFilter) {
    result.subFilter = subFilter[1];
  }
  const time = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?\)/.exec(dictionary);
  if (time) {
    const [, year, month, day, hour, minute, second, zone] = time;
    const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
    const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
    if (!Number.isNaN(date.getTime())) {
      result.claimedSigningTime = date;
    }
  }
}

/** The Contents hex string, without the zero padding that fills the rest of the placeholder. */
function hexToDer(hex: string): Buffer {
  if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) {
    throw new VerificationProblem('malformed-signature');
  }
  const bytes = Buffer.from(hex, 'hex');
  // The DER length header says where the CMS ends; anything after it must be padding.
  const length = derElementLength(bytes);
  if (length === undefined || bytes.subarray(length).some((byte) => byte !== 0)) {
    throw new VerificationProblem('malformed-signature');
  }
  return bytes.subarray(0, length);
}

type Pkijs = typeof pkijs;
type SignedData = InstanceType<Pkijs['SignedData']>;
type Certificate = InstanceType<Pkijs['Certificate']>;

async function verifyCms(cms: Buffer, signedBytes: Buffer, trusted: TrustedCertificate[], result: PdfSignatureVerification): Promise<void> {
  let signedData: SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(cms);
    if (contentInfo.contentType !== OID.signedData) {
      throw new VerificationProblem('malformed-signature');
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    throw new VerificationProblem('malformed-signature');
  }
  // A detached signature over id-data with exactly one signer and signed attributes: the only shape
  // a PAdES signature can have. The fields outside the signed attributes are not covered by the
  // signature, so they are held to the values RFC 5652 prescribes for that shape; otherwise one
  // signature would have many accepted encodings.
  const signerInfo = signedData.signerInfos.length === 1 ? signedData.signerInfos[0] : undefined;
  const bySubjectKeyIdentifier = !(signerInfo?.sid instanceof pkijs.IssuerAndSerialNumber);
  if (
    !signerInfo?.signedAttrs ||
    signerInfo.unsignedAttrs ||
    signedData.encapContentInfo.eContent ||
    signedData.encapContentInfo.eContentType !== OID.data ||
    signedData.crls?.length ||
    signedData.version !== (bySubjectKeyIdentifier ? 3 : 1) ||
    signerInfo.version !== (bySubjectKeyIdentifier ? 3 : 1)
  ) {
    throw new VerificationProblem('malformed-signature');
  }
  const hashName = DIGEST_ALGORITHMS[signerInfo.digestAlgorithm.algorithmId];
  if (!hashName) {
    throw new VerificationProblem('unsupported-algorithm');
  }
  if (signedData.digestAlgorithms.length !== 1 || signedData.digestAlgorithms[0].algorithmId !== signerInfo.digestAlgorithm.algorithmId) {
    throw new VerificationProblem('malformed-signature');
  }

  const attributes = signerInfo.signedAttrs.attributes;
  const attribute = (type: string) => attributes.filter((candidate) => candidate.type === type);
  const [messageDigest] = attribute(OID.messageDigest);
  const [contentType] = attribute(OID.contentType);
  const signingCertificates = attribute(OID.signingCertificateV2);
  if (
    !messageDigest ||
    !contentType ||
    messageDigest.values.length !== 1 ||
    contentType.values.length !== 1 ||
    !(contentType.values[0] instanceof asn1js.ObjectIdentifier) ||
    contentType.values[0].getValue() !== OID.data
  ) {
    throw new VerificationProblem('malformed-signature');
  }
  const expectedDigest = Buffer.from((messageDigest.values[0] as InstanceType<typeof asn1js.OctetString>).valueBlock.valueHexView);
  if (!createHash(hashName).update(signedBytes).digest().equals(expectedDigest)) {
    throw new VerificationProblem('digest-mismatch');
  }

  const signerCertificate = findSignerCertificate(signedData, signerInfo);
  if (!signerCertificate) {
    throw new VerificationProblem('malformed-signature');
  }
  const signerDer = Buffer.from(signerCertificate.toSchema().toBER(false));
  result.signerSubject = safeSubject(signerDer);

  let signatureVerified = false;
  try {
    const verification = await signedData.verify({
      signer: 0,
      data: new Uint8Array(signedBytes).buffer,
      checkChain: false,
      extendedMode: true,
    });
    signatureVerified = verification.signatureVerified === true;
  } catch {
    signatureVerified = false;
  }
  // pkijs reads an ECDSA signature leniently (a mangled DER wrapper still verifies); OpenSSL insists
  // on the one DER encoding. Both must agree, so a signature value has exactly one accepted form.
  // RSA signatures are plain fixed-length numbers and have no such wrapper.
  if (!signatureVerified || !verifiesStrictly(signerDer, hashName, signerInfo)) {
    throw new VerificationProblem('signature-invalid');
  }
  result.signatureValid = true;

  if (signingCertificates.length > 0 && !signingCertificateMatches(signingCertificates[0], signerDer)) {
    result.signatureValid = false;
    throw new VerificationProblem('signing-certificate-mismatch');
  }
  result.padesBaselineB =
    result.subFilter === 'ETSI.CAdES.detached' && signingCertificates.length === 1 && attribute(OID.signingTime).length === 0;

  const ours = trusted.find((candidate) => candidate.der.equals(signerDer));
  if (ours) {
    result.signedByThisScheme = true;
    result.signerKid = ours.kid;
  }
}

/**
 * The embedded certificate named by the signer identifier. PAdES requires the signing certificate in
 * the CMS; it is never looked up elsewhere, so what was verified is exactly what the file carries.
 */
function findSignerCertificate(signedData: SignedData, signerInfo: SignedData['signerInfos'][number]): Certificate | undefined {
  const sid = signerInfo.sid as unknown;
  let matches: (certificate: Certificate) => boolean;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    // Byte equality, not X.500 name matching (which ignores case and string types): the signer
    // identifier is not signed, so a lenient match would let it be rewritten.
    const issuer = Buffer.from(sid.issuer.toSchema().toBER());
    const serial = Buffer.from(sid.serialNumber.toBER());
    matches = (certificate) =>
      Buffer.from(certificate.issuer.toSchema().toBER()).equals(issuer) && Buffer.from(certificate.serialNumber.toBER()).equals(serial);
  } else {
    // [0] subjectKeyIdentifier: compared, like pkijs does, with the SHA-1 of the subject public key.
    const tagged = sid as InstanceType<typeof asn1js.Constructed | typeof asn1js.Primitive>;
    const keyId = Buffer.from(
      tagged.idBlock.isConstructed
        ? ((tagged as InstanceType<typeof asn1js.Constructed>).valueBlock.value[0] as InstanceType<typeof asn1js.OctetString>).valueBlock
            .valueHexView
        : (tagged as InstanceType<typeof asn1js.Primitive>).valueBlock.valueHexView,
    );
    matches = (certificate) =>
      createHash('sha1').update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest().equals(keyId);
  }
  return (signedData.certificates ?? []).find(
    (candidate): candidate is Certificate => candidate instanceof pkijs.Certificate && matches(candidate),
  );
}

/** ESS signing-certificate-v2: the first ESSCertIDv2 must hash (SHA-256 unless stated) to the signer certificate. */
function signingCertificateMatches(attribute: InstanceType<Pkijs['Attribute']>, signerDer: Buffer): boolean {
  try {
    const signingCertificate = attribute.values[0] as InstanceType<typeof asn1js.Sequence>;
    const certs = signingCertificate.valueBlock.value[0] as InstanceType<typeof asn1js.Sequence>;
    const essCertId = certs.valueBlock.value[0] as InstanceType<typeof asn1js.Sequence>;
    const fields = essCertId.valueBlock.value;
    let hashName = 'sha256';
    let index = 0;
    if (fields[0] instanceof asn1js.Sequence) {
      const algorithm = new pkijs.AlgorithmIdentifier({ schema: fields[0] });
      const named = DIGEST_ALGORITHMS[algorithm.algorithmId];
      if (!named) {
        return false;
      }
      hashName = named;
      index = 1;
    }
    const certHash = Buffer.from((fields[index] as InstanceType<typeof asn1js.OctetString>).valueBlock.valueHexView);
    return createHash(hashName).update(signerDer).digest().equals(certHash);
  } catch {
    return false;
  }
}

function verifiesStrictly(signerDer: Buffer, hashName: string, signerInfo: SignedData['signerInfos'][number]): boolean {
  try {
    const signedAttributes = Buffer.from(signerInfo.signedAttrs!.encodedValue); // already re-tagged as SET
    const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    const publicKey = new X509Certificate(signerDer).publicKey;
    if (publicKey.asymmetricKeyType !== 'ec') {
      return true;
    }
    return verify(hashName, signedAttributes, { key: publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

function safeSubject(der: Buffer): string | undefined {
  try {
    return new X509Certificate(der).subject;
  } catch {
    return undefined;
  }
}
