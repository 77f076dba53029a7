import type { ImageHeader, RawFrame } from '../dicom/image-header';
import { paletteMapper, paletteTables, sampleTable, top8Mapper, ybrFullToRgb, ybrRctToRgb } from './colour';
import { grayMapper } from './gray';
import { grayLutToRgb, lutCoversSamples } from './gray-rgb';
import { cachedGrayLut } from './gray-lut-cache';
import type { ResolvedVoi, RgbImage } from './types';

type Samples = RawFrame['data'];

function outputBuffer(pixels: number, out: Uint8Array | undefined): Uint8Array {
  if (!out) return new Uint8Array(pixels * 3);
  if (out.length !== pixels * 3) {
    throw new RangeError(
      `Output buffer holds ${out.length} bytes; rows x columns x 3 = ${pixels * 3} are needed.`,
    );
  }
  return out;
}

function checkLength(data: Samples, needed: number, photometric: string): void {
  if (data.length < needed) {
    throw new RangeError(
      `Decoded ${photometric} frame has ${data.length} samples where ${needed} were expected; the pixel data is short or corrupt.`,
    );
  }
}

function renderGray(
  header: ImageHeader,
  data: Samples,
  voi: ResolvedVoi,
  pixels: number,
  out: Uint8Array,
): void {
  if (header.pixel.bitsAllocated <= 16) {
    const lut = cachedGrayLut(header, voi);
    if (lutCoversSamples(lut, data)) {
      grayLutToRgb(lut, data, pixels, out);
      return;
    }
    for (let i = 0, o = 0; i < pixels; i++, o += 3) {
      const gray = lut[data[i] ?? 0] ?? 0;
      out[o] = gray;
      out[o + 1] = gray;
      out[o + 2] = gray;
    }
    return;
  }
  const map = grayMapper(header, voi);
  for (let i = 0, o = 0; i < pixels; i++, o += 3) {
    const gray = map(data[i] ?? 0);
    out[o] = gray;
    out[o + 1] = gray;
    out[o + 2] = gray;
  }
}

/** Every sample reduced to its top 8 bits (PS3.3 C.7.6.3.1: more than 8 bits keep the most significant 8). */
function samplesTo8(header: ImageHeader, data: Samples, count: number): Uint8Array {
  if (header.pixel.bitsAllocated === 8 && header.pixel.bitsStored === 8 && data instanceof Uint8Array) {
    return data;
  }
  const map = top8Mapper(header.pixel);
  const table = sampleTable(header.pixel.bitsAllocated, map);
  const bytes = new Uint8Array(count);
  if (table) for (let i = 0; i < count; i++) bytes[i] = table[data[i] ?? 0] ?? 0;
  else for (let i = 0; i < count; i++) bytes[i] = map(data[i] ?? 0);
  return bytes;
}

type YbrToRgb = (y: number, cb: number, cr: number, out: Uint8Array, at: number) => void;

function convertYbr(bytes: Uint8Array, pixels: number, out: Uint8Array, convert: YbrToRgb): void {
  for (let i = 0, o = 0; i < pixels; i++, o += 3)
    convert(bytes[o] ?? 0, bytes[o + 1] ?? 0, bytes[o + 2] ?? 0, out, o);
}

/**
 * YBR_FULL_422 as stored natively (PS3.3 C.7.6.3.1.2): per pair of pixels Y1 Y2 Cb Cr, chroma shared by the
 * pair. Decoders of compressed data usually hand over full-resolution YBR_FULL instead.
 */
function convertYbr422(bytes: Uint8Array, header: ImageHeader, out: Uint8Array): void {
  const { rows, columns } = header.pixel;
  let s = 0;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < columns; col += 2) {
      const y1 = bytes[s] ?? 0;
      const y2 = bytes[s + 1] ?? 0;
      const cb = bytes[s + 2] ?? 0;
      const cr = bytes[s + 3] ?? 0;
      s += 4;
      const o = (row * columns + col) * 3;
      ybrFullToRgb(y1, cb, cr, out, o);
      if (col + 1 < columns) ybrFullToRgb(y2, cb, cr, out, o + 3);
    }
  }
}

function renderPalette(header: ImageHeader, data: Samples, pixels: number, out: Uint8Array): void {
  const palette = header.palette;
  if (!palette)
    throw new Error('PALETTE COLOR image has no Palette Color Lookup Tables; the file is incomplete.');
  if (header.pixel.bitsAllocated <= 16) {
    const { red, green, blue } = paletteTables(header.pixel, palette);
    for (let i = 0, o = 0; i < pixels; i++, o += 3) {
      const raw = data[i] ?? 0;
      out[o] = red[raw] ?? 0;
      out[o + 1] = green[raw] ?? 0;
      out[o + 2] = blue[raw] ?? 0;
    }
    return;
  }
  const map = paletteMapper(header.pixel, palette);
  for (let i = 0; i < pixels; i++) map(data[i] ?? 0, out, i * 3);
}

/**
 * Renders one decoded frame to 8-bit RGB: grayscale through the pixel pipeline with `voi`, colour converted
 * to RGB without windowing. The frame's own photometric (what the decoder produced) decides the colour
 * conversion. Throws a RangeError/Error with the reason when the frame cannot be rendered.
 */
export function renderFrame(
  header: ImageHeader,
  frame: RawFrame,
  voi: ResolvedVoi,
  out?: Uint8Array,
): RgbImage {
  const { rows, columns } = header.pixel;
  const pixels = rows * columns;
  const data = frame.data;
  const target = outputBuffer(pixels, out);
  const photometric = frame.photometric.trim().toUpperCase();
  switch (photometric) {
    case 'MONOCHROME1':
    case 'MONOCHROME2':
      checkLength(data, pixels, photometric);
      renderGray(header, data, voi, pixels, target);
      break;
    case 'PALETTE COLOR':
      checkLength(data, pixels, photometric);
      renderPalette(header, data, pixels, target);
      break;
    case 'RGB':
      checkLength(data, pixels * 3, photometric);
      target.set(samplesTo8(header, data, pixels * 3).subarray(0, pixels * 3));
      break;
    case 'YBR_FULL':
    case 'YBR_ICT':
      checkLength(data, pixels * 3, photometric);
      convertYbr(samplesTo8(header, data, pixels * 3), pixels, target, ybrFullToRgb);
      break;
    case 'YBR_RCT':
      checkLength(data, pixels * 3, photometric);
      convertYbr(samplesTo8(header, data, pixels * 3), pixels, target, ybrRctToRgb);
      break;
    case 'YBR_FULL_422': {
      if (data.length >= pixels * 3) {
        convertYbr(samplesTo8(header, data, pixels * 3), pixels, target, ybrFullToRgb);
        break;
      }
      const subsampled = rows * Math.ceil(columns / 2) * 4;
      checkLength(data, subsampled, photometric);
      convertYbr422(samplesTo8(header, data, subsampled), header, target);
      break;
    }
    default:
      throw new Error(
        `Photometric Interpretation "${frame.photometric}" cannot be rendered; supported: MONOCHROME1, MONOCHROME2, RGB, YBR_FULL, YBR_FULL_422, YBR_RCT, YBR_ICT, PALETTE COLOR.`,
      );
  }
  return { rows, columns, data: target };
}

/** RGB to RGBA with opaque alpha, for a canvas ImageData. */
export function rgbToRgba(rgb: RgbImage, out?: Uint8ClampedArray): Uint8ClampedArray {
  const pixels = rgb.rows * rgb.columns;
  const rgba = out ?? new Uint8ClampedArray(pixels * 4);
  if (rgba.length !== pixels * 4) {
    throw new RangeError(
      `RGBA buffer holds ${rgba.length} bytes; rows x columns x 4 = ${pixels * 4} are needed.`,
    );
  }
  const src = rgb.data;
  for (let i = 0, s = 0, d = 0; i < pixels; i++, s += 3, d += 4) {
    rgba[d] = src[s] ?? 0;
    rgba[d + 1] = src[s + 1] ?? 0;
    rgba[d + 2] = src[s + 2] ?? 0;
    rgba[d + 3] = 255;
  }
  return rgba;
}
