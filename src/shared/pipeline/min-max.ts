import type { ImageHeader, RawFrame } from '../dicom/image-header';
import { modalityFunction } from './modality';
import { storedValueRange, storedValueReader } from './stored-value';

/**
 * The LINEAR window (PS3.3 C.11.2.1.2.1) whose borders are exactly min and max: c - 0.5 - (w-1)/2 = min and
 * c - 0.5 + (w-1)/2 = max, so min maps to 0 and max to 255. A flat range gives w = 1 (a threshold).
 */
export function minMaxWindow(min: number, max: number): { center: number; width: number } {
  return { center: (min + max) / 2 + 0.5, width: max - min + 1 };
}

/** Smallest and largest modality value present in a grayscale frame. */
export function frameModalityRange(header: ImageHeader, frame: RawFrame): { min: number; max: number } {
  const stored = storedValueReader(header.pixel);
  const modality = modalityFunction(header.modalityTransform);
  const count = Math.min(frame.data.length, header.pixel.rows * header.pixel.columns);
  let min = Infinity;
  let max = -Infinity;
  if (header.pixel.bitsAllocated <= 16) {
    // Mark which raw words occur, then map only those: 64 Ki work at most instead of one transform per pixel.
    const seen = new Uint8Array(2 ** Math.max(header.pixel.bitsAllocated, 1));
    for (let i = 0; i < count; i++) seen[frame.data[i] ?? 0] = 1;
    for (let raw = 0; raw < seen.length; raw++) {
      if (seen[raw] === 0) continue;
      const value = modality(stored(raw));
      if (value < min) min = value;
      if (value > max) max = value;
    }
  } else {
    for (let i = 0; i < count; i++) {
      const value = modality(stored(frame.data[i] ?? 0));
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/** Smallest and largest modality value the pixel format could produce (used when no window applies). */
export function formatModalityRange(header: ImageHeader): { min: number; max: number } {
  const transform = header.modalityTransform;
  if (transform.kind === 'lut') {
    let min = Infinity;
    let max = -Infinity;
    for (const entry of transform.lut.data) {
      if (entry < min) min = entry;
      if (entry > max) max = entry;
    }
    return min <= max ? { min, max } : { min: 0, max: 0 };
  }
  const range = storedValueRange(header.pixel);
  const a = range.min * transform.slope + transform.intercept;
  const b = range.max * transform.slope + transform.intercept;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}
