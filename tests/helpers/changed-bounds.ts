/** Where two pictures of the same size differ: the bounding box of the changed pixels, for the notice tests. */
export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The smallest rectangle (inclusive pixel corners) holding every pixel whose samples differ between `a`
 * and `b`, or undefined when none does. `channels` samples a pixel (3 for RGB, 4 for RGBA, whose alpha
 * sample is not compared).
 */
export function changedBounds(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  columns: number,
  channels: 3 | 4,
): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (let i = 0; i < a.length; i++) {
    if ((channels === 4 && i % 4 === 3) || a[i] === b[i]) continue;
    const x = Math.floor(i / channels) % columns;
    const y = Math.floor(i / channels / columns);
    bounds = bounds
      ? {
          x1: Math.min(bounds.x1, x),
          y1: Math.min(bounds.y1, y),
          x2: Math.max(bounds.x2, x),
          y2: Math.max(bounds.y2, y),
        }
      : { x1: x, y1: y, x2: x, y2: y };
  }
  return bounds;
}
