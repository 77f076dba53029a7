/**
 * The viewer's state as data and its transitions as a pure reducer: which slice, which window, where the
 * image sits on screen, whether the help panel is open. No DOM, so it is unit-tested directly.
 */
import type { WindowSpec } from '../../../shared/pipeline/types';
import { fitViewport, panBy, zoomAt, type Size, type Viewport } from '../../../shared/editor/viewport';
import { screenPoint } from '../../../shared/editor/points';

export interface ViewerState {
  seriesUid: string | undefined;
  sliceCount: number;
  index: number;
  window: WindowSpec;
  viewport: Viewport;
  /** true while the image follows the view size (until the user zooms or pans) */
  fitted: boolean;
  helpOpen: boolean;
  /** the overlay's orientation letters, slice position, thickness and file window (key I) */
  details: boolean;
}

export type ViewerAction =
  | { type: 'series'; uid: string; sliceCount: number }
  | { type: 'slices'; sliceCount: number }
  | { type: 'step'; delta: number }
  | { type: 'goto'; index: number }
  | { type: 'preset'; name: string }
  | { type: 'auto' }
  /** a window restored from a session */
  | { type: 'window'; spec: WindowSpec }
  | { type: 'custom'; center: number; width: number }
  | { type: 'zoom'; factor: number; anchorX: number; anchorY: number }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'fit'; image: Size; view: Size }
  | { type: 'toggle-help' }
  | { type: 'toggle-details' };

export const initialViewerState: ViewerState = {
  seriesUid: undefined,
  sliceCount: 0,
  index: 0,
  window: { kind: 'auto' },
  viewport: { zoom: 1, panX: 0, panY: 0 },
  fitted: true,
  helpOpen: false,
  details: true,
};

const clampIndex = (index: number, count: number): number =>
  Math.min(Math.max(0, Math.round(index)), Math.max(0, count - 1));

/**
 * The slice a series opens on, as a reader expects: the first one with a finding shown (`marked`: 0-based
 * slice indices), or with none the middle of the series.
 */
export function openingSlice(marked: readonly number[], sliceCount: number): number {
  if (marked.length > 0) return clampIndex(Math.min(...marked), sliceCount);
  return clampIndex(Math.floor((sliceCount - 1) / 2), sliceCount);
}

/** Where a series was put as it opened: the slice, how many slices it had then, whether its findings were known. */
export interface Opening {
  index: number;
  sliceCount: number;
  findingsKnown: boolean;
}

/**
 * The opening slice while a series is still being read and its folder's findings are still loading:
 * the first time (`before` undefined) the openingSlice of what is known; then again when the series has
 * grown or its findings have just arrived, as long as the reader has not moved off the slice it was put
 * on. Findings changed later (an edit, an import) never move the slice. Undefined: leave it where it is.
 */
export function followOpening(
  before: Opening | undefined,
  now: { index: number; sliceCount: number; marked: readonly number[]; findingsKnown: boolean },
): Opening | undefined {
  if (before !== undefined) {
    if (before.index !== now.index) return undefined;
    const grown = before.sliceCount !== now.sliceCount;
    const arrived = now.findingsKnown && !before.findingsKnown;
    if (!grown && !arrived) return undefined;
  }
  return {
    index: openingSlice(now.marked, now.sliceCount),
    sliceCount: now.sliceCount,
    findingsKnown: now.findingsKnown,
  };
}

/** The smallest width the LINEAR function accepts (PS3.3 C.11.2.1.2.1: width >= 1). */
export const MIN_WIDTH = 1;

/**
 * Window after a drag of (dx, dy) screen pixels from `start`, as in PACS viewers: right widens (less
 * contrast), down raises the level (darker). The step grows with the width so a bone window (W 1800) and a
 * brain window (W 80) both feel responsive.
 */
export function dragWindow(
  start: { center: number; width: number },
  dx: number,
  dy: number,
): { center: number; width: number } {
  const step = Math.max(1, start.width / 256);
  return {
    center: Math.round(start.center + dy * step),
    width: Math.max(MIN_WIDTH, Math.round(start.width + dx * step)),
  };
}

export function viewerReducer(state: ViewerState, action: ViewerAction): ViewerState {
  switch (action.type) {
    case 'series':
      if (action.uid === state.seriesUid) return { ...state, sliceCount: action.sliceCount };
      return { ...state, seriesUid: action.uid, sliceCount: action.sliceCount, index: 0, fitted: true };
    case 'slices':
      return { ...state, sliceCount: action.sliceCount, index: clampIndex(state.index, action.sliceCount) };
    case 'step':
      return { ...state, index: clampIndex(state.index + action.delta, state.sliceCount) };
    case 'goto':
      return { ...state, index: clampIndex(action.index, state.sliceCount) };
    case 'preset':
      return { ...state, window: { kind: 'preset', name: action.name } };
    case 'auto':
      return { ...state, window: { kind: 'auto' } };
    case 'window':
      return { ...state, window: action.spec };
    case 'custom':
      if (!Number.isFinite(action.center) || !Number.isFinite(action.width)) return state;
      return {
        ...state,
        window: { kind: 'custom', center: action.center, width: Math.max(MIN_WIDTH, action.width) },
      };
    case 'zoom':
      return {
        ...state,
        fitted: false,
        viewport: zoomAt(state.viewport, screenPoint(action.anchorX, action.anchorY), action.factor),
      };
    case 'pan':
      return { ...state, fitted: false, viewport: panBy(state.viewport, action.dx, action.dy) };
    case 'fit':
      return { ...state, fitted: true, viewport: fitViewport(action.image, action.view) };
    case 'toggle-help':
      return { ...state, helpOpen: !state.helpOpen };
    case 'toggle-details':
      return { ...state, details: !state.details };
  }
}
