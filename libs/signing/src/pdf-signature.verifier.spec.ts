import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ensureDevelopmentKeyRing } from './development-key-ring.loader';
import type { KeyRing } from './key-ring';
import { signPdf } from './pades-signer';
import { type PdfSignatureVerification, verifyPdfSignature } from './pdf-signature.verifier';
import { pdfsig, renderSamplePdf, temporaryDirectory } from './signing.test-helper';

describe('verifyPdfSignature', () => {
  let directory: { path: string; remove: () => Promise<void> };
  let keyRing: KeyRing;
  let otherKeyRing: KeyRing;
  let signed: Buffer;

  beforeAll(async () => {
    directory = await temporaryDirectory('verifier');
    keyRing = await ensureDevelopmentKeyRing(`${directory.path}/ours`);
    otherKeyRing = await ensureDevelopmentKeyRing(`${directory.path}/theirs`);
    signed = await signPdf(await renderSamplePdf(), keyRing);
  });

  afterAll(async () => {
    await directory.remove();
  });

  const expectAnswer = (result: PdfSignatureVerification, reason: PdfSignatureVerification['reason']): void => {
    expect(result.valid).toBe(false);
    expect(result.reason).toBe(reason);
    expect(result.signedByThisScheme).toBe(reason === 'not-whole-document');
  };

  it('accepts our signature, found by the trusted certificates as well as by the key ring', async () => {
    const byCertificates = await verifyPdfSignature(
      signed,
      [keyRing.activeKey.certificate.toString('base64')].map(
        (base64) => `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
      ),
    );
    expect(byCertificates).toMatchObject({ valid: true, signerKid: keyRing.activeKey.kid });
    expect(await verifyPdfSignature(new Uint8Array(signed), keyRing)).toMatchObject({ valid: true });
  });

  it.each([
    ['an empty buffer', () => Buffer.alloc(0), 'not-a-pdf'],
    ['garbage', () => Buffer.from('this is not a pdf at all, just some words'), 'not-a-pdf'],
    ['a JPEG', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'not-a-pdf'],
    ['a PDF without any signature', () => Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF'), 'no-signature'],
  ] as const)('answers %s with %s', async (_case, make, reason) => {
    expectAnswer(await verifyPdfSignature(make(), keyRing), reason);
  });

  it('answers a prepared but unsigned certificate with no-signature', async () => {
    expectAnswer(await verifyPdfSignature(await renderSamplePdf(), keyRing), 'no-signature');
  });

  it('answers things that are not buffers without throwing', async () => {
    for (const input of [undefined, null, 'a string', 42, {}, []]) {
      expectAnswer(await verifyPdfSignature(input as unknown as Buffer, keyRing), 'not-a-pdf');
    }
  });

  it.each([1000, 30_000, -1])('answers a file truncated to %d bytes with byte-range-invalid', async (length) => {
    const truncated = signed.subarray(0, length < 0 ? signed.length + length : length);
    const result = await verifyPdfSignature(truncated, keyRing);
    expect(result.valid).toBe(false);
    expect(['byte-range-invalid', 'no-signature']).toContain(result.reason);
  });

  it('reports bytes appended after signing as not covering the whole document', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Evil true >>\nendobj\n%%EOF\n')]);
    const result = await verifyPdfSignature(appended, keyRing);
    expect(result).toMatchObject({ signatureValid: true, coversWholeDocument: false, signedByThisScheme: true });
    expectAnswer(result, 'not-whole-document');
    expect(await pdfsig(directory.path, appended, 'appended.pdf')).not.toContain('Total document signed');
  });

  it('reports a PDF validly signed by someone else as unknown-signer', async () => {
    const theirs = await signPdf(await renderSamplePdf(), otherKeyRing);
    const result = await verifyPdfSignature(theirs, keyRing);
    expect(result).toMatchObject({ signed: true, signatureValid: true, coversWholeDocument: true, padesBaselineB: true });
    expectAnswer(result, 'unknown-signer');
    expect(result.signerKid).toBeUndefined();
    expect(result.signerSubject).toContain('NOT TRUSTED');
  });

  it('reports a changed signature value as signature-invalid', async () => {
    // The ECDSA signature is the last thing in the CMS; change its last byte (in hex, just before the padding).
    const match = /\/ByteRange \[0 (\d+) (\d+)/.exec(signed.toString('latin1'))!;
    const hex = signed.subarray(Number(match[1]) + 1, Number(match[2]) - 1).toString('latin1');
    const lastByte = hex.replace(/(00)+$/, '').length - 2;
    const tampered = Buffer.from(signed);
    const position = Number(match[1]) + 1 + lastByte;
    const original = tampered.subarray(position, position + 2).toString('latin1');
    tampered.write(original === 'ff' ? 'fe' : 'ff', position, 'latin1');
    const result = await verifyPdfSignature(tampered, keyRing);
    expect(result.signatureValid).toBe(false);
    expect(['signature-invalid', 'malformed-signature']).toContain(result.reason);
  });

  it('reports a non-hex signature and a forged ByteRange as such', async () => {
    const text = signed.toString('latin1');
    const match = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(text)!;
    const notHex = Buffer.from(signed);
    notHex.write('zz', Number(match[1]) + 5, 'latin1');
    expectAnswer(await verifyPdfSignature(notHex, keyRing), 'malformed-signature');

    const forged = Buffer.from(
      text.replace(match[0], `/ByteRange [0 ${match[1]} ${match[2]} ${Number(match[3]) + 100}]`.padEnd(match[0].length)),
      'latin1',
    );
    expectAnswer(await verifyPdfSignature(forged, keyRing), 'byte-range-invalid');
  });

  it('never throws and never accepts a file whose signed bytes or signature were changed (property)', async () => {
    const match = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(signed.toString('latin1'))!;
    const [contentsStart, contentsEnd] = [Number(match[1]), Number(match[2])];
    const originalCms = signed.subarray(contentsStart, contentsEnd).toString('latin1').toLowerCase();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ position: fc.nat({ max: signed.length - 1 }), value: fc.nat({ max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.nat({ max: signed.length }), { nil: undefined }),
        async (changes, cut) => {
          const mutated = Buffer.from(signed);
          for (const { position, value } of changes) {
            mutated[position] = value;
          }
          const input = cut === undefined ? mutated : mutated.subarray(0, cut);
          const result = await verifyPdfSignature(input, keyRing);
          if (result.valid) {
            // Only a change that leaves every signed byte and the CMS itself as they were may pass:
            // the case of a hex digit inside /Contents is not covered by any signature. The registry's
            // SHA-256 (result.sha256) tells such a copy apart.
            expect(input.length).toBe(signed.length);
            expect(input.subarray(0, contentsStart).equals(signed.subarray(0, contentsStart))).toBe(true);
            expect(input.subarray(contentsEnd).equals(signed.subarray(contentsEnd))).toBe(true);
            expect(input.subarray(contentsStart, contentsEnd).toString('latin1').toLowerCase()).toBe(originalCms);
            expect(result.sha256 === createHash('sha256').update(signed).digest('hex')).toBe(input.equals(signed));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws and never accepts a CMS with changed hex digits (property)', async () => {
    const match = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(signed.toString('latin1'))!;
    const contentsStart = Number(match[1]) + 1;
    const cmsHexLength = signed
      .subarray(contentsStart, Number(match[2]) - 1)
      .toString('latin1')
      .replace(/(00)+$/, '').length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ offset: fc.nat({ max: cmsHexLength - 1 }), digit: fc.constantFrom(...'0123456789abcdef') }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (changes) => {
          const mutated = Buffer.from(signed);
          for (const { offset, digit } of changes) {
            mutated.write(digit, contentsStart + offset, 'latin1');
          }
          const result = await verifyPdfSignature(mutated, keyRing);
          expect(result.valid).toBe(mutated.equals(signed));
        },
      ),
      { numRuns: 100 },
    );
  });
});
