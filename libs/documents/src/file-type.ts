export type AcceptedContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** Images larger than this on a side are no photo of a room; a decoder would spend memory on them for nothing. */
export const MAX_IMAGE_SIDE = 30_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type a file claims by its first bytes; `detectContentType` also checks that it is one. */
function claimedType(bytes: Buffer): AcceptedContentType | undefined {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return undefined;
}

/**
 * PNG: the signature, then chunks that fit the file: IHDR first (13 bytes, sane dimensions, a valid
 * bit depth and colour type), at least one IDAT, and IEND. Enough to know it is a PNG and not a
 * signature glued to an HTML page; the pixels are not decoded.
 */
function isPng(bytes: Buffer): boolean {
  let at = 8;
  let first = true;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type) || length > bytes.length - at - 12) return false;
    if (first) {
      if (type !== 'IHDR' || length !== 13) return false;
      const width = bytes.readUInt32BE(at + 8);
      const height = bytes.readUInt32BE(at + 12);
      const depth = bytes[at + 16];
      const colour = bytes[at + 17];
      if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return false;
      if (![1, 2, 4, 8, 16].includes(depth) || ![0, 2, 3, 4, 6].includes(colour)) return false;
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData;
    at += 12 + length;
  }
  return false;
}

/** The start-of-frame markers that carry a frame's dimensions (every SOFn but DHT C4, JPG C8 and DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * JPEG: SOI, then marker segments that fit the file up to the start of scan, among them a start of
 * frame with sane dimensions and components, then an EOI after the scan.
 */
function isJpeg(bytes: Buffer): boolean {
  let at = 2;
  let frame = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1];
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Standalone markers (TEM, RSTn) carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9) return false;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return false;
    if (SOF.has(marker)) {
      if (length < 8) return false;
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      const components = bytes[at + 9];
      if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return false;
      if (components < 1 || components > 4 || length !== 8 + 3 * components) return false;
      frame = true;
    }
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follows; the image ends with EOI (some cameras append a few bytes after it).
      const scanStart = at + 2 + length;
      return frame && bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) >= scanStart;
    }
    at += 2 + length;
  }
  return false;
}

/**
 * PDF: a `%PDF-1.x` or `%PDF-2.0` header and an end: `%%EOF` in the last kilobyte, after a
 * `startxref` whose offset lies inside the file, or (files written by hand or by old tools) after a
 * `trailer` dictionary. Not a full parse: the PDF check (libs/signing) parses what it verifies.
 */
function isPdf(bytes: Buffer): boolean {
  if (!/^%PDF-(1\.[0-7]|2\.0)\s/.test(bytes.subarray(0, 9).toString('latin1'))) return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const end = tail.lastIndexOf('%%EOF');
  if (end < 0 || tail.slice(end + 5).trim() !== '') return false;
  const before = tail.slice(0, end);
  const startxref = /startxref\s+(\d{1,10})\s*$/.exec(before);
  if (startxref) return Number(startxref[1]) > 0 && Number(startxref[1]) < bytes.length;
  return /trailer\s*<</.test(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)).toString('latin1'));
}

const CHECKS: Record<AcceptedContentType, (bytes: Buffer) => boolean> = {
  'application/pdf': isPdf,
  'image/jpeg': isJpeg,
  'image/png': isPng,
};

/**
 * The type of a file by its content, checked enough to know it is that: the first bytes say what it
 * claims, and the structure of a PNG, JPEG or PDF must follow (dimensions, chunks, an end). The name
 * and the client's Content-Type are never trusted.
 */
export function detectContentType(bytes: Buffer): AcceptedContentType | undefined {
  const claimed = claimedType(bytes);
  return claimed && CHECKS[claimed](bytes) ? claimed : undefined;
}

export const EXTENSION: Record<AcceptedContentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** Extensions a name may keep for each type; any other is replaced by the type's own. */
const KNOWN_EXTENSIONS: Record<AcceptedContentType, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/**
 * The name a stored file is offered under: the client's name, but its extension always that of the
 * detected type (`foto.html` stored as a PNG downloads as `foto.png`), so a browser or a desktop
 * never opens it as anything else.
 */
export function fileNameForType(name: string, contentType: string): string {
  const known = KNOWN_EXTENSIONS[contentType as AcceptedContentType];
  if (!known) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (known.includes(extension)) return name;
  const stem = (dot > 0 ? name.slice(0, dot) : name) || 'bestand';
  return `${stem}.${EXTENSION[contentType as AcceptedContentType]}`;
}
