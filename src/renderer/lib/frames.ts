/** The app's one frame cache, loading through the API; keys name a file and a frame. */
import type { SliceRef } from '../../shared/ipc/library';
import { getApi, type Api } from './api';
import { CANCELLED, createFrameCache, type FrameCache, type Loader, type Outcome } from './frame-cache';
import { toViewerFrame, type ViewerFrame } from './raw-frame';

/** 64 frames of 512x512x16 bits is 32 MB: enough to scroll back and forth without reloading. */
const CAPACITY = 64;
/** Prefetch loads in flight at once (see FrameCacheOptions). */
const PREFETCH_CONCURRENCY = 2;

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
  cache ??= createFrameCache(loadThroughApi(getApi()), CAPACITY, {
    prefetchConcurrency: PREFETCH_CONCURRENCY,
  });
  return cache;
}

/** The keys of `slices` at `indices` (those inside the series). */
export function keysAt(slices: readonly SliceRef[], indices: readonly number[]): string[] {
  return indices.flatMap((i) => {
    const slice = slices[i];
    return slice ? [frameKey(slice)] : [];
  });
}

/** Which way the user is scrolling (+1 towards higher indices) and how far to prefetch each way. */
export interface PrefetchReach {
  direction: 1 | -1;
  /** slices prefetched in the scrolling direction */
  ahead: number;
  /** slices kept and prefetched against it (a reader often scrolls back a little) */
  behind: number;
}

/**
 * Reach of the prefetch: 8 slices ahead is a quarter of a second of a fast scroll (a notch every 33 ms),
 * enough to ride out a busy moment of main; 2 behind covers turning back.
 */
export const DEFAULT_REACH: PrefetchReach = { direction: 1, ahead: 8, behind: 2 };

/** Neighbours of `index` to prefetch, nearest first, the slice ahead before the one behind at each distance. */
export function neighbourIndices(
  index: number,
  count: number,
  reach: PrefetchReach = DEFAULT_REACH,
): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.max(reach.ahead, reach.behind); d++) {
    const forward = index + d * reach.direction;
    const backward = index - d * reach.direction;
    if (d <= reach.ahead && forward >= 0 && forward < count) out.push(forward);
    if (d <= reach.behind && backward >= 0 && backward < count) out.push(backward);
  }
  return out;
}

/**
 * A slice change in the viewer: cancels the loads of slices now neither current nor a neighbour (in the
 * scrolling `direction`), loads the current slice, then (if it is still current) prefetches its neighbours.
 */
export async function showSlice<T>(
  cache: FrameCache<T>,
  slices: readonly SliceRef[],
  index: number,
  stillCurrent: () => boolean,
  direction: 1 | -1 = 1,
): Promise<Outcome<T> | undefined> {
  const [key] = keysAt(slices, [index]);
  if (key === undefined) return undefined;
  const neighbours = keysAt(slices, neighbourIndices(index, slices.length, { ...DEFAULT_REACH, direction }));
  cache.cancelStale([key, ...neighbours]);
  const outcome = await cache.load(key, { cancellable: true });
  if (stillCurrent() && outcome.state !== 'cancelled') cache.prefetch(neighbours);
  return outcome;
}
