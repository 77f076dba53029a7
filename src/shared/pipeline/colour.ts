import type { LookupTable, PaletteColorLut, PixelFormat } from '../dicom/image-header';
import { lookUp } from './modality';
import { storedValueReader } from './stored-value';

/** Maps one raw colour sample word to 8 bits. */
export type SampleMapper = (raw: number) => number;

/** Colour samples of more than 8 bits keep their top 8 bits of BitsStored; 8 bits or fewer are kept as is. */
export function top8Mapper(pixel: PixelFormat): SampleMapper {
  const stored = storedValueReader({ ...pixel, pixelRepresentation: 0 });
  const shift = Math.max(pixel.bitsStored - 8, 0);
  return (raw) => stored(raw) >>> shift;
}

/** Tabulates a mapper over every raw word when samples are at most 16 bits (one lookup per sample). */
export function sampleTable(bitsAllocated: number, map: SampleMapper): Uint8Array | undefined {
  if (bitsAllocated > 16) return undefined;
  const table = new Uint8Array(2 ** Math.max(bitsAllocated, 1));
  for (let raw = 0; raw < table.length; raw++) table[raw] = map(raw);
  return table;
}

function clamp8(value: number): number {
  return value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
}

/**
 * YBR_FULL to RGB, PS3.3 C.7.6.3.1.2 (the inverse of the equations given there, 8-bit, chroma centred on 128):
 *   R = Y + 1.402 (Cr - 128);  G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128);  B = Y + 1.772 (Cb - 128).
 * JPEG 2000's irreversible colour transform (YBR_ICT) uses the same equations (ISO 15444-1 G.3).
 */
export function ybrFullToRgb(y: number, cb: number, cr: number, out: Uint8Array, at: number): void {
  const b = cb - 128;
  const r = cr - 128;
  out[at] = clamp8(y + 1.402 * r);
  out[at + 1] = clamp8(y - 0.344136 * b - 0.714136 * r);
  out[at + 2] = clamp8(y + 1.772 * b);
}

/**
 * Inverse reversible colour transform (YBR_RCT, ISO 15444-1 G.2, PS3.3 C.7.6.3.1.2), for a decoder that left
 * the components transformed: G = Y - floor((Cb + Cr) / 4), R = Cr + G, B = Cb + G, chroma centred on 128.
 */
export function ybrRctToRgb(y: number, cb: number, cr: number, out: Uint8Array, at: number): void {
  const b = cb - 128;
  const r = cr - 128;
  const g = y - Math.floor((b + r) / 4);
  out[at] = clamp8(r + g);
  out[at + 1] = clamp8(g);
  out[at + 2] = clamp8(b + g);
}

/** One palette channel as 8 bits: 16-bit entries keep their top 8 bits, 8-bit entries are used as is. */
function paletteChannel(lut: LookupTable): (index: number) => number {
  const shift = lut.bitsPerEntry > 8 ? lut.bitsPerEntry - 8 : 0;
  return (index) => (lookUp(lut, index) >>> shift) & 0xff;
}

/**
 * PALETTE COLOR (PS3.3 C.7.6.3.1.5, C.7.6.3.1.6): the stored value indexes the three tables from the first
 * mapped value on; values below it take the first entry, values past the end the last entry.
 */
export function paletteMapper(
  pixel: PixelFormat,
  palette: PaletteColorLut,
): (raw: number, out: Uint8Array, at: number) => void {
  const stored = storedValueReader(pixel);
  const red = paletteChannel(palette.red);
  const green = paletteChannel(palette.green);
  const blue = paletteChannel(palette.blue);
  return (raw, out, at) => {
    const index = stored(raw);
    out[at] = red(index);
    out[at + 1] = green(index);
    out[at + 2] = blue(index);
  };
}

/** The palette as three tables over every raw word (BitsAllocated <= 16). */
export function paletteTables(
  pixel: PixelFormat,
  palette: PaletteColorLut,
): { red: Uint8Array; green: Uint8Array; blue: Uint8Array } {
  const size = 2 ** Math.max(pixel.bitsAllocated, 1);
  const map = paletteMapper(pixel, palette);
  const rgb = new Uint8Array(3);
  const red = new Uint8Array(size);
  const green = new Uint8Array(size);
  const blue = new Uint8Array(size);
  for (let raw = 0; raw < size; raw++) {
    map(raw, rgb, 0);
    red[raw] = rgb[0] ?? 0;
    green[raw] = rgb[1] ?? 0;
    blue[raw] = rgb[2] ?? 0;
  }
  return { red, green, blue };
}
