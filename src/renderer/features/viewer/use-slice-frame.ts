/** The decoded frame for the current slice: synchronous when cached, loaded (and neighbours prefetched) otherwise. */
import { useEffect, useState } from 'react';
import type { SliceRef } from '../../../shared/ipc/library';
import type { Entry } from '../../lib/frame-cache';
import { frameCache, frameKey, neighbourIndices } from '../../lib/frames';
import type { ViewerFrame } from '../../lib/raw-frame';

export function useSliceFrame(
  slices: readonly SliceRef[] | undefined,
  index: number,
): Entry<ViewerFrame> | undefined {
  const [, setLoaded] = useState(0);
  const slice = slices?.[index];
  const key = slice ? frameKey(slice) : undefined;
  const entry = key === undefined ? undefined : frameCache().peek(key);

  useEffect(() => {
    if (key === undefined || !slices) return;
    let live = true;
    const cache = frameCache();
    void cache.load(key).then(() => {
      if (live) setLoaded((n) => n + 1);
      const neighbours = neighbourIndices(index, slices.length).flatMap((i) => {
        const s = slices[i];
        return s ? [frameKey(s)] : [];
      });
      cache.prefetch(neighbours);
    });
    return () => {
      live = false;
    };
  }, [key, index, slices]);

  return entry;
}
