/** The app's one frame cache, loading through the API; keys name a file and a frame. */
import type { SliceRef } from '../../shared/ipc/library';
import { getApi, type Api } from './api';
import { CANCELLED, createFrameCache, type FrameCache, type Loader, type Outcome } from './frame-cache';
import { toViewerFrame, type ViewerFrame } from './raw-frame';

/** 64 frames of 512x512x16 bits is 32 MB: enough to scroll back and forth without reloading. */
const CAPACITY = 64;

export const frameKey = (slice: Pick<SliceRef, 'path' | 'frame'>): string => `${slice.frame}|${slice.path}`;

function parseKey(key: string): { path: string; frame: number } {
  const bar = key.indexOf('|');
  return { frame: Number(key.slice(0, bar)), path: key.slice(bar + 1) };
}

let cache: FrameCache<ViewerFrame> | undefined;
/** Ids of this window's cancellable image:load requests (main keys them per window). */
let nextRequestId = 1;

/** Loads one frame through the API; an abort of `signal` sends image:cancel so main stops decoding it. */
export const loadThroughApi =
  (api: Pick<Api, 'invoke'>): Loader<ViewerFrame> =>
  async (key, signal) => {
    if (signal.aborted) return CANCELLED;
    const requestId = nextRequestId++;
    const cancel = (): void => void api.invoke('image:cancel', { requestId });
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const result = await api.invoke('image:load', { ...parseKey(key), requestId });
      if (!result.ok) return signal.aborted ? CANCELLED : result;
      return 'cancelled' in result.value ? CANCELLED : { ok: true, value: toViewerFrame(result.value) };
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };

export function frameCache(): FrameCache<ViewerFrame> {
  cache ??= createFrameCache(loadThroughApi(getApi()), CAPACITY);
  return cache;
}

/** The keys of `slices` at `indices` (those inside the series). */
export function keysAt(slices: readonly SliceRef[], indices: readonly number[]): string[] {
  return indices.flatMap((i) => {
    const slice = slices[i];
    return slice ? [frameKey(slice)] : [];
  });
}

/** Neighbours of `index` to prefetch, nearest first, the scrolling direction (forward) before backward. */
export function neighbourIndices(index: number, count: number, radius = 4): number[] {
  const out: number[] = [];
  for (let d = 1; d <= radius; d++) {
    if (index + d < count) out.push(index + d);
    if (index - d >= 0) out.push(index - d);
  }
  return out;
}

/**
 * A slice change in the viewer: cancels the loads of slices now neither current nor a neighbour, loads the
 * current slice, then (if it is still current) prefetches its neighbours.
 */
export async function showSlice<T>(
  cache: FrameCache<T>,
  slices: readonly SliceRef[],
  index: number,
  stillCurrent: () => boolean,
): Promise<Outcome<T> | undefined> {
  const [key] = keysAt(slices, [index]);
  if (key === undefined) return undefined;
  const neighbours = keysAt(slices, neighbourIndices(index, slices.length));
  cache.cancelStale([key, ...neighbours]);
  const outcome = await cache.load(key, { cancellable: true });
  if (stillCurrent() && outcome.state !== 'cancelled') cache.prefetch(neighbours);
  return outcome;
}
