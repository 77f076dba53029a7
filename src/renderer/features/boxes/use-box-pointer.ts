/** Binds box gestures (box-gesture.ts) to pointer events on the image canvas, with a live draft box. */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import {
  screenDistanceToImage,
  type BoxStyle,
  type Edit,
  type EditableBox,
  type ImageBounds,
  type SliceRef,
  type Viewport,
} from '../../../shared/editor';
import type { PointerTool } from '../viewer/use-stage-input';
import { beginGesture, finishGesture, gestureDraft, type Gesture } from './box-gesture';
import type { Tool } from './box-state';
import { pointerToImage } from './image-point';

/** Handles keep this size on screen at every zoom (CSS pixels). */
export const HIT_TOLERANCE_PX = 6;

export interface BoxPointerInput {
  canvas: RefObject<HTMLCanvasElement | null>;
  tool: Tool;
  /** the boxes of the slice shown, in drawing order */
  boxes: readonly EditableBox[];
  slice: SliceRef | undefined;
  bounds: ImageBounds | undefined;
  viewport: Viewport;
  style: BoxStyle;
  select(id: string | undefined): void;
  commit(edit: Edit): void;
}

export function useBoxPointer(input: BoxPointerInput): {
  tool: RefObject<PointerTool | undefined>;
  draft: EditableBox | undefined;
} {
  const [draft, setDraft] = useState<EditableBox | undefined>(undefined);
  const latest = useRef(input);
  useLayoutEffect(() => {
    latest.current = input;
  });
  const gesture = useRef<{ gesture: Gesture; draft: EditableBox | undefined }>(undefined);

  // One stable tool object for the lifetime of the viewer; it reads the latest input through the ref.
  const [stable] = useState<PointerTool>(() => ({
    down(event) {
      const { canvas, slice, bounds, boxes, viewport, style } = latest.current;
      if (!canvas.current || !slice || !bounds) return false;
      const point = pointerToImage(canvas.current, event.clientX, event.clientY);
      const tolerance = screenDistanceToImage(viewport, HIT_TOLERANCE_PX);
      const started = beginGesture(latest.current.tool, boxes, point, tolerance, slice, style);
      if (!started) {
        latest.current.select(undefined);
        return false;
      }
      if (started.kind !== 'create') latest.current.select(started.box.id);
      gesture.current = { gesture: started, draft: undefined };
      return true;
    },
    move(event) {
      const { canvas, bounds } = latest.current;
      const current = gesture.current;
      if (!current || !canvas.current || !bounds) return;
      current.draft = gestureDraft(
        current.gesture,
        pointerToImage(canvas.current, event.clientX, event.clientY),
        bounds,
      );
      setDraft(current.draft);
    },
    up() {
      const current = gesture.current;
      gesture.current = undefined;
      setDraft(undefined);
      if (!current) return;
      const edit = finishGesture(current.gesture, current.draft);
      if (edit) latest.current.commit(edit);
    },
  }));
  const tool = useRef<PointerTool | undefined>(stable);
  return { tool, draft };
}
