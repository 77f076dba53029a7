import { apply, invert } from '../geometry/affine';
import type { ImagePlane } from '../geometry/image-plane';
import { planeAffine } from '../geometry/image-plane';
import type { Vec3 } from '../geometry/vec3';

/** Pixel centres closer than this (mm) to a box face count as inside: DS values carry rounding. */
const EPSILON_MM = 1e-4;

/**
 * Where an axis-aligned patient-space box (two opposite LPS corners) meets one image plane: the bounding
 * rectangle, in inclusive pixel indices, of the pixel centres of that plane that lie inside the box.
 * Undefined when the plane does not cross the box (or crosses it between pixel centres). Computed row by
 * row: along a row each of the box's three slabs is an interval of column positions.
 */
export function boxOnPlane(
  plane: ImagePlane,
  a: Vec3,
  b: Vec3,
): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const lo: Vec3 = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2])];
  const hi: Vec3 = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])];
  const affine = planeAffine(plane);
  if (!invert(affine)) return undefined;
  const origin = apply(affine, [0, 0, 0]);
  const perColumn = apply(affine, [1, 0, 0]).map((v, i) => v - (origin[i] ?? 0));
  const perRow = apply(affine, [0, 1, 0]).map((v, i) => v - (origin[i] ?? 0));
  let x1 = Infinity;
  let x2 = -Infinity;
  let y1 = Infinity;
  let y2 = -Infinity;
  for (let row = 0; row < plane.rows; row++) {
    let from = 0;
    let to = plane.columns - 1;
    for (const axis of [0, 1, 2] as const) {
      // p(col) = start + col * step must stay within [lo, hi] on this axis
      const start = origin[axis] + row * (perRow[axis] ?? 0);
      const step = perColumn[axis] ?? 0;
      const low = lo[axis] - EPSILON_MM;
      const high = hi[axis] + EPSILON_MM;
      if (Math.abs(step) < 1e-12) {
        if (start < low || start > high) from = Infinity;
        continue;
      }
      const c1 = (low - start) / step;
      const c2 = (high - start) / step;
      from = Math.max(from, Math.ceil(Math.min(c1, c2)));
      to = Math.min(to, Math.floor(Math.max(c1, c2)));
    }
    if (from > to) continue;
    x1 = Math.min(x1, from);
    x2 = Math.max(x2, to);
    y1 = Math.min(y1, row);
    y2 = Math.max(y2, row);
  }
  return x2 < x1 ? undefined : { x1, y1, x2, y2 };
}
