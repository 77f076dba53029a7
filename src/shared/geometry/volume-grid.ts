import type { Affine } from './affine';
import { fromColumns } from './affine';
import type { ImagePlane } from './image-plane';
import { planeNormal } from './image-plane';
import type { Vec3 } from './vec3';
import { add, dot, norm, scale, sub } from './vec3';

/** A stack of parallel frames that forms a regular 3D grid: index (column, row, slice) -> LPS mm. */
export interface VolumeGrid<T> {
  affine: Affine;
  /** [columns, rows, slices] */
  dims: readonly [number, number, number];
  /** the frames in index order (increasing position along the normal) */
  slices: readonly T[];
  /** mm between slice centres (1 for a single slice, where it is not defined) */
  sliceSpacing: number;
}

export type GridResult<T> = { ok: true; grid: VolumeGrid<T> } | { ok: false; reason: string };

/** Orientation cosines agree to this (about 0.06 degrees): scanners write them to 6+ decimals. */
const ORIENTATION_TOLERANCE = 1e-3;

interface Framed<T> {
  plane: ImagePlane;
  item: T;
}

function sameLayout(a: ImagePlane, b: ImagePlane): string | undefined {
  if (a.rows !== b.rows || a.columns !== b.columns)
    return `its frames differ in size (${a.columns}x${a.rows} and ${b.columns}x${b.rows})`;
  if (Math.abs(a.rowSpacing - b.rowSpacing) > 1e-4 || Math.abs(a.columnSpacing - b.columnSpacing) > 1e-4)
    return 'its frames differ in Pixel Spacing';
  if (
    norm(sub(a.rowDirection, b.rowDirection)) > ORIENTATION_TOLERANCE ||
    norm(sub(a.columnDirection, b.columnDirection)) > ORIENTATION_TOLERANCE
  )
    return 'its frames differ in Image Orientation (Patient)';
  return undefined;
}

/**
 * Fits the frames of one series to a regular grid: same size, spacing and orientation, positions on one
 * line at even steps. The test is that every frame's first pixel lies within a tenth of a voxel of where
 * the grid puts it, so a grid index is that frame's pixel. A reason says which frame breaks the grid.
 */
export function fitVolumeGrid<T>(frames: readonly Framed<T>[]): GridResult<T> {
  const first = frames[0];
  if (!first) return { ok: false, reason: 'the series has no frame with a complete image plane' };
  const p0 = first.plane;
  for (const { plane } of frames) {
    const problem = sameLayout(p0, plane);
    if (problem) return { ok: false, reason: problem };
  }
  const normal = planeNormal(p0);
  const sorted = frames.map((f) => ({ ...f, d: dot(f.plane.position, normal) })).sort((a, b) => a.d - b.d);
  const origin: Vec3 = sorted[0]?.plane.position ?? p0.position;
  const last = sorted[sorted.length - 1] ?? first;
  const n = sorted.length;
  const spacing = n > 1 ? (dot(last.plane.position, normal) - dot(origin, normal)) / (n - 1) : 1;
  if (n > 1 && spacing < 1e-3) return { ok: false, reason: 'two of its frames are at the same position' };
  // The slice axis runs through the first and last positions (tilted for a gantry tilt).
  const step = n > 1 ? scale(sub(last.plane.position, origin), 1 / (n - 1)) : normal;
  const tolerance = 0.1 * Math.min(p0.rowSpacing, p0.columnSpacing, spacing);
  for (const [k, frame] of sorted.entries()) {
    const error = norm(sub(frame.plane.position, add(origin, scale(step, k))));
    if (error > tolerance) {
      return {
        ok: false,
        reason: `its slices are not evenly spaced on one line (slice ${k + 1} of ${n} is ${error.toFixed(2)} mm off the grid)`,
      };
    }
  }
  return {
    ok: true,
    grid: {
      affine: fromColumns(
        scale(p0.rowDirection, p0.columnSpacing),
        scale(p0.columnDirection, p0.rowSpacing),
        step,
        origin,
      ),
      dims: [p0.columns, p0.rows, n],
      slices: sorted.map((f) => f.item),
      sliceSpacing: spacing,
    },
  };
}
