/**
 * Gray levels to RGB triplets through a lookup table: the converter's hottest loop (a 512 x 512 slice is
 * 262 144 lookups and 786 432 output bytes). Loops are written per typed-array kind so each stays
 * monomorphic, and on little-endian hosts four pixels (12 bytes) are stored as three 32-bit words.
 */

/** Samples a gray table can index: the raw words of BitsAllocated 8 or 16. */
type LutSamples = Uint8Array | Uint16Array;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Byte by byte: the reference, and the tail of the word loop. */
function bytewise(lut: Uint8Array, data: LutSamples, from: number, pixels: number, out: Uint8Array): void {
  for (let i = from, o = from * 3; i < pixels; i++, o += 3) {
    const gray = lut[data[i] as number] as number;
    out[o] = gray;
    out[o + 1] = gray;
    out[o + 2] = gray;
  }
}

/**
 * Pixels g0..g3 as the little-endian words [g0 g0 g0 g1] [g1 g1 g2 g2] [g2 g3 g3 g3]: one store per
 * 4 bytes instead of one per byte, about twice as fast.
 */
function wordwise(lut: Uint8Array, data: LutSamples, pixels: number, out: Uint8Array): number {
  const quads = pixels >> 2;
  const done = quads * 4; // before the loop: see grayLutToRgb
  const words = new Uint32Array(out.buffer, out.byteOffset, quads * 3);
  for (let q = 0, i = 0, w = 0; q < quads; q++, i += 4, w += 3) {
    const g0 = lut[data[i] as number] as number;
    const g1 = lut[data[i + 1] as number] as number;
    const g2 = lut[data[i + 2] as number] as number;
    const g3 = lut[data[i + 3] as number] as number;
    words[w] = (g0 * 0x010101) | (g1 << 24);
    words[w + 1] = (g1 * 0x0101) | (g2 * 0x01010000);
    words[w + 2] = g2 | (g3 * 0x01010100);
  }
  return done;
}

/**
 * Writes `lut[data[i]]` as the gray triplet of pixel i, for i < pixels. The table must cover every
 * value `data` can hold (256 entries for Uint8Array, 65 536 for Uint16Array); the caller checks it.
 */
export function grayLutToRgb(lut: Uint8Array, data: LutSamples, pixels: number, out: Uint8Array): void {
  // Nothing runs after wordwise's loop but `return`: V8 compiles that function on-stack mid-loop, and
  // code after the loop that had never run (no type feedback) made the compiled code bail out at the
  // loop's end on every file, queueing another compilation each time (~55 per worker per 100 files).
  const done = LITTLE_ENDIAN_HOST && out.byteOffset % 4 === 0 ? wordwise(lut, data, pixels, out) : 0;
  bytewise(lut, data, done, pixels, out);
}

/** Whether `lut` covers every value of `data`'s element type, so no lookup can fall outside it. */
export function lutCoversSamples(lut: Uint8Array, data: ArrayLike<number>): data is LutSamples {
  if (data instanceof Uint16Array) return lut.length >= 0x10000;
  if (data instanceof Uint8Array) return lut.length >= 0x100;
  return false;
}
