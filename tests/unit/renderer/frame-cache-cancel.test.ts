import { describe, expect, it } from 'vitest';
import type { Api } from '../../../src/renderer/lib/api';
import {
  CANCELLED,
  createFrameCache,
  type Loader,
  type Outcome,
} from '../../../src/renderer/lib/frame-cache';
import { keysAt, loadThroughApi, neighbourIndices, showSlice } from '../../../src/renderer/lib/frames';
import type { SliceRef } from '../../../src/shared/ipc/library';

interface Pending {
  key: string;
  signal: AbortSignal;
  finish(value: string): void;
}

/** A loader that holds every load until the test finishes it, and records the order keys were asked for. */
function heldLoader(): { loader: Loader<string>; pending: Map<string, Pending>; asked: string[] } {
  const pending = new Map<string, Pending>();
  const asked: string[] = [];
  const loader: Loader<string> = (key, signal) =>
    new Promise((resolve) => {
      asked.push(key);
      pending.set(key, { key, signal, finish: (value) => resolve({ ok: true, value }) });
    });
  return { loader, pending, asked };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('frame cache cancellation', () => {
  it('cancels the loads of slices that are no longer current or neighbours, and caches none of them', async () => {
    const { loader, pending } = heldLoader();
    const cache = createFrameCache(loader, 16);
    const far = cache.load('10', { cancellable: true });
    const near = cache.load('19', { cancellable: true });
    expect(cache.cancelStale(['20', '21', '19'])).toBe(1);
    expect(pending.get('10')?.signal.aborted).toBe(true);
    expect(pending.get('19')?.signal.aborted).toBe(false);
    expect(await far).toEqual({ state: 'cancelled' });
    expect(cache.peek('10')).toBeUndefined();
    // The frame arriving after the cancel is dropped; the kept load still completes and is cached.
    pending.get('10')?.finish('late');
    pending.get('19')?.finish('slice 19');
    expect(await near).toEqual({ state: 'ready', value: 'slice 19' });
    await tick();
    expect(cache.peek('10')).toBeUndefined();
    expect(cache.size()).toBe(1);
  });

  it('still prefetches the new neighbours after a slice change, and drops the stale queue', async () => {
    const { loader, pending, asked } = heldLoader();
    const cache = createFrameCache(loader, 16);
    cache.prefetch(['6', '4', '7']);
    await tick();
    expect(asked).toEqual(['6']);
    // The user jumps to slice 20: 6 is aborted, 4 and 7 are never asked for, 21 and 19 are.
    cache.cancelStale(['20', '21', '19']);
    expect(pending.get('6')?.signal.aborted).toBe(true);
    const current = cache.load('20', { cancellable: true });
    pending.get('20')?.finish('slice 20');
    await current;
    cache.prefetch(['21', '19']);
    await tick();
    pending.get('21')?.finish('slice 21');
    await tick();
    pending.get('19')?.finish('slice 19');
    await tick();
    expect(asked).toEqual(['6', '20', '21', '19']);
    expect(cache.peek('19')).toEqual({ state: 'ready', value: 'slice 19' });
    expect(cache.peek('6')).toBeUndefined();
  });

  it('does not cache a load the loader answers as cancelled, and loads it afresh next time', async () => {
    let calls = 0;
    const cache = createFrameCache<string>(
      async () => (++calls === 1 ? CANCELLED : { ok: true, value: 'B' }),
      4,
    );
    expect(await cache.load('b', { cancellable: true })).toEqual({ state: 'cancelled' });
    expect(cache.peek('b')).toBeUndefined();
    expect(await cache.load('b')).toEqual({ state: 'ready', value: 'B' });
    expect(calls).toBe(2);
  });

  it('starts a fresh load when the user comes back to a slice whose load was cancelled', async () => {
    const { loader, pending, asked } = heldLoader();
    const cache = createFrameCache(loader, 16);
    const first = cache.load('3', { cancellable: true });
    cache.cancelStale(['40']);
    const again = cache.load('3', { cancellable: true });
    expect(await first).toEqual({ state: 'cancelled' });
    pending.get('3')?.finish('slice 3');
    expect(await again).toEqual({ state: 'ready', value: 'slice 3' });
    expect(asked).toEqual(['3', '3']);
  });

  it('never cancels a load someone needs whole (a thumbnail), even one it joined', async () => {
    const { loader, pending } = heldLoader();
    const cache = createFrameCache(loader, 16);
    const thumbnail = cache.load('t');
    const joined = cache.load('p', { cancellable: true });
    const thumbnailOfP = cache.load('p');
    expect(cache.cancelStale([])).toBe(0);
    pending.get('t')?.finish('T');
    pending.get('p')?.finish('P');
    expect(await thumbnail).toEqual({ state: 'ready', value: 'T' });
    expect(await joined).toEqual({ state: 'ready', value: 'P' });
    expect(await thumbnailOfP).toEqual({ state: 'ready', value: 'P' });
  });

  it('picks the neighbour keys inside the series', () => {
    const slices: SliceRef[] = [0, 1, 2].map((i) => ({
      path: `/s/IM${i}`,
      frame: 0,
      sopInstanceUid: `1.${i}`,
    }));
    expect(keysAt(slices, neighbourIndices(0, slices.length))).toEqual(['0|/s/IM1', '0|/s/IM2']);
  });
});

describe('slice changes in the viewer', () => {
  const series: SliceRef[] = Array.from({ length: 40 }, (_, i) => ({
    path: `/s/IM${i}`,
    frame: 0,
    sopInstanceUid: `1.${i}`,
  }));

  it('scrolling fast from slice 0 to 20 cancels every load passed over: the newest slice wins', async () => {
    const { loader, pending, asked } = heldLoader();
    const cache = createFrameCache(loader, 64);
    let current = 0;
    const shown: Array<Promise<Outcome<string> | undefined>> = [];
    for (let index = 0; index <= 20; index++) {
      current = index;
      shown.push(showSlice(cache, series, index, () => current === index));
    }
    // Slices 0..17 are more than 2 behind slice 20: each was asked for and then cancelled.
    expect(asked).toHaveLength(21);
    const aborted = asked.filter((key) => pending.get(key)?.signal.aborted);
    expect(aborted).toEqual(Array.from({ length: 18 }, (_, i) => `0|/s/IM${i}`));
    for (let i = 0; i < 18; i++) expect(await shown[i]).toEqual({ state: 'cancelled' });
    // Slice 20 arrives; then its neighbours are prefetched one by one, nearest first.
    pending.get('0|/s/IM20')?.finish('slice 20');
    expect(await shown[20]).toEqual({ state: 'ready', value: 'slice 20' });
    await tick();
    expect(asked.slice(21)).toEqual(['0|/s/IM21']);
    expect(cache.peek('0|/s/IM3')).toBeUndefined();
  });
});

describe('loading frames through the API', () => {
  function fakeApi(answer: (channel: string, request: unknown) => unknown) {
    const sent: Array<[string, unknown]> = [];
    const api: Pick<Api, 'invoke'> = {
      invoke: (async (channel: string, request: unknown) => {
        sent.push([channel, request]);
        return answer(channel, request);
      }) as Api['invoke'],
    };
    return { api, sent };
  }

  it('sends image:cancel with the id of the aborted image:load and resolves cancelled', async () => {
    let answerLoad: (value: unknown) => void = () => undefined;
    const { api, sent } = fakeApi((channel) =>
      channel === 'image:load'
        ? new Promise((resolve) => (answerLoad = resolve))
        : { ok: true, value: { cancelled: true } },
    );
    const controller = new AbortController();
    const loading = loadThroughApi(api)('4|/s/IM5', controller.signal);
    controller.abort();
    answerLoad({ ok: true, value: { cancelled: true } });
    expect(await loading).toEqual(CANCELLED);
    const [load, cancel] = sent;
    const id = (load?.[1] as { requestId: number }).requestId;
    expect(load).toEqual(['image:load', { path: '/s/IM5', frame: 4, requestId: id }]);
    expect(cancel).toEqual(['image:cancel', { requestId: id }]);
    expect(Number.isInteger(id) && id > 0).toBe(true);
  });

  it('asks main for nothing when the load is already stale, and gives each load its own id', async () => {
    const { api, sent } = fakeApi(() => ({ ok: false, error: 'no such file' }));
    const controller = new AbortController();
    controller.abort();
    expect(await loadThroughApi(api)('0|/s/IM1', controller.signal)).toEqual(CANCELLED);
    expect(sent).toEqual([]);
    const live = new AbortController().signal;
    expect(await loadThroughApi(api)('0|/s/IM1', live)).toEqual({ ok: false, error: 'no such file' });
    await loadThroughApi(api)('0|/s/IM2', live);
    const ids = sent.map(([, request]) => (request as { requestId: number }).requestId);
    expect(new Set(ids).size).toBe(2);
  });
});
