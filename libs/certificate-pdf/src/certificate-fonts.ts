import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * DejaVu Sans covers every script the information card needs: Dutch, Polish (ą ę ł ż ź ó),
 * Romanian (ă â î ș ț) and Bulgarian Cyrillic. The standard PDF fonts (Helvetica...) cover none
 * of the last three and are not embedded, so they are never used.
 */
export const CERTIFICATE_FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const;

export type CertificateFont = keyof typeof CERTIFICATE_FONT_FILES;

/** The part of a fontkit font that matters here: pdfkit takes such an object wherever it takes a font file. */
interface FontkitFont {
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Buffer): FontkitFont;
}

let cachedFonts: Record<CertificateFont, FontkitFont> | undefined;

/**
 * Parsed once per process. Handing pdfkit a font file makes it parse the whole TrueType file again
 * (cmap, GSUB, GPOS...) for every document, which was ~75% of the render time; a parsed fontkit
 * font is read-only for pdfkit (each document builds its own subset), so it can be shared.
 * fontkit is resolved from pdfkit's own location, so it is the version pdfkit depends on (pdfkit
 * recognises a font object by its interface, so the module format does not matter).
 */
function loadParsedFonts(): Record<CertificateFont, FontkitFont> {
  if (!cachedFonts) {
    const require = createRequire(import.meta.url);
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
    const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const fonts = {} as Record<CertificateFont, FontkitFont>;
    for (const [name, file] of Object.entries(CERTIFICATE_FONT_FILES) as Array<[CertificateFont, string]>) {
      fonts[name] = decodingEachGlyphOnce(fontkit.create(readFileSync(join(fontDirectory, file))));
    }
    cachedFonts = fonts;
  }
  return cachedFonts;
}

/** What fontkit keeps per glyph: its decoded outline, decoded anew at every call. */
interface DecodableGlyph {
  _decode?: () => unknown;
}

/**
 * Embedding a subset copies each used glyph into the document, and fontkit's subsetter decodes the
 * whole glyph (every point) again for each document only to see whether it is composite: a third of
 * the render time. fontkit keeps one glyph object per glyph id for the font's life and never changes
 * what `_decode` returns (outlines are built into new points), so the first decode can serve every
 * later one. If fontkit's internals ever change shape, this does nothing: slower, never wrong.
 */
function decodingEachGlyphOnce(font: FontkitFont): FontkitFont {
  const withGlyphs = font as FontkitFont & { getGlyph?: (id: number, characters?: number[]) => DecodableGlyph | null };
  const getGlyph = withGlyphs.getGlyph?.bind(font);
  if (!getGlyph) return font;
  const memoised = new WeakSet<object>();
  withGlyphs.getGlyph = (id, characters) => {
    const glyph = getGlyph(id, characters);
    const decode = glyph?._decode?.bind(glyph);
    if (glyph && decode && !memoised.has(glyph)) {
      memoised.add(glyph);
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
  return font;
}

/** pdfkit's per-document cache of shaped words, kept alive across documents (see below). */
type LayoutCache = Record<string, unknown>;
let sharedLayoutCaches: Record<string, LayoutCache> = {};
let documentsSinceCacheReset = 0;
/** Holder names and addresses differ per certificate; starting afresh now and then bounds the memory. */
const LAYOUT_CACHE_DOCUMENT_LIMIT = 1000;

/**
 * Registers the fonts under the names of CERTIFICATE_FONT_FILES and opens each once.
 *
 * Shaping text (GSUB/GPOS lookups per word) was the next largest cost after font parsing. pdfkit
 * caches shaped words per document; the shaped result depends only on the font and the word, and
 * pdfkit copies before it adjusts positions, so the same cache can serve every document. The static
 * texts of the certificate are then shaped once per process. If pdfkit's internals ever change
 * shape, this silently falls back to pdfkit's own per-document cache: slower, never wrong.
 */
export function registerCertificateFonts(doc: PDFKit.PDFDocument): void {
  const fonts = loadParsedFonts();
  if (++documentsSinceCacheReset > LAYOUT_CACHE_DOCUMENT_LIMIT) {
    sharedLayoutCaches = {};
    documentsSinceCacheReset = 1;
  }
  for (const name of Object.keys(fonts) as CertificateFont[]) {
    // @types/pdfkit only lists file sources; pdfkit itself also accepts a fontkit font object.
    doc.registerFont(name, fonts[name] as unknown as PDFKit.Mixins.PDFFontSource);
    doc.font(name);
    const embedded = (doc as unknown as { _font?: { layoutCache?: unknown } })._font;
    if (embedded && typeof embedded.layoutCache === 'object' && embedded.layoutCache !== null) {
      sharedLayoutCaches[name] ??= Object.create(null) as LayoutCache;
      embedded.layoutCache = sharedLayoutCaches[name];
    }
  }
}
