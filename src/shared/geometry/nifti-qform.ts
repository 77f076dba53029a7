import type { Affine } from './affine';
import type { Vec3 } from './vec3';

/**
 * The NIfTI-1 qform (method 2 of nifti1.h): a rotation from the quaternion (b, c, d) with
 * a = sqrt(1 - b^2 - c^2 - d^2), voxel sizes pixdim[1..3], qfac = pixdim[0] (-1 flips the third axis;
 * 0 is read as 1), and the offsets. Gives index (i, j, k) -> RAS+ mm.
 */
export function qformAffine(q: {
  b: number;
  c: number;
  d: number;
  offset: Vec3;
  pixdim: Vec3;
  qfac: number;
}): Affine {
  const { b, c, d } = q;
  const a = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));
  const [sx, sy, s] = q.pixdim;
  const sz = s * (q.qfac < 0 ? -1 : 1);
  return {
    m: [
      [(a * a + b * b - c * c - d * d) * sx, 2 * (b * c - a * d) * sy, 2 * (b * d + a * c) * sz],
      [2 * (b * c + a * d) * sx, (a * a + c * c - b * b - d * d) * sy, 2 * (c * d - a * b) * sz],
      [2 * (b * d - a * c) * sx, 2 * (c * d + a * b) * sy, (a * a + d * d - c * c - b * b) * sz],
    ],
    t: q.offset,
  };
}
