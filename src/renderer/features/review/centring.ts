import type { Viewport } from '../../../shared/editor';

/** The pan (screen pixels) that puts the middle of a box (image pixels, corners inclusive) at the view's centre. */
export function centringPan(
  viewport: Viewport,
  box: { x1: number; y1: number; x2: number; y2: number },
  view: { clientWidth: number; clientHeight: number },
): { dx: number; dy: number } {
  const x = (box.x1 + box.x2 + 1) / 2;
  const y = (box.y1 + box.y2 + 1) / 2;
  return {
    dx: view.clientWidth / 2 - (x * viewport.zoom + viewport.panX),
    dy: view.clientHeight / 2 - (y * viewport.zoom + viewport.panY),
  };
}
