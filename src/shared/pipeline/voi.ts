import type { LookupTable, VoiFunction } from '../dicom/image-header';
import { lookUp } from './modality';

/**
 * VOI functions with an output range of 0..255 (y_min = 0, y_max = 255). They return the exact real value;
 * `toGray` turns it into the 8-bit level.
 */
export const GRAY_MAX = 255;

/**
 * VOI LUT Function LINEAR, PS3.3 C.11.2.1.2.1:
 *   x <= c - 0.5 - (w-1)/2  -> y_min
 *   x >  c - 0.5 + (w-1)/2  -> y_max
 *   else y = ((x - (c - 0.5)) / (w-1) + 0.5) * (y_max - y_min) + y_min
 * Width must be >= 1; with w = 1 the middle band is empty and the window is a threshold at c - 0.5.
 */
export function voiLinear(x: number, center: number, width: number): number {
  const halfSpan = (width - 1) / 2;
  const base = center - 0.5;
  if (x <= base - halfSpan) return 0;
  if (x > base + halfSpan) return GRAY_MAX;
  return ((x - base) / (width - 1) + 0.5) * GRAY_MAX;
}

/**
 * VOI LUT Function LINEAR_EXACT, PS3.3 C.11.2.1.3.2:
 *   x <= c - w/2 -> y_min;  x > c + w/2 -> y_max;  else y = ((x - c) / w + 0.5) * (y_max - y_min) + y_min.
 * Width must be > 0.
 */
export function voiLinearExact(x: number, center: number, width: number): number {
  if (x <= center - width / 2) return 0;
  if (x > center + width / 2) return GRAY_MAX;
  return ((x - center) / width + 0.5) * GRAY_MAX;
}

/**
 * VOI LUT Function SIGMOID, PS3.3 C.11.2.1.3.1:  y = (y_max - y_min) / (1 + exp(-4 (x - c) / w)) + y_min.
 * Width must be > 0.
 */
export function voiSigmoid(x: number, center: number, width: number): number {
  return GRAY_MAX / (1 + Math.exp((-4 * (x - center)) / width));
}

/** The VOI function named by VOI LUT Function (0028,1056). */
export function voiWindowFunction(fn: VoiFunction): (x: number, center: number, width: number) => number {
  switch (fn) {
    case 'LINEAR':
      return voiLinear;
    case 'LINEAR_EXACT':
      return voiLinearExact;
    case 'SIGMOID':
      return voiSigmoid;
  }
}

/** Smallest width each function accepts: LINEAR needs w >= 1 (C.11.2.1.2.1), the others w > 0. */
export function isValidWidth(fn: VoiFunction, width: number): boolean {
  if (!Number.isFinite(width)) return false;
  return fn === 'LINEAR' ? width >= 1 : width > 0;
}

/**
 * A VOI LUT (PS3.3 C.11.2.1.1) scaled to 0..255. Its entries span 0 .. 2^bitsPerEntry - 1; when a table holds
 * entries larger than its descriptor allows (a known writer error) the range of the largest entry is used, so
 * the output never overflows.
 */
export function voiLutFunction(lut: LookupTable): (x: number) => number {
  let largest = 0;
  for (const entry of lut.data) if (entry > largest) largest = entry;
  let bits = Math.min(Math.max(lut.bitsPerEntry, 1), 16);
  while (largest > 2 ** bits - 1 && bits < 32) bits += 1;
  const scale = GRAY_MAX / (2 ** bits - 1);
  return (x) => Math.min(Math.max(lookUp(lut, x) * scale, 0), GRAY_MAX);
}

/**
 * Values within a few ulps below a whole level count as that level, so an output that is mathematically
 * exactly a level (e.g. 85.0) is not truncated to the level below by floating-point error. Kept far smaller
 * than any real distance (a SIGMOID tail 1e-11 below 255 still truncates to 254, as in DCMTK).
 */
const LEVEL_EPSILON = 1e-12;

/**
 * Rounding of the real VOI output to an 8-bit level: truncation toward zero (floor, the value is never
 * negative). This is what DCMTK's dcm2pnm does; measured identical on every pixel of a CT slice for
 * W400/L50, W401/L50 and W77.7/L40.3 (a rounding-to-nearest variant differed by one level on ~24% of pixels).
 */
export function toGray(y: number): number {
  // MONOCHROME1 is inverted on the real value before this truncation (see gray.ts), as DCMTK does.
  if (!(y > 0)) return 0;
  if (y >= GRAY_MAX) return GRAY_MAX;
  return Math.floor(y + LEVEL_EPSILON);
}
