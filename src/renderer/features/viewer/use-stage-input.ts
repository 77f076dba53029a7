/**
 * Mouse and keyboard on the viewer: wheel changes slice (Ctrl+wheel zooms), drag changes width/level,
 * Shift+drag or middle drag pans, and the shortcut table (shortcuts.ts) handles keys anywhere outside inputs.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { WindowPreset } from '../../../shared/presets';
import { actionForKey } from './shortcuts';
import { dragWindow, type ViewerAction } from './viewer-state';

/** A pointer tool (the box editor) that gets the first say on a left-button press on the image. */
export interface PointerTool {
  /** true when the press belongs to the tool (the window drag then does not start) */
  down(event: PointerEvent): boolean;
  move(event: PointerEvent): void;
  up(event: PointerEvent): void;
}

interface Options {
  stage: RefObject<HTMLDivElement | null>;
  dispatch(action: ViewerAction): void;
  /** current width/level, read when a drag starts */
  windowNumbers: RefObject<{ center: number; width: number } | undefined>;
  presets: readonly WindowPreset[];
  sliceCount: number;
  fit(): void;
  tool?: RefObject<PointerTool | undefined>;
}

const ZOOM_STEP = 1.25;

export function useStageInput({
  stage,
  dispatch,
  windowNumbers,
  presets,
  sliceCount,
  fit,
  tool,
}: Options): void {
  const drag = useRef<{
    mode: 'window' | 'pan' | 'tool';
    x: number;
    y: number;
    start: { center: number; width: number } | undefined;
  }>(undefined);

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const centre = (): { anchorX: number; anchorY: number } => ({
      anchorX: element.clientWidth / 2,
      anchorY: element.clientHeight / 2,
    });

    const onWheel = (event: WheelEvent): void => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        const box = element.getBoundingClientRect();
        const factor = event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
        dispatch({
          type: 'zoom',
          factor,
          anchorX: event.clientX - box.left,
          anchorY: event.clientY - box.top,
        });
      } else if (event.deltaY !== 0) {
        // Rendered (and a cached slice drawn) inside this event, not in a task queued behind others (a
        // prefetched slice arriving): on a busy machine each wait in the queue is a scheduling delay.
        // Notches are still reduced one by one and only the newest slice is loaded (showSlice).
        flushSync(() => dispatch({ type: 'step', delta: Math.sign(event.deltaY) }));
      }
    };
    const onPointerDown = (event: PointerEvent): void => {
      const pan = event.button === 1 || (event.button === 0 && event.shiftKey);
      // Only the image area itself: a press on the help panel (inside the stage) must stay a click.
      const target = event.target as Element | null;
      if (event.button > 2 || (target !== element && target?.tagName !== 'CANVAS')) return;
      event.preventDefault();
      element.setPointerCapture(event.pointerId);
      element.focus();
      const byTool = event.button === 0 && !pan && (tool?.current?.down(event) ?? false);
      drag.current = {
        mode: byTool ? 'tool' : pan ? 'pan' : 'window',
        x: event.clientX,
        y: event.clientY,
        start: windowNumbers.current,
      };
    };
    const onPointerMove = (event: PointerEvent): void => {
      const current = drag.current;
      if (!current) return;
      if (current.mode === 'tool') return tool?.current?.move(event);
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      if (current.mode === 'pan') {
        dispatch({ type: 'pan', dx, dy });
        current.x = event.clientX;
        current.y = event.clientY;
      } else if (current.start) {
        const next = dragWindow(current.start, dx, dy);
        dispatch({ type: 'custom', center: next.center, width: next.width });
      }
    };
    const onPointerUp = (event: PointerEvent): void => {
      if (drag.current?.mode === 'tool') tool?.current?.up(event);
      drag.current = undefined;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    };
    const onContextMenu = (event: MouseEvent): void => event.preventDefault();
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return;
      const action = actionForKey(event, presets, sliceCount);
      if (action === undefined) return;
      event.preventDefault();
      if (action === 'fit') fit();
      else if (action === 'zoom-in') dispatch({ type: 'zoom', factor: ZOOM_STEP, ...centre() });
      else if (action === 'zoom-out') dispatch({ type: 'zoom', factor: 1 / ZOOM_STEP, ...centre() });
      else dispatch(action);
    };

    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('pointermove', onPointerMove);
    element.addEventListener('pointerup', onPointerUp);
    element.addEventListener('pointercancel', onPointerUp);
    element.addEventListener('contextmenu', onContextMenu);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerUp);
      element.removeEventListener('contextmenu', onContextMenu);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [stage, dispatch, windowNumbers, presets, sliceCount, fit, tool]);
}
