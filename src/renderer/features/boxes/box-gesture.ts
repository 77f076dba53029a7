/**
 * One pointer gesture on the boxes of a slice, as pure functions: what a press starts (draw, move or
 * resize), the draft box while dragging, and the one undoable edit a release commits.
 */
import {
  createBoxFromDrag,
  dragDelta,
  hitTest,
  moveBox,
  resizeBox,
  type BoxStyle,
  type Edit,
  type EditableBox,
  type ImageBounds,
  type ImagePoint,
  type ResizeHandle,
  type SliceRef,
} from '../../../shared/editor';
import type { Tool } from './box-state';

export type Gesture =
  | { kind: 'create'; start: ImagePoint; slice: SliceRef; style: BoxStyle }
  | { kind: 'move'; box: EditableBox; start: ImagePoint }
  | { kind: 'resize'; box: EditableBox; handle: ResizeHandle };

/** The id a box being drawn carries until the document gives it a real one. */
export const DRAFT_ID = 'draft';

/**
 * What a press at `point` starts: a press on a box (or its handle) moves (resizes) it in any tool; on
 * empty image the draw tool starts a new box, the window tool starts nothing (it adjusts the window).
 */
export function beginGesture(
  tool: Tool,
  boxes: readonly EditableBox[],
  point: ImagePoint,
  tolerance: number,
  slice: SliceRef,
  style: BoxStyle,
): Gesture | undefined {
  const hit = hitTest(boxes, point, tolerance);
  const box = hit ? boxes.find((b) => b.id === hit.boxId) : undefined;
  if (hit && box)
    return hit.handle === 'body'
      ? { kind: 'move', box, start: point }
      : { kind: 'resize', box, handle: hit.handle };
  return tool === 'draw' ? { kind: 'create', start: point, slice, style } : undefined;
}

/** The box as it would be if the pointer were released at `point`. */
export function gestureDraft(gesture: Gesture, point: ImagePoint, bounds: ImageBounds): EditableBox {
  switch (gesture.kind) {
    case 'create':
      return {
        ...createBoxFromDrag(gesture.start, point, { ...gesture.slice, ...gesture.style }, bounds),
        id: DRAFT_ID,
      };
    case 'move':
      return moveBox(gesture.box, dragDelta(gesture.start, point), bounds);
    case 'resize':
      return resizeBox(gesture.box, gesture.handle, point, bounds);
  }
}

/**
 * The edit a release commits; a click without a drag draws nothing (a box needs two corners) and a
 * move that ends where it began changes nothing.
 */
export function finishGesture(gesture: Gesture, draft: EditableBox | undefined): Edit | undefined {
  if (draft === undefined) return undefined;
  if (gesture.kind === 'create') {
    const { id: _id, ...box } = draft;
    return draft.x2 > draft.x1 && draft.y2 > draft.y1 ? { kind: 'add', box } : undefined;
  }
  return { kind: 'update', box: draft };
}
