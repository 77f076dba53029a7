/**
 * A folder's saved window (its session's settings) is applied once, when the session arrives. The
 * session loads while the first slice is already shown, so the reader may pick a window first: that
 * choice wins, and the session records it instead of overwriting it with the window saved last time.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import type { WindowSpec } from '../../../shared/pipeline/types';
import type { ViewerAction } from './viewer-state';

/** Whether two window choices are the same choice. */
export function sameWindow(a: WindowSpec, b: WindowSpec): boolean {
  if (a.kind === 'custom' && b.kind === 'custom')
    return a.center === b.center && a.width === b.width && a.fn === b.fn;
  if (a.kind === 'preset' && b.kind === 'preset') return a.name === b.name;
  return a.kind === b.kind;
}

/**
 * What to do when a folder's session arrives: show its saved window, unless the window changed since the
 * folder was opened (the reader chose one while the session loaded), in which case that window is kept.
 */
export function windowOnSessionArrival(
  saved: WindowSpec,
  whenOpened: WindowSpec,
  now: WindowSpec,
): { show: WindowSpec } | { keep: WindowSpec } {
  return sameWindow(whenOpened, now) ? { show: saved } : { keep: now };
}

export function useSavedWindow(options: {
  folder: string | undefined;
  saved: WindowSpec | undefined;
  window: WindowSpec;
  dispatch: Dispatch<ViewerAction>;
  save(settings: { window: WindowSpec }): void;
}): void {
  const { folder, saved, window, dispatch, save } = options;
  const latest = useRef(window);
  const whenOpened = useRef(new Map<string, WindowSpec>());
  const applied = useRef(new Set<string>());
  // Declared first, so the effects below see this commit's window.
  useEffect(() => {
    latest.current = window;
  }, [window]);
  useEffect(() => {
    if (folder !== undefined && !whenOpened.current.has(folder))
      whenOpened.current.set(folder, latest.current);
  }, [folder]);
  useEffect(() => {
    if (saved === undefined || folder === undefined || applied.current.has(folder)) return;
    applied.current.add(folder);
    const outcome = windowOnSessionArrival(
      saved,
      whenOpened.current.get(folder) ?? latest.current,
      latest.current,
    );
    if ('show' in outcome) dispatch({ type: 'window', spec: outcome.show });
    else save({ window: outcome.keep });
  }, [saved, folder, dispatch, save]);
  // Every later change is saved back.
  useEffect(() => {
    save({ window });
  }, [window, save]);
}
