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

  it('prefetches with at most `prefetchConcurrency` loads in flight, nearest first', async () => {
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    const held: Array<() => void> = [];
    const cache = createFrameCache(
      async (key) => {
        running++;
        peak = Math.max(peak, running);
        order.push(key);
        await new Promise<void>((resolve) => held.push(resolve));
        running--;
        return { ok: true, value: key };
      },
      8,
      { prefetchConcurrency: 2 },
    );
    cache.prefetch(['1', '2', '3', '4', '5']);
    for (let round = 0; round < 10 && order.length < 5; round++) {
      await Promise.resolve();
      held.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(order).toEqual(['1', '2', '3', '4', '5']);
    expect(peak).toBe(2);
  });

  it('never queues more prefetches than the cache holds', async () => {
    const asked: string[] = [];
    const cache = createFrameCache(
      async (key) => {
        asked.push(key);
        return { ok: true, value: key };
      },
      4,
      { prefetchConcurrency: 2 },
    );
    cache.prefetch(['1', '2', '3', '4', '5', '6', '7', '8']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(['1', '2', '3']);
    expect(cache.size()).toBeLessThanOrEqual(4);
  });

  it('orders neighbours nearest first, ahead before behind, inside the series', () => {
    expect(neighbourIndices(5, 24, { direction: 1, ahead: 2, behind: 2 })).toEqual([6, 4, 7, 3]);
    expect(neighbourIndices(0, 3, { direction: 1, ahead: 4, behind: 4 })).toEqual([1, 2]);
  });

  it('reaches further in the scrolling direction than against it', () => {
    expect(neighbourIndices(10, 40)).toEqual([11, 9, 12, 8, 13, 14, 15, 16, 17, 18]);
    expect(neighbourIndices(10, 40, { direction: -1, ahead: 3, behind: 1 })).toEqual([9, 11, 8, 7]);
  });
});
