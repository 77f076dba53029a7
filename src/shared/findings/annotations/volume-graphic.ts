import { apply, invert } from '../../geometry/affine';
import type { ImagePlane } from '../../geometry/image-plane';
import { planeAffine } from '../../geometry/image-plane';
import type { AnnotationGraphic, GraphicProblem } from './graphic';

/** An SCOORD3D (PS3.3 C.18.9): points in patient coordinates (LPS mm) of a Frame of Reference. */
export interface VolumeGraphic {
  index: number;
  origin: string;
  /** POINT, MULTIPOINT, POLYLINE, POLYGON, ELLIPSE, ELLIPSOID */
  type: string;
  /** x, y, z triples in mm */
  points: readonly number[];
  frameOfReferenceUid?: string;
  label?: string;
  score?: number;
}

/** A single-frame image with its plane, as the catalogue knows it. */
export interface PlaneImage {
  sopInstanceUid: string;
  name: string;
  frameOfReferenceUid?: string;
  plane?: ImagePlane;
  /** mm between this image's slice and the next in its series (undefined when unknown) */
  sliceSpacing?: number;
}

/** Without a known slice spacing, a point this close to a plane (mm) lies on it. */
const DEFAULT_TOLERANCE_MM = 0.5;

const PLANAR: Readonly<Record<string, string>> = {
  POINT: 'POINT',
  MULTIPOINT: 'MULTIPOINT',
  POLYLINE: 'POLYLINE',
  POLYGON: 'POLYLINE',
  ELLIPSE: 'ELLIPSE',
};

/**
 * An SCOORD3D on the image whose plane holds it: every point within half the series' slice spacing of
 * the plane (the nearest such image wins), in the same Frame of Reference when both name one. Its points
 * become image coordinates through the inverse of the Image Plane Module's affine, whose indices name
 * pixel centres, so the image coordinate (C.18.6.1.1, corner at 0) is the index + 0.5.
 */
export function volumeToImage(
  graphic: VolumeGraphic,
  images: readonly PlaneImage[],
): AnnotationGraphic | GraphicProblem {
  const problem = (reason: string): GraphicProblem => ({
    index: graphic.index,
    origin: graphic.origin,
    reason,
  });
  const type = PLANAR[graphic.type];
  if (type === undefined)
    return problem(`its SCOORD3D ${graphic.type || '(no type)'} is not a planar graphic DICOM Ink can place`);
  const count = graphic.points.length / 3;
  if (!Number.isInteger(count) || count < 1 || !graphic.points.every(Number.isFinite))
    return problem(
      `its SCOORD3D ${graphic.type} has ${graphic.points.length} coordinate values, not x\\y\\z triples`,
    );
  const points = Array.from({ length: count }, (_, i) =>
    [0, 1, 2].map((a) => graphic.points[i * 3 + a] ?? 0),
  );
  let best: { image: PlaneImage; off: number; coordinates: number[] } | undefined;
  let nearest: { image: PlaneImage; off: number } | undefined;
  for (const image of images) {
    if (!image.plane) continue;
    if (
      graphic.frameOfReferenceUid &&
      image.frameOfReferenceUid &&
      graphic.frameOfReferenceUid !== image.frameOfReferenceUid
    )
      continue;
    const inverse = invert(planeAffine(image.plane));
    if (!inverse) continue;
    const local = points.map(([x = 0, y = 0, z = 0]) => apply(inverse, [x, y, z]));
    const off = Math.max(...local.map(([, , d]) => Math.abs(d)));
    if (!nearest || off < nearest.off) nearest = { image, off };
    const tolerance = image.sliceSpacing !== undefined ? image.sliceSpacing / 2 : DEFAULT_TOLERANCE_MM;
    if (off > tolerance || (best && off >= best.off)) continue;
    best = { image, off, coordinates: local.flatMap(([c, r]) => [c + 0.5, r + 0.5]) };
  }
  if (!best) {
    const where = nearest
      ? ` (nearest: ${nearest.image.name}, ${nearest.off.toFixed(1)} mm off its plane)`
      : '';
    return problem(
      graphic.frameOfReferenceUid && !nearest
        ? `its SCOORD3D is in Frame of Reference ${graphic.frameOfReferenceUid}, which no input image with a plane shares`
        : `its SCOORD3D ${graphic.type} lies in no input slice's plane${where}`,
    );
  }
  const placed: AnnotationGraphic = {
    index: graphic.index,
    origin: graphic.origin,
    type,
    units: 'PIXEL',
    points: best.coordinates,
    references: [{ sopInstanceUid: best.image.sopInstanceUid }],
  };
  if (graphic.label !== undefined) placed.label = graphic.label;
  if (graphic.score !== undefined) placed.score = graphic.score;
  return placed;
}
