import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CERTIFICATE_FONT_FILES, encodingSubsetsDirectly } from './certificate-fonts';
import { INFORMATION_CARD_TEXTS } from './certificate-pdf.texts';

interface Subset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
interface Font {
  numGlyphs: number;
  createSubset(): Subset;
  layout(text: string): { glyphs: Array<{ id: number }> };
}

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buffer: Buffer): Font };
const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The same font twice: as fontkit encodes its subsets, and with the direct encoder. */
function fontPair(file: string): { fontkit: Font; direct: Font } {
  const bytes = readFileSync(join(fontDirectory, file));
  return { fontkit: fontkit.create(bytes), direct: encodingSubsetsDirectly(fontkit.create(bytes) as never) as unknown as Font };
}

function encodedBoth(pair: { fontkit: Font; direct: Font }, glyphIds: number[]): { theirs: Buffer; ours: Buffer } {
  const theirs = pair.fontkit.createSubset();
  const ours = pair.direct.createSubset();
  for (const id of glyphIds) expect(ours.includeGlyph(id)).toBe(theirs.includeGlyph(id));
  // The direct encoder, not fontkit's own left in place by a fallback.
  expect(ours.encode).not.toBe((Object.getPrototypeOf(ours) as Subset).encode);
  return { theirs: Buffer.from(theirs.encode()), ours: Buffer.from(ours.encode()) };
}

describe('font subsets encoded directly', () => {
  const files = Object.values(CERTIFICATE_FONT_FILES);

  it.each(files)('%s: every glyph of the font, in one subset, gives fontkit’s bytes', (file) => {
    const pair = fontPair(file);
    const all = Array.from({ length: pair.fontkit.numGlyphs }, (_, id) => id).reverse();
    const { theirs, ours } = encodedBoth(pair, all);
    expect(ours.length).toBeGreaterThan(10_000);
    expect(ours.equals(theirs)).toBe(true);
  });

  it.each(files)('%s: the information card’s texts in every language give fontkit’s bytes', (file) => {
    const pair = fontPair(file);
    const text = Object.values(INFORMATION_CARD_TEXTS)
      .map((texts) => `${texts.languageName} ${texts.certified} ${texts.checkAndComplain} ${texts.maximumResidents(11)}`)
      .join(' ');
    const { theirs, ours } = encodedBoth(
      pair,
      pair.fontkit.layout(text).glyphs.map((glyph) => glyph.id),
    );
    expect(ours.equals(theirs)).toBe(true);
  });

  it.each(files)('%s: any glyphs in any order, composite ones and repeats included, give fontkit’s bytes (property)', (file) => {
    const pair = fontPair(file);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: pair.fontkit.numGlyphs - 1 }), { maxLength: 300 }), (ids) => {
        const { theirs, ours } = encodedBoth(pair, ids);
        expect(ours.equals(theirs)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('encodes a second subset of the same font afresh, not from the first', () => {
    const pair = fontPair(CERTIFICATE_FONT_FILES.regular);
    const first = encodedBoth(
      pair,
      pair.fontkit.layout('Keurmerk').glyphs.map((glyph) => glyph.id),
    );
    const second = encodedBoth(
      pair,
      pair.fontkit.layout('Huisvesting 0123').glyphs.map((glyph) => glyph.id),
    );
    expect(first.ours.equals(first.theirs)).toBe(true);
    expect(second.ours.equals(second.theirs)).toBe(true);
    expect(second.ours.equals(first.ours)).toBe(false);
  });

  it('leaves a font without fontkit’s subsets as it is', () => {
    const font = { layout: () => ({}) };
    expect(encodingSubsetsDirectly(font)).toBe(font);
  });
});
