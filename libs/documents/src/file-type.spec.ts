import { deflateSync } from 'node:zlib';
import { detectContentType, fileNameForType } from './file-type';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked by the detector; a real one is not needed to test structure.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}
function png(width = 1, height = 1, options: { end?: boolean; data?: boolean } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(options.data === false ? [] : [chunk('IDAT', deflateSync(Buffer.alloc(1 + width * 4)))]),
    ...(options.end === false ? [] : [chunk('IEND', Buffer.alloc(0))]),
  ]);
}
// A 1×1 baseline JPEG as a phone writes it.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgy' +
    'PC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\ntrailer << /Root 1 0 R >>\nstartxref\n45\n%%EOF\n',
  'latin1',
);
const PDF_TRAILER_ONLY = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

describe('detectContentType', () => {
  it.each([
    ['a PNG', png(), 'image/png'],
    ['a 3000×2000 PNG', png(3000, 2000), 'image/png'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a JPEG with bytes after EOI', Buffer.concat([JPEG, Buffer.alloc(16)]), 'image/jpeg'],
    ['a PDF with startxref', PDF, 'application/pdf'],
    ['a PDF with a trailer only', PDF_TRAILER_ONLY, 'application/pdf'],
    ['a PDF ending in CRLF', Buffer.concat([PDF.subarray(0, PDF.length - 1), Buffer.from('\r\n')]), 'application/pdf'],
  ])('recognises %s', (_, bytes, type) => {
    expect(detectContentType(bytes)).toBe(type);
  });

  it.each([
    // Issue 16 item 6: the outside test's file, 46 bytes of PNG start and then a web page.
    ['a PNG signature with HTML after it', Buffer.concat([png().subarray(0, 46), HTML])],
    ['a PNG signature and HTML', Buffer.concat([png().subarray(0, 8), HTML])],
    ['a PNG without IEND', png(1, 1, { end: false })],
    ['a PNG without image data', png(1, 1, { data: false })],
    ['a PNG 0 pixels wide', png(0, 1)],
    ['a PNG 100000 pixels high', png(1, 100_000)],
    [
      'a PNG whose chunk runs past the end',
      Buffer.concat([png().subarray(0, 33), Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from('IDAT')]),
    ],
    ['a JPEG signature with HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), HTML])],
    ['a JPEG cut before its end', JPEG.subarray(0, JPEG.length - 2)],
    ['a JPEG without a frame', Buffer.concat([JPEG.subarray(0, 20), Buffer.from([0xff, 0xda, 0, 2, 0xff, 0xd9])])],
    ['a PDF header with HTML', Buffer.concat([Buffer.from('%PDF-1.7\n'), HTML])],
    ['a PDF without %%EOF', PDF.subarray(0, PDF.length - 7)],
    ['a PDF with HTML after %%EOF', Buffer.concat([PDF, HTML])],
    ['a PDF whose startxref points past the end', Buffer.from('%PDF-1.4\ntrailer << >>\nstartxref\n99999\n%%EOF\n')],
    ['an executable', Buffer.from('MZ\x90\x00')],
    ['html named .pdf', HTML],
    ['empty', Buffer.alloc(0)],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['a zip', Buffer.from('PK\x03\x04')],
  ])('refuses %s', (_, bytes) => {
    expect(detectContentType(bytes)).toBeUndefined();
  });
});

describe('fileNameForType', () => {
  it.each([
    ['foto.png', 'image/png', 'foto.png'],
    ['foto.JPEG', 'image/jpeg', 'foto.JPEG'],
    ['foto.html', 'image/png', 'foto.png'],
    ['contract.pdf.html', 'application/pdf', 'contract.pdf.pdf'],
    ['scan', 'application/pdf', 'scan.pdf'],
    ['.htaccess', 'image/jpeg', '.htaccess.jpg'],
    ['foto.png', 'application/pdf', 'foto.pdf'],
  ])('offers %s stored as %s as %s', (name, type, offered) => {
    expect(fileNameForType(name, type)).toBe(offered);
  });
});
