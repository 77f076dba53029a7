import type { Finder, Rgb } from '../../boxes/model';
import type { VolumeGraphic } from './volume-graphic';
import type { ReviewState } from '../../review/review-state';

/**
 * A 2D graphic read from a Structured Report (SCOORD) or a presentation state (Graphic Object), before it
 * is placed on an image. Points are (column, row) pairs in the standard's image coordinates: (0, 0) is the
 * top left corner of the top left pixel and (Columns, Rows) the bottom right corner of the last pixel
 * (PS3.3 C.18.6.1.1 for SCOORD, C.10.5.1.2 for Graphic Data), or, in DISPLAY units, 0..1 across the
 * displayed area (C.10.5.1.1).
 */
export interface AnnotationGraphic {
  /** 1-based position among the file's graphics, in document order */
  index: number;
  /** what messages call it, e.g. `report.dcm graphic 3` */
  origin: string;
  /** Graphic Type (0070,0023) as written: POINT, MULTIPOINT, POLYLINE, INTERPOLATED, CIRCLE, ELLIPSE, RECTANGLE */
  type: string;
  units: 'PIXEL' | 'DISPLAY';
  /** x0, y0, x1, y1, ... */
  points: readonly number[];
  references: readonly ImageReference[];
  label?: string;
  score?: number;
  color?: Rgb;
  /** the finding's identifier (a report's Tracking Identifier) */
  id?: string;
  /** the reader's verdict a DICOM Ink report recorded (review-content.ts); absent = unreviewed */
  review?: ReviewState;
  /** 'reader' when a DICOM Ink report says the reader drew it ("Found by"); absent = the algorithm's */
  finder?: Finder;
  /** a mask region given as its closed outlines along pixel edges (PIXEL units): placed as that region */
  outlines?: readonly (readonly number[])[];
}

/** An image a graphic lies on; `frames` undefined means every frame of it (PS3.3 C.10.5.1, C.17.3.2.x). */
export interface ImageReference {
  sopInstanceUid: string;
  frames?: readonly number[];
  /** for DISPLAY units: the displayed area of this image in image coordinates, when not the whole image */
  displayedArea?: Extent;
  /** for DISPLAY units: why they cannot be converted on this image (e.g. a rotated display) */
  displayProblem?: string;
}

/** A rectangle in continuous image coordinates (left/top inclusive edges, right/bottom outer edges). */
export interface Extent {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A graphic that cannot be used at all, before placement: its origin and why. */
export interface GraphicProblem {
  /** the graphic's 1-based position, as in AnnotationGraphic */
  index: number;
  origin: string;
  reason: string;
}

export interface ReadGraphics {
  graphics: AnnotationGraphic[];
  /** SCOORD3D graphics, placed through the images' planes (volume-graphic.ts) where the caller knows them */
  volumeGraphics?: VolumeGraphic[];
  problems: GraphicProblem[];
  /** one-line facts for the summary (which template, how many graphics) */
  notes: string[];
}

const POINT_COUNTS: Readonly<Record<string, (n: number) => boolean>> = {
  POINT: (n) => n === 1,
  MULTIPOINT: (n) => n >= 1,
  POLYLINE: (n) => n >= 1,
  INTERPOLATED: (n) => n >= 1,
  RECTANGLE: (n) => n >= 2,
  CIRCLE: (n) => n === 2,
  ELLIPSE: (n) => n === 4,
};

export const GRAPHIC_TYPES: readonly string[] = Object.keys(POINT_COUNTS);

function pointsExtent(points: readonly number[]): Extent {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/**
 * The rectangle a graphic covers, in image coordinates. A CIRCLE is its centre and a point on it
 * (PS3.3 C.10.5.1.2); an ELLIPSE the two ends of its major axis then of its minor axis, so a rotated
 * ellipse with half-axes a and b reaches sqrt(a.x^2 + b.x^2) either side of its centre in x. Every other
 * type is bounded by its points (an INTERPOLATED curve passes through them).
 */
export function graphicExtent(type: string, points: readonly number[]): Extent | string {
  const check = POINT_COUNTS[type];
  if (!check)
    return `its graphic type ${type || '(none)'} is not one DICOM Ink reads (${GRAPHIC_TYPES.join(', ')})`;
  const count = points.length / 2;
  if (!Number.isInteger(count) || !check(count))
    return `its ${type} has the wrong number of coordinates (${points.length} values)`;
  if (!points.every(Number.isFinite)) return `its ${type} has coordinates that are not numbers`;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0] = points;
  if (type === 'CIRCLE') {
    const r = Math.hypot(x1 - x0, y1 - y0);
    return { left: x0 - r, top: y0 - r, right: x0 + r, bottom: y0 + r };
  }
  if (type === 'ELLIPSE') {
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const [ax, ay] = [(x1 - x0) / 2, (y1 - y0) / 2];
    const [bx, by] = [(x3 - x2) / 2, (y3 - y2) / 2];
    const [dx, dy] = [Math.hypot(ax, bx), Math.hypot(ay, by)];
    return { left: cx - dx, top: cy - dy, right: cx + dx, bottom: cy + dy };
  }
  return pointsExtent(points);
}

/** Coordinates within this of a pixel edge count as on it (float32 values and square roots). */
const EDGE_TOLERANCE = 1e-4;

/**
 * The inclusive pixel box of the pixels an extent touches: pixel i spans [i, i + 1), so the left edge's
 * pixel is floor(left) and the right edge's ceil(right) - 1. A box written with its outer pixel edges
 * (x1, x2 + 1) or with its corner pixels' centres (x1 + 0.5, x2 + 0.5) both read back as x1..x2.
 */
export function extentPixels(extent: Extent): { x1: number; y1: number; x2: number; y2: number } {
  const x1 = Math.floor(extent.left + EDGE_TOLERANCE);
  const y1 = Math.floor(extent.top + EDGE_TOLERANCE);
  const x2 = Math.max(x1, Math.ceil(extent.right - EDGE_TOLERANCE) - 1);
  const y2 = Math.max(y1, Math.ceil(extent.bottom - EDGE_TOLERANCE) - 1);
  return { x1, y1, x2, y2 };
}
