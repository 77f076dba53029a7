import { clampToImage, type EditableBox, type ImageBounds, type NewBox, type SliceRef } from './editable-box';
import type { ResizeHandle } from './hit-test';
import { pixelAt, type ImagePoint } from './points';

/**
 * Pure geometry on boxes. Edges live on pixel boundaries: a box covers [x1, x2+1) x [y1, y2+1) in image
 * space (see points.ts), always at least one pixel, always inside the image.
 */

/**
 * A box shifted by a whole number of pixels, kept entirely inside the image (its size never changes).
 * Drag from the box as it was at pointer-down with the total delta, so rounding never accumulates.
 */
export function moveBox<T extends NewBox>(box: T, delta: { dx: number; dy: number }, bounds: ImageBounds): T {
  const dx = Math.min(Math.max(Math.round(delta.dx), -box.x1), bounds.columns - 1 - box.x2);
  const dy = Math.min(Math.max(Math.round(delta.dy), -box.y1), bounds.rows - 1 - box.y2);
  const moved = { ...box, x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy };
  if (box.region !== undefined) moved.region = { ...box.region, x: box.region.x + dx, y: box.region.y + dy };
  return moved;
}

/** The image-space delta between two pointer positions, for `moveBox`. */
export function dragDelta(from: ImagePoint, to: ImagePoint): { dx: number; dy: number } {
  return { dx: to.x - from.x, dy: to.y - from.y };
}

/**
 * The box with the edges named by `handle` moved to the pixel boundary nearest `point`.
 * Dragging an edge past the opposite one flips the box (corners are re-ordered), the box keeps at least
 * one pixel, and edges stop at the image border.
 */
export function resizeBox<T extends NewBox>(
  box: T,
  handle: ResizeHandle,
  point: ImagePoint,
  bounds: ImageBounds,
): T {
  let left = box.x1;
  let right = box.x2 + 1;
  let top = box.y1;
  let bottom = box.y2 + 1;
  const x = clampEdge(Math.round(point.x), bounds.columns);
  const y = clampEdge(Math.round(point.y), bounds.rows);
  if (handle.includes('w')) left = x;
  if (handle.includes('e')) right = x;
  if (handle.includes('n')) top = y;
  if (handle.includes('s')) bottom = y;
  const [x1, x2] = pixelSpan(left, right, bounds.columns);
  const [y1, y2] = pixelSpan(top, bottom, bounds.rows);
  const resized = { ...box, x1, y1, x2, y2 };
  // A mask outline cannot be stretched pixel-true: the resized finding is the rectangle drawn.
  if (resized.region !== undefined && (x1 !== box.x1 || y1 !== box.y1 || x2 !== box.x2 || y2 !== box.y2))
    delete resized.region;
  return resized;
}

/** A new box covering every pixel from the one under `start` to the one under `end`, inclusive. */
export function createBoxFromDrag(
  start: ImagePoint,
  end: ImagePoint,
  defaults: Omit<NewBox, 'x1' | 'y1' | 'x2' | 'y2'>,
  bounds: ImageBounds,
): NewBox {
  const a = pixelAt(start);
  const b = pixelAt(end);
  return clampToImage(
    {
      ...defaults,
      x1: Math.min(a.column, b.column),
      y1: Math.min(a.row, b.row),
      x2: Math.max(a.column, b.column),
      y2: Math.max(a.row, b.row),
    },
    bounds,
  );
}

/**
 * Copies of a box on other slices (a lesion spans several slices). The source slice is skipped; the
 * copies have no id yet: the document gives them one.
 */
export function copyBoxToSlices(box: EditableBox | NewBox, targets: readonly SliceRef[]): NewBox[] {
  const copies: NewBox[] = [];
  for (const target of targets) {
    if (target.sliceKey === box.sliceKey && target.frame === box.frame) continue;
    // A copy was not clipped by any image: it is the user's own box.
    const { clippedEdges: _clipped, ...copy } = withoutId(box);
    copies.push({ ...copy, sliceKey: target.sliceKey, frame: target.frame });
  }
  return copies;
}

/**
 * The slices from `fromIndex` to `toIndex` (inclusive, either order) of an ordered series, clipped to the
 * series: "copy to next slice" is `slicesBetween(s, i + 1, i + 1)`, a range is `slicesBetween(s, a, b)`.
 */
export function slicesBetween(ordered: readonly SliceRef[], fromIndex: number, toIndex: number): SliceRef[] {
  const lo = Math.max(0, Math.min(fromIndex, toIndex));
  const hi = Math.min(ordered.length - 1, Math.max(fromIndex, toIndex));
  return ordered.slice(lo, hi + 1);
}

function withoutId(box: EditableBox | NewBox): NewBox {
  const { id: _id, ...rest } = box as NewBox & { id?: string };
  return rest;
}

function clampEdge(edge: number, size: number): number {
  return Math.min(Math.max(edge, 0), Math.max(size, 1));
}

/** Two edges on pixel boundaries -> inclusive first/last pixel, at least one pixel, inside [0, size-1]. */
function pixelSpan(a: number, b: number, size: number): [number, number] {
  let lo = Math.min(a, b);
  let hi = Math.max(a, b);
  if (hi === lo) {
    if (hi < size) hi += 1;
    else lo -= 1;
  }
  return [Math.max(lo, 0), Math.min(hi, size) - 1];
}
