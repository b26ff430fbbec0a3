import { derElementLength } from './der-structure';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('derElementLength', () => {
  it.each([
    ['a primitive', '02 01 05', 3],
    ['a sequence of two integers', '30 06 02 01 05 02 01 07', 8],
    ['an element followed by padding', '30 03 02 01 05 00 00 00', 5],
    ['a long-form length', `04 81 80 ${'aa'.repeat(128)}`, 131],
    ['nested constructed elements', 'a0 05 30 03 02 01 01', 7],
  ])('measures %s', (_case, bytes, length) => {
    expect(derElementLength(hex(bytes))).toBe(length);
  });

  it.each([
    ['nothing', ''],
    ['a length beyond the input', '30 05 02 01 05'],
    ['children that overrun their parent', '30 02 02 01 05'],
    ['children that do not fill their parent', '30 05 02 01 05 00 00'],
    ['an end-of-contents tag', '00 00'],
    ['an indefinite length', '30 80 02 01 05 00 00'],
    ['a long-form length that fits the short form', '02 81 01 05'],
    ['a length with a leading zero byte', `04 82 00 80 ${'aa'.repeat(128)}`],
    ['a multi-byte tag', '1f 81 00 01 00'],
  ])('refuses %s', (_case, bytes) => {
    expect(derElementLength(hex(bytes))).toBeUndefined();
  });

  it('refuses nesting deeper than any CMS needs', () => {
    let deep = hex('05 00');
    for (let depth = 0; depth < 40; depth++) {
      const length = deep.length;
      deep = Buffer.concat([Buffer.from(length < 0x80 ? [0x30, length] : [0x30, 0x81, length]), deep]);
    }
    expect(derElementLength(deep)).toBeUndefined();
  });
});
