/**
 * The patient direction letters a viewer shows at the edges of an image, from Image Orientation (Patient)
 * (0020,0037): PS3.3 C.7.6.1.1.1 names the directions of the patient-based (LPS) axes L/R (x), P/A (y) and
 * H/F (z); an oblique direction is named by several letters, the largest component first (e.g. "RA").
 */
import type { Vec3 } from './vec3';
import { cross, dot, norm, toVec3 } from './vec3';

/** The letters at the four edges of the image. */
export interface EdgeLetters {
  left: string;
  right: string;
  top: string;
  bottom: string;
}

/** A component smaller than this (sin of about 15 degrees) does not name the direction. */
const OBLIQUE_SHARE = 0.25;

const AXES: readonly [positive: string, negative: string][] = [
  ['L', 'R'],
  ['P', 'A'],
  ['H', 'F'],
];

/** The letters of one direction in LPS patient space, its largest component first (at most three). */
export function directionLetters(direction: Vec3): string {
  const length = norm(direction);
  if (length === 0) return '';
  return [0, 1, 2]
    .map((axis) => ({ axis, share: (direction[axis] ?? 0) / length }))
    .filter(({ share }) => Math.abs(share) >= OBLIQUE_SHARE)
    .sort((a, b) => Math.abs(b.share) - Math.abs(a.share))
    .map(({ axis, share }) => {
      const [positive, negative] = AXES[axis] as [string, string];
      return share > 0 ? positive : negative;
    })
    .join('');
}

const opposite = (direction: Vec3): Vec3 => [-direction[0], -direction[1], -direction[2]];

/**
 * The letters at the edges of an image with this orientation: the first three values are the direction of
 * increasing column (towards the right edge), the last three of increasing row (towards the bottom edge).
 * Undefined when the attribute is missing or malformed.
 */
export function edgeLetters(orientation: readonly number[] | undefined): EdgeLetters | undefined {
  if (orientation?.length !== 6) return undefined;
  const row = toVec3(orientation.slice(0, 3));
  const column = toVec3(orientation.slice(3, 6));
  if (!row || !column || norm(row) === 0 || norm(column) === 0) return undefined;
  return {
    right: directionLetters(row),
    left: directionLetters(opposite(row)),
    bottom: directionLetters(column),
    top: directionLetters(opposite(column)),
  };
}

/**
 * Where the slice lies along its normal (row x column direction), in mm: Image Position (Patient) projected
 * on the normal, the number a viewer shows when Slice Location (0020,1041) is absent.
 */
export function positionAlongNormal(
  orientation: readonly number[] | undefined,
  position: readonly number[] | undefined,
): number | undefined {
  const row = toVec3(orientation?.slice(0, 3));
  const column = toVec3(orientation?.slice(3, 6));
  const origin = toVec3(position);
  if (!row || !column || !origin) return undefined;
  const normal = cross(row, column);
  const length = norm(normal);
  return length === 0 ? undefined : dot(origin, normal) / length;
}
