import { describe, expect, it } from '@jest/globals';
import { contentDisposition, storedFileDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it.each([
    ['huurovereenkomst.pdf', undefined, 'attachment; filename="huurovereenkomst.pdf"'],
    ['KM-2026-000123-3.pdf', 'inline' as const, 'inline; filename="KM-2026-000123-3.pdf"'],
    ['verklaring één.pdf', undefined, `attachment; filename="verklaring __n.pdf"; filename*=UTF-8''verklaring%20%C3%A9%C3%A9n.pdf`],
    ['a"b\\c.pdf', undefined, 'attachment; filename="a_b_c.pdf"; filename*=UTF-8\'\'a%22b%5Cc.pdf'],
  ])('%s (%s) → %s', (name, type, expected) => {
    expect(contentDisposition(name, type)).toBe(expected);
  });

  it('lets a photo show inline and makes every other stored file, PDFs included, an attachment', () => {
    expect(storedFileDisposition({ contentType: 'image/jpeg', fileName: 'a.jpg' })).toBe('inline; filename="a.jpg"');
    expect(storedFileDisposition({ contentType: 'image/png', fileName: 'a.png' })).toBe('inline; filename="a.png"');
    expect(storedFileDisposition({ contentType: 'application/pdf', fileName: 'bewijs.pdf' })).toBe('attachment; filename="bewijs.pdf"');
  });
});
