import type { RgbImage } from '../pipeline/types';
import type { MaskRegion, Rgb } from './model';

/**
 * The outline of a mask region, `thickness` pixels wide, lying OUTSIDE it so the region's own pixels stay
 * visible: every pixel not in the region whose Chebyshev distance to a region pixel is at most `thickness`
 * (a dilation by a (2t+1) x (2t+1) square, minus the region). Returned as a window of the image's grid
 * `thickness` wider than the region on each side; 1 marks an outline pixel.
 */
export function regionOutline(region: MaskRegion, thickness: number): MaskRegion {
  const t = Math.max(1, Math.round(thickness));
  const width = region.width + 2 * t;
  const height = region.height + 2 * t;
  // Separable dilation: a square is the product of a horizontal and a vertical segment.
  const horizontal = new Uint8Array(width * height);
  for (let y = 0; y < region.height; y++) {
    const row = (y + t) * width;
    for (let x = 0; x < region.width; x++) {
      if (region.bits[y * region.width + x] === 0) continue;
      horizontal.fill(1, row + x, row + x + 2 * t + 1);
    }
  }
  const dilated = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (horizontal[y * width + x] === 0) continue;
      for (let yy = Math.max(0, y - t); yy <= Math.min(height - 1, y + t); yy++) dilated[yy * width + x] = 1;
    }
  }
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      if (region.bits[y * region.width + x] !== 0) dilated[(y + t) * width + x + t] = 0;
    }
  }
  return { x: region.x - t, y: region.y - t, width, height, bits: dilated };
}

/** Paints a region's outside outline in `color`, clipped to the image. */
export function drawRegionOutline(image: RgbImage, region: MaskRegion, thickness: number, color: Rgb): void {
  const outline = regionOutline(region, thickness);
  const [r, g, b] = color;
  const data = image.data;
  for (let y = 0; y < outline.height; y++) {
    const iy = outline.y + y;
    if (iy < 0 || iy >= image.rows) continue;
    for (let x = 0; x < outline.width; x++) {
      const ix = outline.x + x;
      if (ix < 0 || ix >= image.columns || outline.bits[y * outline.width + x] === 0) continue;
      const o = (iy * image.columns + ix) * 3;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
    }
  }
}
