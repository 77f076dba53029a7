import type { ImageEdge } from '../boxes/clip';
import type { BurnBox, OutlinePlacement, Rgb } from '../boxes/model';
import { unpackRegionCached, type PackedRegion } from '../boxes/packed-region';
import type { ReviewState } from '../review/review-state';

/**
 * A box as the editor holds it: a plain, serialisable object in image pixels.
 * x1,y1,x2,y2 are 0-based pixel column/row of the top-left and bottom-right pixels, both inclusive (the
 * box file convention of the engine), and the editor keeps them normalised (x1 <= x2, y1 <= y2).
 */
export interface EditableBox {
  id: string;
  /** The image the box belongs to: its SOP Instance UID (0008,0018), the library's slice key. */
  sliceKey: string;
  /** 1-based frame number (PS3.3 C.7.6.6: frames of a multi-frame image are numbered from 1). */
  frame: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label?: string;
  color: Rgb;
  /** outline width in image pixels, drawn inward from the box edge */
  thickness: number;
  /** the detector's confidence (0-1), kept when boxes were imported */
  score?: number;
  /**
   * A mask outline (NIfTI, DICOM SEG): x1..y2 is the region's bounding box and the outline follows the
   * region, outside it, exactly as the export burns it. Moving the box moves the region; resizing it
   * turns the finding into a plain box.
   */
  region?: PackedRegion;
  /**
   * the image edges the box reached past in the file it was imported from, where its corners were clipped
   * to the image; an edge is dropped once the box's side on it is moved (keepClippedEdges)
   */
  clippedEdges?: ImageEdge[];
  /** the finding's identifier from its file (box file `id`, a report's Tracking Identifier), kept on export */
  findingId?: string;
  /**
   * the findings file it was imported from (its name as imported: the Boxes panel's file line); absent for
   * a box the reader drew. A file whose boxes are all deleted no longer names the export's algorithm.
   */
  source?: string;
  /** the reader's verdict (src/shared/review); absent = unreviewed. A box the reader draws is accepted. */
  review?: ReviewState;
  /** true for a box the reader drew: accepted by its author, and moving it does not make it `edited` */
  drawn?: boolean;
  /** where the finding was and what it was called before the reader first edited it (kept for the record) */
  original?: { x1: number; y1: number; x2: number; y2: number; label?: string };
}

/** A box before the document has given it an id. */
export type NewBox = Omit<EditableBox, 'id'>;

/** One image (or one frame of a multi-frame image) a box can live on. */
export interface SliceRef {
  sliceKey: string;
  frame: number;
}

/** Image dimensions: Columns (0028,0011) and Rows (0028,0010). */
export interface ImageBounds {
  columns: number;
  rows: number;
}

export interface BoxStyle {
  color: Rgb;
  thickness: number;
}

export const defaultBoxStyle: BoxStyle = { color: [255, 0, 0], thickness: 4 };

/** Corner order fixed (x1 <= x2, y1 <= y2) and coordinates rounded to whole pixels. */
export function normaliseCorners<T extends Pick<EditableBox, 'x1' | 'y1' | 'x2' | 'y2'>>(box: T): T {
  const [x1, x2] = ordered(Math.round(box.x1), Math.round(box.x2));
  const [y1, y2] = ordered(Math.round(box.y1), Math.round(box.y2));
  return { ...box, x1, y1, x2, y2 };
}

/** Clipped to the image: every corner within [0, columns-1] x [0, rows-1]. */
export function clampToImage<T extends Pick<EditableBox, 'x1' | 'y1' | 'x2' | 'y2'>>(
  box: T,
  bounds: ImageBounds,
): T {
  const maxX = Math.max(0, bounds.columns - 1);
  const maxY = Math.max(0, bounds.rows - 1);
  return {
    ...box,
    x1: clamp(box.x1, 0, maxX),
    y1: clamp(box.y1, 0, maxY),
    x2: clamp(box.x2, 0, maxX),
    y2: clamp(box.y2, 0, maxY),
  };
}

export function isOnSlice(box: EditableBox, slice: SliceRef): boolean {
  return box.sliceKey === slice.sliceKey && box.frame === slice.frame;
}

/** Where a box lies: its image (and frame) and its corners. */
export type BoxPlace = Pick<EditableBox, 'sliceKey' | 'frame' | 'x1' | 'y1' | 'x2' | 'y2'>;

/**
 * Same image and same pixels: used to avoid stacking duplicates when a box is copied twice, and by the
 * audit trail to tell a moved finding.
 */
export function sameGeometry(a: BoxPlace, b: BoxPlace): boolean {
  return (
    a.sliceKey === b.sliceKey &&
    a.frame === b.frame &&
    a.x1 === b.x1 &&
    a.y1 === b.y1 &&
    a.x2 === b.x2 &&
    a.y2 === b.y2
  );
}

/** What the shared pixel pipeline burns: the same object for the viewer overlay and the export. */
export function toBurnBox(box: EditableBox, outline: OutlinePlacement = 'outside'): BurnBox {
  const burn: BurnBox = {
    x1: box.x1,
    y1: box.y1,
    x2: box.x2,
    y2: box.y2,
    color: box.color,
    thickness: box.thickness,
  };
  if (box.label !== undefined && box.label !== '') burn.label = box.label;
  if (box.score !== undefined) burn.score = box.score;
  if (outline === 'inside' && box.region === undefined) burn.outline = 'inside';
  if (box.findingId !== undefined) burn.id = box.findingId;
  if (box.review !== undefined) burn.review = box.review;
  if (box.drawn === true) burn.finder = 'reader';
  if (box.region !== undefined) {
    // As the converter does (src/shared/boxes/match.ts): the outline lies outside the region, so the
    // bounds that labels keep clear grow by the thickness.
    burn.region = unpackRegionCached(box.region);
    burn.x1 -= box.thickness;
    burn.y1 -= box.thickness;
    burn.x2 += box.thickness;
    burn.y2 += box.thickness;
  }
  return burn;
}

/**
 * The clipped edges `next` (the same box moved or resized) still has: those whose side did not move, so the
 * box still ends where the image clipped it. A box moved or resized inside the image loses the mark.
 */
export function keepClippedEdges(previous: EditableBox, next: EditableBox): EditableBox {
  if (next.clippedEdges === undefined) return next;
  const side = { left: 'x1', top: 'y1', right: 'x2', bottom: 'y2' } as const;
  const kept = next.clippedEdges.filter((edge) => previous[side[edge]] === next[side[edge]]);
  if (kept.length === next.clippedEdges.length) return next;
  const { clippedEdges: _dropped, ...rest } = next;
  return kept.length === 0 ? rest : { ...rest, clippedEdges: kept };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
