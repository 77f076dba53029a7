/**
 * Display order of a series' slices. Position along the slice normal is the geometric truth
 * (PS3.3 C.7.6.2.1.1: the normal is the cross product of the row and column direction cosines of
 * ImageOrientationPatient; ImagePositionPatient . normal is the slice's distance along it). InstanceNumber
 * is only a counter, used when geometry is missing or inconsistent.
 */
import type { ImageHeader } from '../../../shared/dicom/image-header';
import type { SliceRef } from '../../../shared/ipc/library';

/** IPP . (row x column) in mm, or undefined when either attribute is missing or malformed. */
export function slicePosition(
  header: Pick<ImageHeader, 'imagePositionPatient' | 'imageOrientationPatient'>,
): number | undefined {
  const ipp = header.imagePositionPatient;
  const iop = header.imageOrientationPatient;
  if (!ipp || !iop || ipp.length !== 3 || iop.length !== 6) return undefined;
  const [rx = 0, ry = 0, rz = 0, cx = 0, cy = 0, cz = 0] = iop;
  const nx = ry * cz - rz * cy;
  const ny = rz * cx - rx * cz;
  const nz = rx * cy - ry * cx;
  const [px = 0, py = 0, pz = 0] = ipp;
  const position = px * nx + py * ny + pz * nz;
  return Number.isFinite(position) ? position : undefined;
}

type Ordered = Pick<SliceRef, 'path' | 'frame' | 'instanceNumber' | 'position'>;

function byInstance(a: Ordered, b: Ordered): number {
  const ia = a.instanceNumber ?? Number.MAX_SAFE_INTEGER;
  const ib = b.instanceNumber ?? Number.MAX_SAFE_INTEGER;
  return ia - ib || a.path.localeCompare(b.path) || a.frame - b.frame;
}

/**
 * Slices in display order. With a distinct position for every slice they go along the normal, in the
 * direction that agrees with InstanceNumber when the file has it (so scrolling follows acquisition order,
 * as PACS viewers do), else from the highest position down (head first for axial images). Otherwise
 * InstanceNumber, then path and frame, decide.
 */
export function sortSlices<T extends Ordered>(slices: readonly T[]): T[] {
  const positions = slices.map((s) => s.position);
  const geometric =
    slices.length > 1 &&
    positions.every((p) => p !== undefined) &&
    new Set(positions.map((p) => p.toFixed(3))).size === slices.length;
  if (!geometric) return [...slices].sort(byInstance);
  const ascending = [...slices].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const first = ascending[0]?.instanceNumber;
  const last = ascending[ascending.length - 1]?.instanceNumber;
  const instanceAgrees = first !== undefined && last !== undefined ? first < last : false;
  return instanceAgrees ? ascending : ascending.reverse();
}
