/**
 * What the canvas shows, written on the canvas element itself when it is drawn (tests, the bench and
 * assistive technology read it there). Written directly, not through React state: a slice change then
 * costs one render of the viewer, not two (the second only to copy these numbers into attributes).
 */
import type { ResolvedVoi } from '../../../shared/pipeline/types';
import type { Rect } from '../../../shared/boxes/label-layout';

export interface DrawnMarks {
  /** draws so far: tests and the perf spec wait on this */
  count: number;
  ms: number;
  path: string;
  frame: number;
  /** 0-based slice index of the series */
  index: number;
  sliceCount: number;
  /** where the AI notice was burned (image pixels): written as data-notice "x y width height" */
  notice?: Rect;
}

export function markDrawn(canvas: HTMLCanvasElement, marks: DrawnMarks): void {
  canvas.setAttribute('aria-label', `Slice ${marks.index + 1} of ${marks.sliceCount}`);
  canvas.dataset['slice'] = String(marks.index + 1);
  canvas.dataset['path'] = marks.path;
  canvas.dataset['frame'] = String(marks.frame);
  canvas.dataset['renderMs'] = marks.ms.toFixed(2);
  const notice = marks.notice;
  if (notice) canvas.dataset['notice'] = `${notice.x} ${notice.y} ${notice.width} ${notice.height}`;
  else delete canvas.dataset['notice'];
  // Last: observers of the count see the other marks already written.
  canvas.dataset['drawCount'] = String(marks.count);
}

/** True when two rectangles are the same (or both absent). */
export function sameRect(a: Rect | undefined, b: Rect | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** True when two resolved VOI stages are the same function (so the viewer need not render again). */
export function sameVoi(a: ResolvedVoi | undefined, b: ResolvedVoi): boolean {
  if (a === undefined || a.kind !== b.kind) return false;
  switch (b.kind) {
    case 'none':
      return true;
    case 'lut':
      return a.kind === 'lut' && a.lut === b.lut;
    case 'window':
      return (
        a.kind === 'window' &&
        a.center === b.center &&
        a.width === b.width &&
        a.fn === b.fn &&
        a.source === b.source
      );
  }
}
