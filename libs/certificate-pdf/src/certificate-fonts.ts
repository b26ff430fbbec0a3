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
      fonts[name] = encodingSubsetsDirectly(decodingEachGlyphOnce(fontkit.create(readFileSync(join(fontDirectory, file)))));
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

/** What fontkit's TrueType subset keeps while it encodes: the glyphs asked for, and the tables it fills. */
interface TrueTypeSubset {
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: Array<{ advance: number; bearing: number }>; bearings: number[] };
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** fontkit's encoding of the subset of glyph 0 alone, table by table in its order: what no glyph changes is copied from it. */
interface SubsetTemplate {
  header: Buffer;
  tables: Array<{ tag: string; bytes: Buffer }>;
  /** 2 or 4: the loca table's offsets as fontkit writes them (the font's own format). */
  locaEntryBytes: number;
}

const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

/**
 * Each document embeds a subset of each font, and fontkit encodes it through restructure's generic
 * encoders field by field (the font program, the control values and every glyph's metrics, sized
 * once and written once): a seventh of the render time in its profile. Of its nine tables five
 * depend on the glyphs (loca, glyf and hmtx; hhea and maxp only by their glyph counts); the others
 * are the same for every subset of the font. So fontkit encodes one subset of the font once, as it
 * always does; that gives the fixed tables byte for byte, and every later subset writes the five
 * from fontkit's own glyph collection (`_addGlyph`, which also pulls in the parts of composite
 * glyphs) into one buffer.
 * The bytes are fontkit's own: `certificate-fonts.spec.ts` holds the two to the same bytes for
 * every glyph of the three fonts. If fontkit's internals or its layout ever differ from what is
 * read here, fontkit encodes as before: slower, never different.
 */
export function encodingSubsetsDirectly(font: FontkitFont): FontkitFont {
  const withSubsets = font as FontkitFont & { createSubset?: () => unknown };
  const createSubset = withSubsets.createSubset?.bind(font);
  if (!createSubset) return font;
  let template: SubsetTemplate | null | undefined;
  withSubsets.createSubset = () => {
    const subset = createSubset();
    if (!isTrueTypeSubset(subset)) return subset;
    if (template === undefined) template = subsetTemplate(createSubset);
    const known = template;
    if (known !== null) subset.encode = () => encodeSubset(subset, known);
    return subset;
  };
  return font;
}

function isTrueTypeSubset(subset: unknown): subset is TrueTypeSubset {
  const candidate = subset as Partial<TrueTypeSubset> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    Array.isArray(candidate.glyphs) &&
    typeof candidate._addGlyph === 'function' &&
    typeof candidate.encode === 'function'
  );
}

/** fontkit's encoding of the subset of glyph 0 alone, read back table by table; null if it is not laid out as expected. */
function subsetTemplate(createSubset: () => unknown): SubsetTemplate | null {
  const probe = createSubset();
  if (!isTrueTypeSubset(probe)) return null;
  const bytes = Buffer.from(probe.encode());
  if (bytes.length < SFNT_HEADER_BYTES) return null;
  const count = bytes.readUInt16BE(4);
  let expectedOffset = SFNT_HEADER_BYTES + count * TABLE_RECORD_BYTES;
  const tables: SubsetTemplate['tables'] = [];
  for (let i = 0; i < count; i++) {
    const record = SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    if (record + TABLE_RECORD_BYTES > bytes.length) return null;
    const tag = bytes.toString('latin1', record, record + 4);
    const checkSum = bytes.readUInt32BE(record + 4);
    const offset = bytes.readUInt32BE(record + 8);
    const length = bytes.readUInt32BE(record + 12);
    // fontkit writes the tables one after the other in record order, with no checksums.
    if (checkSum !== 0 || offset !== expectedOffset || offset + length > bytes.length) return null;
    tables.push({ tag, bytes: Buffer.from(bytes.subarray(offset, offset + length)) });
    expectedOffset += length;
  }
  const table = (tag: string) => tables.find((t) => t.tag === tag)?.bytes;
  const [loca, glyf, hhea, maxp, hmtx] = ['loca', 'glyf', 'hhea', 'maxp', 'hmtx'].map(table);
  if (expectedOffset !== bytes.length || !loca || !glyf || !hhea || !maxp || !hmtx) return null;
  // One glyph: two loca offsets, one hmtx entry, hhea and maxp counting one.
  const locaEntryBytes = loca.length / 2;
  if ((locaEntryBytes !== 2 && locaEntryBytes !== 4) || hmtx.length !== 4 || hhea.length !== 36 || maxp.length < 6) return null;
  if (hhea.readUInt16BE(HHEA_NUMBER_OF_METRICS) !== 1 || maxp.readUInt16BE(MAXP_NUM_GLYPHS) !== 1) return null;
  return { header: Buffer.from(bytes.subarray(0, SFNT_HEADER_BYTES)), tables, locaEntryBytes };
}

/** What fontkit's `encode` does, with the tables that change written directly. */
function encodeSubset(subset: TrueTypeSubset, template: SubsetTemplate): Buffer {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: template.locaEntryBytes === 2 ? 0 : 1 };
  subset.hmtx = { metrics: [], bearings: [] };
  // Not a for-of: adding a composite glyph adds its parts to `glyphs` on the way.
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]);
  subset.loca.offsets.push(subset.offset);
  const glyphCount = subset.glyf.length;
  const { metrics } = subset.hmtx;
  const lengthOf = (tag: string, fixed: Buffer): number =>
    tag === 'loca'
      ? subset.loca.offsets.length * template.locaEntryBytes
      : tag === 'glyf'
        ? subset.offset
        : tag === 'hmtx'
          ? metrics.length * 4
          : fixed.length;
  const lengths = template.tables.map(({ tag, bytes }) => lengthOf(tag, bytes));
  const directoryBytes = SFNT_HEADER_BYTES + template.tables.length * TABLE_RECORD_BYTES;
  const out = Buffer.alloc(directoryBytes + lengths.reduce((sum, length) => sum + length, 0));
  template.header.copy(out, 0);
  let offset = directoryBytes;
  template.tables.forEach(({ tag, bytes }, i) => {
    const record = SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    out.write(tag, record, 4, 'latin1');
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(lengths[i], record + 12);
    if (tag === 'loca') {
      subset.loca.offsets.forEach((at, n) => {
        if (template.locaEntryBytes === 2) out.writeUInt16BE(at >>> 1, offset + 2 * n);
        else out.writeUInt32BE(at, offset + 4 * n);
      });
    } else if (tag === 'glyf') {
      let at = offset;
      for (const glyph of subset.glyf) {
        out.set(glyph, at);
        at += glyph.length;
      }
    } else if (tag === 'hmtx') {
      metrics.forEach(({ advance, bearing }, n) => {
        out.writeUInt16BE(advance, offset + 4 * n);
        out.writeInt16BE(bearing, offset + 4 * n + 2);
      });
    } else {
      bytes.copy(out, offset);
      if (tag === 'hhea') out.writeUInt16BE(metrics.length, offset + HHEA_NUMBER_OF_METRICS);
      if (tag === 'maxp') out.writeUInt16BE(glyphCount, offset + MAXP_NUM_GLYPHS);
    }
    offset += lengths[i];
  });
  return out;
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
