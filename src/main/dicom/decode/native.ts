import type { PixelFormat, RawFrame } from '../../../shared/dicom/image-header';
import { DicomDecodeError } from '../errors';

/** Where a frame's bytes are found in native (uncompressed) Pixel Data. */
export interface NativePixelData {
  /** the Pixel Data value (may be shorter than needed when the file is truncated: checked at read time) */
  bytes: Uint8Array;
  bigEndian: boolean;
  /** VR of Pixel Data: OW data in Big Endian is byte-swapped per 16-bit word even for 8-bit samples */
  vr: string;
}

/** Samples stored per frame: YBR_FULL_422 keeps 2 samples per pixel (PS3.3 C.7.6.3.1.2). */
export function storedSamplesPerFrame(pixel: PixelFormat): number {
  const pixels = pixel.rows * pixel.columns;
  return pixel.photometric === 'YBR_FULL_422' && pixel.samplesPerPixel === 3
    ? pixels * 2
    : pixels * pixel.samplesPerPixel;
}

/** Bytes one native frame occupies; 1-bit frames are packed and need not end on a byte boundary. */
export function nativeFrameBits(pixel: PixelFormat): number {
  return storedSamplesPerFrame(pixel) * pixel.bitsAllocated;
}

/** Bytes the whole native Pixel Data needs (PS3.5 8.1.1; 1-bit frames are packed back to back). */
export function nativePixelDataBytes(pixel: PixelFormat): number {
  return Math.ceil((nativeFrameBits(pixel) * pixel.numberOfFrames) / 8);
}

/** A fresh, aligned copy (Buffer#slice would return a view into the caller's bytes). */
export function copyBytes(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  const out = new Uint8Array(end - start);
  out.set(bytes.subarray(start, end));
  return out;
}

/** 1-bit samples, least significant bit first (PS3.5 8.1.1 and Annex D), from any bit offset. */
export function unpackBits(bytes: Uint8Array, firstBit: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = firstBit + i;
    out[i] = ((bytes[bit >> 3] ?? 0) >> (bit & 7)) & 1;
  }
  return out;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const a = bytes[i] as number;
    bytes[i] = bytes[i + 1] as number;
    bytes[i + 1] = a;
  }
  return bytes;
}

function swapQuads(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const [a, b, c, d] = [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]] as number[];
    bytes[i] = d as number;
    bytes[i + 1] = c as number;
    bytes[i + 2] = b as number;
    bytes[i + 3] = a as number;
  }
  return bytes;
}

/** Planar configuration 1 (RRR..GGG..BBB, PS3.3 C.7.6.3.1.3) to pixel-interleaved. */
export function interleavePlanes<T extends Uint8Array | Uint16Array | Uint32Array>(
  planar: T,
  pixels: number,
): T {
  const out = new (planar.constructor as new (n: number) => T)(planar.length);
  for (let i = 0; i < pixels; i++) {
    out[3 * i] = planar[i] as number;
    out[3 * i + 1] = planar[pixels + i] as number;
    out[3 * i + 2] = planar[2 * pixels + i] as number;
  }
  return out;
}

/** YBR_FULL_422 native samples (Y1 Y2 Cb Cr per pixel pair) to full-resolution YBR_FULL. */
function upsample422(stored: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let pair = 0; 2 * pair < pixels; pair++) {
    const [y1, y2, cb, cr] = [
      stored[4 * pair],
      stored[4 * pair + 1],
      stored[4 * pair + 2],
      stored[4 * pair + 3],
    ] as number[];
    out.set([y1 as number, cb as number, cr as number], 6 * pair);
    if (2 * pair + 1 < pixels) out.set([y2 as number, cb as number, cr as number], 6 * pair + 3);
  }
  return out;
}

/**
 * The frame's samples without a copy, when the stored bytes can be used as they are: no byte swap
 * needed and, for 16/32-bit samples, an aligned offset (typed-array views need it).
 */
function borrowedSamples(
  bytes: Uint8Array,
  needsSwap: boolean,
  bitsAllocated: number,
): Uint8Array | Uint16Array | Uint32Array | undefined {
  if (needsSwap) return undefined;
  // A plain Uint8Array view even when `bytes` is a Buffer, whose slice() and constructor differ.
  if (bitsAllocated === 8) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  if (bitsAllocated !== 16 && bitsAllocated !== 32) return undefined;
  const width = bitsAllocated / 8;
  if (bytes.byteOffset % width !== 0) return undefined;
  const count = bytes.length / width;
  return width === 2
    ? new Uint16Array(bytes.buffer, bytes.byteOffset, count)
    : new Uint32Array(bytes.buffer, bytes.byteOffset, count);
}

function ownedSamples(
  bytes: Uint8Array,
  bigEndian: boolean,
  vr: string,
  bitsAllocated: number,
): Uint8Array | Uint16Array | Uint32Array {
  const copy = copyBytes(bytes);
  if (bitsAllocated === 8) return bigEndian && vr === 'OW' ? swapPairs(copy) : copy;
  if (bitsAllocated === 16) return new Uint16Array((bigEndian ? swapPairs(copy) : copy).buffer);
  return new Uint32Array((bigEndian ? swapQuads(copy) : copy).buffer);
}

/**
 * Frame `index` of native Pixel Data as a RawFrame: host byte order, pixel-interleaved, one element
 * per sample (PS3.5 8.1.1 and 8.2.1 for byte order, PS3.3 C.7.6.3.1.3 for planar configuration).
 * The samples are a fresh copy unless `borrow` is set: then, when no byte swap is needed, they view
 * `source.bytes` directly (no 0.5 MB copy per CT slice), so the caller must not modify them and must
 * keep the source bytes unchanged while it uses the frame.
 */
export function decodeNativeFrame(
  source: NativePixelData,
  pixel: PixelFormat,
  index: number,
  borrow = false,
): RawFrame {
  const samples = storedSamplesPerFrame(pixel);
  const pixels = pixel.rows * pixel.columns;
  const frameBits = nativeFrameBits(pixel);
  const start = (frameBits * index) / 8;
  const end = start + frameBits / 8;
  if (Math.ceil(end) > source.bytes.length) {
    throw new DicomDecodeError(
      `frame ${index + 1} needs ${Math.ceil(end)} bytes of Pixel Data, ${source.bytes.length} present: the file is truncated`,
    );
  }
  if (pixel.bitsAllocated === 1) {
    return { data: unpackBits(source.bytes, frameBits * index, samples), photometric: pixel.photometric };
  }
  const stored = source.bytes.subarray(start, end);
  // OW Big Endian swaps 8-bit samples in pairs too (PS3.5 A.3), so it never borrows.
  const swaps = source.bigEndian && (pixel.bitsAllocated > 8 || source.vr === 'OW');
  let data =
    (borrow ? borrowedSamples(stored, swaps, pixel.bitsAllocated) : undefined) ??
    ownedSamples(stored, source.bigEndian, source.vr, pixel.bitsAllocated);
  if (pixel.photometric === 'YBR_FULL_422' && pixel.samplesPerPixel === 3 && data instanceof Uint8Array) {
    return { data: upsample422(data, pixels), photometric: 'YBR_FULL' };
  }
  if (pixel.samplesPerPixel === 3 && pixel.planarConfiguration === 1) data = interleavePlanes(data, pixels);
  return { data, photometric: pixel.photometric };
}
