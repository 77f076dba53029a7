import type { EditableBox } from './editable-box';
import type { ImagePoint } from './points';

export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export type Handle = 'body' | ResizeHandle;

export interface Hit {
  boxId: string;
  handle: Handle;
}

/**
 * Which box (and which part of it) is under an image point. In image space a box covers
 * [x1, x2+1) x [y1, y2+1) (inclusive pixel corners, see points.ts), so its edges lie on x1, x2+1, y1, y2+1.
 *
 * `tolerance` is in image pixels: callers convert their screen tolerance with `screenDistanceToImage`
 * so that handles keep the same on-screen size at every zoom. Pass the boxes of the current slice only;
 * later boxes are drawn on top, so they are tested first. Handles win over bodies so that a small box
 * inside a large one can still be resized, and corners win over edges.
 */
export function hitTest(
  boxes: readonly EditableBox[],
  point: ImagePoint,
  tolerance: number,
): Hit | undefined {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const box = boxes[i];
    if (box === undefined) continue;
    const handle = handleAt(box, point, tolerance);
    if (handle !== undefined) return { boxId: box.id, handle };
  }
  for (let i = boxes.length - 1; i >= 0; i--) {
    const box = boxes[i];
    if (box !== undefined && inside(box, point)) return { boxId: box.id, handle: 'body' };
  }
  return undefined;
}

function handleAt(box: EditableBox, p: ImagePoint, tol: number): ResizeHandle | undefined {
  const left = box.x1;
  const right = box.x2 + 1;
  const top = box.y1;
  const bottom = box.y2 + 1;
  const nearLeft = Math.abs(p.x - left) <= tol;
  const nearRight = Math.abs(p.x - right) <= tol;
  const nearTop = Math.abs(p.y - top) <= tol;
  const nearBottom = Math.abs(p.y - bottom) <= tol;
  const withinX = p.x >= left - tol && p.x <= right + tol;
  const withinY = p.y >= top - tol && p.y <= bottom + tol;
  if (!withinX || !withinY) return undefined;
  // On a box narrower than twice the tolerance both edges are "near": pick the closer one.
  const west = nearLeft && (!nearRight || Math.abs(p.x - left) <= Math.abs(p.x - right));
  const east = nearRight && !west;
  const north = nearTop && (!nearBottom || Math.abs(p.y - top) <= Math.abs(p.y - bottom));
  const south = nearBottom && !north;
  const vertical = north ? 'n' : south ? 's' : '';
  const horizontal = west ? 'w' : east ? 'e' : '';
  const name = `${vertical}${horizontal}`;
  return name === '' ? undefined : (name as ResizeHandle);
}

function inside(box: EditableBox, p: ImagePoint): boolean {
  return p.x >= box.x1 && p.x < box.x2 + 1 && p.y >= box.y1 && p.y < box.y2 + 1;
}

/** The CSS cursor a UI shows over each handle. */
export const handleCursor: Record<Handle, string> = {
  body: 'move',
  n: 'ns-resize',
  s: 'ns-resize',
  e: 'ew-resize',
  w: 'ew-resize',
  ne: 'nesw-resize',
  sw: 'nesw-resize',
  nw: 'nwse-resize',
  se: 'nwse-resize',
};
