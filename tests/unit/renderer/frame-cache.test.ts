import { describe, expect, it } from 'vitest';
import { createFrameCache } from '../../../src/renderer/lib/frame-cache';
import { neighbourIndices } from '../../../src/renderer/lib/frames';

describe('frame cache', () => {
  it('loads each frame once, serves it synchronously afterwards and evicts the least recently used', async () => {
    const loads: string[] = [];
    const cache = createFrameCache(async (key) => {
      loads.push(key);
      return { ok: true, value: key.toUpperCase() };
    }, 2);
    await Promise.all([cache.load('a'), cache.load('a')]);
    expect(loads).toEqual(['a']);
    expect(cache.peek('a')).toEqual({ state: 'ready', value: 'A' });
    await cache.load('b');
    cache.peek('a');
    await cache.load('c');
    expect(cache.size()).toBe(2);
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('a')?.state).toBe('ready');
  });

  it('keeps a failed load as a value with its reason', async () => {
    const cache = createFrameCache<string>(
      async () => ({ ok: false, error: 'frame 2 could not be decoded' }),
      4,
    );
    expect(await cache.load('x')).toEqual({ state: 'failed', error: 'frame 2 could not be decoded' });
  });

  it('prefetches queued neighbours one at a time, in order', async () => {
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    let finished: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const cache = createFrameCache(async (key) => {
      running++;
      peak = Math.max(peak, running);
      order.push(key);
      await Promise.resolve();
      running--;
      if (order.length === 3) queueMicrotask(finished);
      return { ok: true, value: key };
    }, 8);
    cache.prefetch(['1', '2', '3']);
    await allDone;
    expect(peak).toBe(1);
    expect(order).toEqual(['1', '2', '3']);
  });

  it('orders neighbours nearest first, forward before backward, inside the series', () => {
    expect(neighbourIndices(5, 24, 2)).toEqual([6, 4, 7, 3]);
    expect(neighbourIndices(0, 3, 4)).toEqual([1, 2]);
  });
});
