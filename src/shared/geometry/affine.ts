import type { Axis, Vec3 } from './vec3';
import { dot, vec3 } from './vec3';

/**
 * An affine map x -> M x + t in 3D. `m` holds M's three rows. Used for voxel index -> patient mm
 * (NIfTI sform/qform, DICOM image planes) and for the maps between grids.
 */
export interface Affine {
  readonly m: readonly [Vec3, Vec3, Vec3];
  readonly t: Vec3;
}

export function apply(a: Affine, p: Vec3): Vec3 {
  return vec3((r) => dot(a.m[r], p) + a.t[r]);
}

/** Column `j` of M: where one step along index axis j goes. */
export function column(a: Affine, j: Axis): Vec3 {
  return vec3((r) => a.m[r][j]);
}

/** An affine from the images of the three index axes and of the origin. */
export function fromColumns(c0: Vec3, c1: Vec3, c2: Vec3, origin: Vec3): Affine {
  const row = (r: Axis): Vec3 => [c0[r], c1[r], c2[r]];
  return { m: [row(0), row(1), row(2)], t: origin };
}

/** a after b: x -> a(b(x)). */
export function compose(a: Affine, b: Affine): Affine {
  const row = (r: Axis): Vec3 => vec3((j) => dot(a.m[r], column(b, j)));
  return { m: [row(0), row(1), row(2)], t: apply(a, b.t) };
}

export function determinant(a: Affine): number {
  const [[a0, a1, a2], [b0, b1, b2], [c0, c1, c2]] = a.m;
  return a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0);
}

/** The inverse map, or undefined when M is singular (a degenerate grid). */
export function invert(a: Affine): Affine | undefined {
  const det = determinant(a);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return undefined;
  const [[a0, a1, a2], [b0, b1, b2], [c0, c1, c2]] = a.m;
  const m: [Vec3, Vec3, Vec3] = [
    [(b1 * c2 - b2 * c1) / det, (a2 * c1 - a1 * c2) / det, (a1 * b2 - a2 * b1) / det],
    [(b2 * c0 - b0 * c2) / det, (a0 * c2 - a2 * c0) / det, (a2 * b0 - a0 * b2) / det],
    [(b0 * c1 - b1 * c0) / det, (a1 * c0 - a0 * c1) / det, (a0 * b1 - a1 * b0) / det],
  ];
  const t = apply({ m, t: [0, 0, 0] }, a.t);
  return { m, t: [-t[0], -t[1], -t[2]] };
}
