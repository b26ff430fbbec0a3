import { detectContentType } from './file-type';

describe('detectContentType', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
  ])('recognises %s', (bytes, type) => {
    expect(detectContentType(bytes)).toBe(type);
  });

  it.each([
    ['an executable', Buffer.from('MZ\x90\x00')],
    ['html named .pdf', Buffer.from('<html><script>alert(1)</script>')],
    ['empty', Buffer.alloc(0)],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['a zip', Buffer.from('PK\x03\x04')],
  ])('refuses %s', (_, bytes) => {
    expect(detectContentType(bytes)).toBeUndefined();
  });
});
