/**
 * The glyphs a burned-in label is drawn with, the same in the viewer and the export (both draw through
 * draw.ts). A label of printable ASCII keeps the project's 5x7 font; a label with any other character
 * is drawn wholly in GNU Unifont's 8x16 / 16x16 bitmaps (unifont-glyphs.generated.ts: the scripts and
 * character sets listed there), at half the ASCII scale so both are about as tall. Letters are drawn
 * one after another as their code points come: Arabic and Hebrew are not shaped or reordered, and
 * combining marks get cells of their own. A character neither font has is drawn as a hollow box and
 * reported (missingGlyphs), never silently.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './bitmap-font';
import {
  UNIFONT_BITMAPS,
  UNIFONT_CODES,
  UNIFONT_GLYPH_COUNT,
  UNIFONT_WIDE,
} from './unifont-glyphs.generated';

export type LabelFont = 'ascii' | 'unifont';

/** One glyph: `rows` top to bottom, bit (width - 1 - column) set where the pixel is drawn. */
export interface Glyph {
  width: number;
  height: number;
  rows: readonly number[];
}

const UNIFONT_HEIGHT = 16;

function isPrintableAscii(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code <= 0x7e;
}

/** The font a label is drawn in: ASCII's own when every character is printable ASCII. */
export function labelFont(text: string): LabelFont {
  return Array.from(text).every(isPrintableAscii) ? 'ascii' : 'unifont';
}

/** Pixels per font pixel: Unifont's 16 rows at half the scale of the 7-row ASCII font (at least 1). */
export function fontScale(font: LabelFont, scale: number): number {
  return font === 'ascii' ? scale : Math.max(1, Math.round(scale / 2));
}

function base64Bytes(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const values = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    bits = (bits << 6) | (values[clean.charCodeAt(i)] as number);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

interface UnifontTable {
  codes: Uint16Array;
  offsets: Uint32Array;
  wide: Uint8Array;
  bitmaps: Uint8Array;
}

let table: UnifontTable | undefined;

/** The generated table, decoded on first use (a label beyond ASCII). */
function unifont(): UnifontTable {
  if (table) return table;
  const codeBytes = base64Bytes(UNIFONT_CODES);
  const codes = new Uint16Array(UNIFONT_GLYPH_COUNT);
  for (let i = 0; i < codes.length; i++)
    codes[i] = (codeBytes[2 * i] as number) | ((codeBytes[2 * i + 1] as number) << 8);
  const wide = base64Bytes(UNIFONT_WIDE);
  const offsets = new Uint32Array(UNIFONT_GLYPH_COUNT + 1);
  for (let i = 0; i < codes.length; i++) {
    const isWide = ((wide[i >> 3] as number) >> (i & 7)) & 1;
    offsets[i + 1] = (offsets[i] as number) + (isWide ? 32 : 16);
  }
  table = { codes, offsets, wide, bitmaps: base64Bytes(UNIFONT_BITMAPS) };
  return table;
}

function unifontIndex(code: number): number {
  const { codes } = unifont();
  let low = 0;
  let high = codes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = codes[mid] as number;
    if (at === code) return mid;
    if (at < code) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Unifont's glyph of a character, or undefined when the table lacks it. */
function unifontGlyph(char: string): Glyph | undefined {
  const index = unifontIndex(char.codePointAt(0) ?? -1);
  if (index < 0) return undefined;
  const { offsets, bitmaps } = unifont();
  const start = offsets[index] as number;
  const bytesPerRow = ((offsets[index + 1] as number) - start) / UNIFONT_HEIGHT;
  const rows: number[] = [];
  for (let row = 0; row < UNIFONT_HEIGHT; row++) {
    const at = start + row * bytesPerRow;
    rows.push(
      bytesPerRow === 2
        ? ((bitmaps[at] as number) << 8) | (bitmaps[at + 1] as number)
        : (bitmaps[at] as number),
    );
  }
  return { width: bytesPerRow * 8, height: UNIFONT_HEIGHT, rows };
}

/** A hollow box of a font's size: what a character no glyph covers is drawn as (and reported). */
function missingBox(font: LabelFont): Glyph {
  if (font === 'ascii') return { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, rows: glyphRows('\u0000') };
  const rows = Array.from({ length: UNIFONT_HEIGHT }, (_, row) =>
    row === 2 || row === 13 ? 0x7e : row > 2 && row < 13 ? 0x42 : 0,
  );
  return { width: 8, height: UNIFONT_HEIGHT, rows };
}

/**
 * Glyphs already decoded, by font and character: every label and notice of a run asks for the same few
 * again on every image (a glyph's rows were parsed from hex each time). Bounded; glyphs are never changed.
 */
const decoded = new Map<string, Glyph>();
const DECODED_KEPT = 4096;

/** The glyph of one character in `font`. */
export function glyph(char: string, font: LabelFont): Glyph {
  const key = font === 'ascii' ? `a${char}` : `u${char}`;
  const known = decoded.get(key);
  if (known !== undefined) return known;
  const found = decodeGlyph(char, font);
  if (decoded.size >= DECODED_KEPT) decoded.clear();
  decoded.set(key, found);
  return found;
}

function decodeGlyph(char: string, font: LabelFont): Glyph {
  if (font === 'ascii') {
    return isPrintableAscii(char)
      ? { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, rows: glyphRows(char) }
      : missingBox(font);
  }
  return unifontGlyph(char) ?? missingBox(font);
}

/** Font rows of a label's strip, padding included. */
export function fontHeight(font: LabelFont): number {
  return font === 'ascii' ? GLYPH_HEIGHT : UNIFONT_HEIGHT;
}

/** How far the pen moves after a glyph, in font pixels (ASCII glyphs get a column of space). */
export function advance(g: Glyph, font: LabelFont): number {
  return font === 'ascii' ? g.width + 1 : g.width;
}

/** The characters of `text` that no glyph covers, each once, in order (drawn as hollow boxes). */
export function missingGlyphs(text: string): string[] {
  const font = labelFont(text);
  if (font === 'ascii') return [];
  return [...new Set(Array.from(text).filter((char) => unifontGlyph(char) === undefined))];
}

/** "U+1F600 😀" for messages. */
export function describeCharacter(char: string): string {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} ${char}`;
}
