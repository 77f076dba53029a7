/**
 * The decoded frame for the current slice: synchronous when cached, loaded (and neighbours prefetched)
 * otherwise. On each slice change the loads of slices that are neither current nor a neighbour are
 * cancelled (showSlice), so fast scrolling through big JPEG 2000 slices does not decode every slice passed.
 */
import { useEffect, useRef, useState } from 'react';
import type { SliceRef } from '../../../shared/ipc/library';
import type { Entry } from '../../lib/frame-cache';
import { frameCache, frameKey, showSlice } from '../../lib/frames';
import type { ViewerFrame } from '../../lib/raw-frame';

export function useSliceFrame(
  slices: readonly SliceRef[] | undefined,
  index: number,
): Entry<ViewerFrame> | undefined {
  const [, setLoaded] = useState(0);
  /** the slice shown before: the scrolling direction is from it to `index` */
  const previous = useRef(index);
  const slice = slices?.[index];
  const key = slice ? frameKey(slice) : undefined;
  const entry = key === undefined ? undefined : frameCache().peek(key);

  useEffect(() => {
    if (key === undefined || !slices) return;
    let live = true;
    const direction = index < previous.current ? -1 : 1;
    previous.current = index;
    void showSlice(frameCache(), slices, index, () => live, direction).then((outcome) => {
      // A cancelled load is not an error to show: the slice it was for is no longer current.
      if (live && outcome && outcome.state !== 'cancelled') setLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [key, index, slices]);

  return entry;
}
