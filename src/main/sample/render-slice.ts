import type { Ellipse } from './anatomy';
import { FIELD_OF_VIEW_MM } from './anatomy';

/** Pixel-centre coordinate (mm) of column or row `i` in a size x size image centred on the isocentre. */
export function pixelToMm(i: number, size: number): number {
  return -FIELD_OF_VIEW_MM / 2 + ((i + 0.5) * FIELD_OF_VIEW_MM) / size;
}

/** Inclusive pixel range covered by [centre - radius, centre + radius] mm, clipped to the image. */
export function pixelRange(centre: number, radius: number, size: number): [number, number] {
  const scale = size / FIELD_OF_VIEW_MM;
  const from = Math.max(0, Math.ceil((centre - radius + FIELD_OF_VIEW_MM / 2) * scale - 0.5));
  const to = Math.min(size - 1, Math.floor((centre + radius + FIELD_OF_VIEW_MM / 2) * scale - 0.5));
  return [from, to];
}

/** Paints ellipses over air (-1000 HU), each over its bounding box only (no per-shape full-image pass). */
export function paintHu(shapes: readonly Ellipse[], size: number): Float32Array {
  const hu = new Float32Array(size * size).fill(-1000);
  const mm = Float64Array.from({ length: size }, (_, i) => pixelToMm(i, size));
  for (const s of shapes) {
    const [y0, y1] = pixelRange(s.cy, s.ry, size);
    const [x0, x1] = pixelRange(s.cx, s.rx, size);
    for (let y = y0; y <= y1; y++) {
      const dy = ((mm[y] ?? 0) - s.cy) / s.ry;
      const row = y * size;
      for (let x = x0; x <= x1; x++) {
        const dx = ((mm[x] ?? 0) - s.cx) / s.rx;
        if (dx * dx + dy * dy <= 1) hu[row + x] = s.hu;
      }
    }
  }
  return hu;
}

/**
 * Stored values for BitsStored 12, unsigned, RescaleIntercept -1024 (PS3.3 C.11.1): stored = HU + 1024,
 * clamped to 0..4095, as little-endian 16-bit words.
 */
export function storedWords(hu: Float32Array, noise: Float32Array): Uint8Array {
  const words = new Uint16Array(hu.length);
  for (let i = 0; i < hu.length; i++) {
    // +0.5 then truncation rounds, as every clamped value is non-negative
    const value = (hu[i] ?? 0) + (noise[i] ?? 0) + 1024.5;
    words[i] = value < 0 ? 0 : value >= 4095 ? 4095 : value | 0;
  }
  const bytes = Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  // PS3.5 7.3: the data set is little endian whatever the host.
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) bytes.swap16();
  return bytes;
}
