import type { PixelFormat } from '../dicom/image-header';

/** Turns one raw sample word into the stored value it holds. */
export type StoredValueReader = (raw: number) => number;

/**
 * Extracts the stored value from a raw sample word (PS3.5 8.1.1): the BitsStored bits that end at HighBit,
 * bits outside them ignored (some writers leave garbage or overlay bits there), then two's-complement
 * sign extension when PixelRepresentation is 1 (PS3.3 C.7.6.3.1).
 */
export function storedValueReader(pixel: PixelFormat): StoredValueReader {
  const bitsStored = Math.min(Math.max(pixel.bitsStored, 1), 32);
  const shift = Math.max(pixel.highBit + 1 - bitsStored, 0);
  const range = 2 ** bitsStored;
  const signBit = 2 ** (bitsStored - 1);
  const signed = pixel.pixelRepresentation === 1;
  if (bitsStored === 32) {
    return signed ? (raw) => (raw >>> shift) | 0 : (raw) => raw >>> shift;
  }
  const mask = range - 1;
  if (!signed) return (raw) => (raw >>> shift) & mask;
  return (raw) => {
    const value = (raw >>> shift) & mask;
    return value >= signBit ? value - range : value;
  };
}

/** The smallest and largest stored value the pixel format can hold. */
export function storedValueRange(pixel: PixelFormat): { min: number; max: number } {
  const bitsStored = Math.min(Math.max(pixel.bitsStored, 1), 32);
  if (pixel.pixelRepresentation === 1)
    return { min: -(2 ** (bitsStored - 1)), max: 2 ** (bitsStored - 1) - 1 };
  return { min: 0, max: 2 ** bitsStored - 1 };
}
