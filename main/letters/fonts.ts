// Embedded TrueType fonts (Roboto, shipped in main/letters/fonts, OFL-1.1) and a per-process
// cache of parsed fonts shared by every letter.
//
// Why: pdfmake 0.3 gives every document its own pdfkit document, and pdfkit parses the TTF
// (fontkit.create) and lays out every word (fontkit GSUB/GPOS) again per document. We parse each
// font once per process and share both the fontkit font and pdfkit's per-font layout cache across
// documents. Each document still gets its own EmbeddedFont, starting from one fixed base subset,
// so the encoded font program is mostly the same in every letter and made once (withBaseSubset).
// Measured: 2.3x faster from sharing the parse, another ~25% from the shared font program.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { FONT_FAMILY } from './layout';
import { setFastStyleLookup } from './style-lookup';

const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;
const VFS_PREFIX = 'loket-letters-fonts/';

/** Finds main/letters/fonts from TS source, from the bundled dist/ or via LOKET_FONTS_DIR. */
export function resolveFontsDir(): string {
  const candidates = [
    process.env.LOKET_FONTS_DIR,
    join(__dirname, 'fonts'), // source: main/letters/; bundled worker: dist/main/letters/
    join(__dirname, '..', 'letters', 'fonts'), // bundled into dist/main/electron or dist/main/cli
    join(__dirname, '..', 'main', 'letters', 'fonts'),
    join(__dirname, '..', '..', 'main', 'letters', 'fonts'),
  ].filter((c): c is string => !!c);
  for (const dir of candidates) {
    if (existsSync(join(dir, FILES.normal))) return dir;
  }
  throw new Error(`Lettertypen voor brieven niet gevonden. Gezocht in: ${candidates.join(', ')}`);
}

// Minimal view of pdfmake 0.3's Node singleton (the @types describe the browser build).
export interface PdfMakeNode {
  virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  addFonts(fonts: Record<string, Record<string, string>>): void;
  createPdf(doc: unknown): { getStream(): Promise<PdfKitDoc>; getBuffer(): Promise<Buffer> };
}
export interface PdfKitDoc {
  appendXML(xml: string, newline?: boolean): void;
  on(ev: string, cb: (...a: unknown[]) => void): void;
  read(n?: number): Buffer | null;
  end(): void;
}

interface SharedFont {
  fk: unknown;
  Ctor: new (doc: unknown, font: unknown, id: string) => { layoutCache?: unknown };
  layoutCache: unknown;
  /** documents since the layout cache was started */
  docs: number;
}

// The shared layout cache keeps every word it has seen; names and kenmerken make that grow by
// about 10 MB per 1000 letters. A long-running app starts a fresh cache every so many letters.
const LAYOUT_CACHE_DOCS = 500;

const req = createRequire(__filename);
let pdfmakeInstance: PdfMakeNode | undefined;
let sharing = true;
const shared = new Map<string, SharedFont>();

/** For the naive benchmark only: turn the parsed-font sharing off (fresh parse per document). */
export function setFontSharing(on: boolean): void {
  sharing = on;
  shared.clear();
  subsetCache.clear();
  baseGlyphs.clear();
}

/** pdfmake with our fonts in its virtual FS, no URL or local file access. Once per process. */
export function getPdfMake(): PdfMakeNode {
  if (pdfmakeInstance) return pdfmakeInstance;
  const pdfmake = req('pdfmake') as PdfMakeNode;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const dir = resolveFontsDir();
  const family: Record<string, string> = {};
  for (const [style, file] of Object.entries(FILES)) {
    pdfmake.virtualfs.writeFileSync(VFS_PREFIX + file, readFileSync(join(dir, file)));
    family[style] = VFS_PREFIX + file;
  }
  pdfmake.addFonts({ [FONT_FAMILY]: family });
  installFontSharing();
  setFastStyleLookup(true);
  pdfmakeInstance = pdfmake;
  return pdfmake;
}

/** Re-registers our font family (another module may have called pdfmake.setFonts). */
export function ensureFontFamily(pdfmake: PdfMakeNode): void {
  const family: Record<string, string> = {};
  for (const [style, file] of Object.entries(FILES)) family[style] = VFS_PREFIX + file;
  pdfmake.addFonts({ [FONT_FAMILY]: family });
}

function installFontSharing(): void {
  // pdfmake's PDFDocument subclass of pdfkit (package without an "exports" map: deep require is fine).
  const mod = req('pdfmake/js/PDFDocument') as { default: { prototype: Record<string, unknown> } };
  const proto = mod.default.prototype as {
    provideFont: (this: PdfmakeDoc, family: string, bold: boolean, italics: boolean) => EmbeddedFontLike;
    __loketShared?: boolean;
  };
  if (proto.__loketShared) return;
  const original = proto.provideFont;
  proto.provideFont = function (this: PdfmakeDoc, familyName: string, bold: boolean, italics: boolean) {
    if (!sharing || familyName !== FONT_FAMILY) return original.call(this, familyName, bold, italics);
    const type = this.getFontType(bold, italics);
    this.fontCache[familyName] = this.fontCache[familyName] || {};
    const have = this.fontCache[familyName][type];
    if (have) return have;
    const key = `${familyName}/${type}`;
    const s = shared.get(key);
    let ef: EmbeddedFontLike;
    if (!s) {
      ef = original.call(this, familyName, bold, italics);
      shared.set(key, { fk: ef.font, Ctor: ef.constructor as SharedFont['Ctor'], layoutCache: ef.layoutCache, docs: 1 });
    } else {
      // What pdfkit's font() does, minus the parse: a fresh EmbeddedFont (own subset) on the shared font.
      ef = new s.Ctor(this, s.fk, `F${++this._fontCount}`) as EmbeddedFontLike;
      if (s.layoutCache && ++s.docs > LAYOUT_CACHE_DOCS) {
        s.layoutCache = Object.create(null);
        s.docs = 1;
      }
      if (s.layoutCache) ef.layoutCache = s.layoutCache;
      this._fontFamilies[key] = ef;
      this.fontCache[familyName][type] = ef;
    }
    withBaseSubset(ef, key);
    return ef;
  };
  proto.__loketShared = true;
}

interface EmbeddedFontLike {
  font: unknown;
  layoutCache?: unknown;
  constructor: unknown;
  document: { ref(data?: object): PdfRefLike };
  subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Buffer };
  layout(text: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[] };
  scale: number;
  widths: number[];
  unicode: number[][];
  embed(): void;
}
interface PdfRefLike {
  data: Record<string, unknown>;
  compress: boolean;
}

// Every document embeds the same base subset (ASCII, the diacritics of Dutch, French, German and
// Turkish names, typographic quotes and dashes, €) in a fixed order, so a letter whose text stays
// within it embeds a font program identical to every other letter's: it is encoded and
// compressed once per process.
// Glyphs outside the base are appended in order of use, as pdfkit does; such subsets are cached
// too (bounded). The output depends only on the letter, never on what was rendered before.
// Price: about 15 KB more per letter (52 instead of 37 KB); in a combined batch every font
// program is written once (pdf-merge.ts), so a batch PDF is a third of what it was.
const BASE_TEXT = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'áàâäéèêëíìîïóòôöúùûüçñÁÀÂÄÉÈÊËÍÎÏÓÔÖÚÛÜÇÑşŞğĞıİ',
  ...'–—‘’‚“”„•…€§°½×',
  // the ligatures Roboto forms in running text
  'fi',
  'fl',
  'ff',
  'ffi',
  'ffl',
];
const MAX_CACHED_SUBSETS = 64;
const subsetCache = new Map<string, Buffer>();

interface BaseGlyph {
  id: number;
  width: number;
  codePoints: number[];
}
const baseGlyphs = new Map<string, BaseGlyph[]>();

function withBaseSubset(ef: EmbeddedFontLike, fontKey: string): void {
  let base = baseGlyphs.get(fontKey);
  if (!base) {
    base = [];
    for (const text of BASE_TEXT) {
      for (const g of ef.layout(text).glyphs) base.push({ id: g.id, width: g.advanceWidth * ef.scale, codePoints: g.codePoints });
    }
    baseGlyphs.set(fontKey, base);
  }
  // What pdfkit's encode() records for each glyph of the text it draws.
  for (const g of base) {
    const gid = ef.subset.includeGlyph(g.id);
    ef.widths[gid] ??= g.width;
    ef.unicode[gid] ??= g.codePoints;
  }
  const embed = ef.embed;
  ef.embed = function (this: EmbeddedFontLike) {
    const bytes = fontProgram(fontKey, this.subset);
    // embed() starts with the font file stream: hand it the compressed bytes, with the same
    // dictionary (Length, then Filter) pdfkit writes when it compresses itself.
    const doc = this.document;
    const ref = doc.ref;
    doc.ref = function (data?: object) {
      doc.ref = ref;
      const r = ref.call(doc, data);
      r.compress = false;
      r.data.Length = 0;
      r.data.Filter = 'FlateDecode';
      return r;
    };
    const encode = this.subset.encode;
    this.subset.encode = () => bytes;
    try {
      embed.call(this);
    } finally {
      doc.ref = ref;
      this.subset.encode = encode;
    }
  };
}
/** The subset's font program, encoded and compressed as pdfkit would, once per glyph list. */
function fontProgram(fontKey: string, subset: EmbeddedFontLike['subset']): Buffer {
  const key = `${fontKey}:${subset.glyphs.join(',')}`;
  let deflated = subsetCache.get(key);
  if (!deflated) {
    deflated = deflateSync(subset.encode()); // what pdfkit's PDFReference does for a stream
    if (subsetCache.size >= MAX_CACHED_SUBSETS) subsetCache.delete(subsetCache.keys().next().value!);
    subsetCache.set(key, deflated);
  }
  return deflated;
}

interface PdfmakeDoc {
  getFontType(bold: boolean, italics: boolean): string;
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFontLike>;
}
