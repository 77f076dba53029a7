import type { Affine } from './affine';
import { fromColumns } from './affine';
import type { Vec3 } from './vec3';
import { cross, norm, scale, toVec3, unit } from './vec3';

/**
 * The Image Plane Module of one frame (PS3.3 C.7.6.2): where its first pixel's centre is (LPS mm), the
 * direction of increasing column index (the first three Image Orientation values, "row direction") and of
 * increasing row index (the last three), and Pixel Spacing, whose FIRST value is the distance between rows
 * (adjacent row centres) and second the distance between columns (C.7.6.2.1.1, C.10.7.1.3).
 */
export interface ImagePlane {
  position: Vec3;
  rowDirection: Vec3;
  columnDirection: Vec3;
  /** mm between adjacent rows (Pixel Spacing[0]) */
  rowSpacing: number;
  /** mm between adjacent columns (Pixel Spacing[1]) */
  columnSpacing: number;
  rows: number;
  columns: number;
}

export type PlaneResult = { ok: true; plane: ImagePlane } | { ok: false; reason: string };

/** Parses the plane attributes of a header; a reason names the missing or malformed attribute. */
export function imagePlane(header: {
  imagePositionPatient?: readonly number[];
  imageOrientationPatient?: readonly number[];
  pixelSpacing?: readonly number[];
  rows: number;
  columns: number;
}): PlaneResult {
  const position = toVec3(header.imagePositionPatient);
  if (!position) return { ok: false, reason: 'Image Position (Patient) (0020,0032) is missing or malformed' };
  const iop = header.imageOrientationPatient;
  const rowDir = toVec3(iop?.slice(0, 3));
  const colDir = toVec3(iop?.slice(3, 6));
  if (!iop || iop.length !== 6 || !rowDir || !colDir)
    return { ok: false, reason: 'Image Orientation (Patient) (0020,0037) is missing or malformed' };
  if (
    Math.abs(norm(rowDir) - 1) > 1e-3 ||
    Math.abs(norm(colDir) - 1) > 1e-3 ||
    norm(cross(rowDir, colDir)) < 0.99
  )
    return {
      ok: false,
      reason: 'Image Orientation (Patient) (0020,0037) is not two perpendicular unit vectors',
    };
  const [rowSpacing = 0, columnSpacing = 0] = header.pixelSpacing ?? [];
  if (header.pixelSpacing?.length !== 2 || !(rowSpacing > 0) || !(columnSpacing > 0))
    return { ok: false, reason: 'Pixel Spacing (0028,0030) is missing or not two positive numbers' };
  return {
    ok: true,
    plane: {
      position,
      rowDirection: unit(rowDir),
      columnDirection: unit(colDir),
      rowSpacing,
      columnSpacing,
      rows: header.rows,
      columns: header.columns,
    },
  };
}

/** Unit normal of the plane: row direction x column direction (PS3.3 C.7.6.2.1.1). */
export function planeNormal(plane: ImagePlane): Vec3 {
  return unit(cross(plane.rowDirection, plane.columnDirection));
}

/**
 * (column, row, d) -> LPS mm, where d is the distance along the normal from the plane: the inverse gives a
 * point's continuous pixel indices and its signed distance from the plane.
 */
export function planeAffine(plane: ImagePlane): Affine {
  return fromColumns(
    scale(plane.rowDirection, plane.columnSpacing),
    scale(plane.columnDirection, plane.rowSpacing),
    planeNormal(plane),
    plane.position,
  );
}
