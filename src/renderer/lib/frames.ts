/** The app's one frame cache, loading through the API; keys name a file and a frame. */
import type { SliceRef } from '../../shared/ipc/library';
import { getApi } from './api';
import { createFrameCache, type FrameCache } from './frame-cache';
import { toViewerFrame, type ViewerFrame } from './raw-frame';

/** 64 frames of 512x512x16 bits is 32 MB: enough to scroll back and forth without reloading. */
const CAPACITY = 64;

export const frameKey = (slice: Pick<SliceRef, 'path' | 'frame'>): string => `${slice.frame}|${slice.path}`;

function parseKey(key: string): { path: string; frame: number } {
  const bar = key.indexOf('|');
  return { frame: Number(key.slice(0, bar)), path: key.slice(bar + 1) };
}

let cache: FrameCache<ViewerFrame> | undefined;

export function frameCache(): FrameCache<ViewerFrame> {
  cache ??= createFrameCache(async (key) => {
    const result = await getApi().invoke('image:load', parseKey(key));
    return result.ok ? { ok: true, value: toViewerFrame(result.value) } : result;
  }, CAPACITY);
  return cache;
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
