/** The preload, executed under the stub `electron` module: it exposes exactly the contract's channels. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_GLOBAL,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type RawTransport,
} from '../../../src/shared/ipc/contract';
import { recorded } from '../../helpers/electron-stub';

vi.mock('electron', () => import('../../helpers/electron-stub'));

let api: RawTransport;
beforeAll(async () => {
  await import('../../../src/preload/index');
  api = recorded.exposed.get(BRIDGE_GLOBAL) as RawTransport;
});

describe('preload', () => {
  it('exposes one API, under the contract’s global name, with only invoke, subscribe and pathForFile', () => {
    expect([...recorded.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'pathForFile', 'subscribe']);
  });

  it('forwards every invoke channel of the contract and refuses any other', async () => {
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel, { probe: channel } as never);
    expect(recorded.rendererInvokes.map(([channel]) => channel)).toEqual([...INVOKE_CHANNELS]);
    for (const channel of ['fs:read', 'app:quit', '__proto__']) {
      await expect(api.invoke(channel as never, {} as never)).rejects.toThrow(/Unknown channel/);
    }
    expect(recorded.rendererInvokes).toHaveLength(INVOKE_CHANNELS.length);
  });

  it('subscribes to every event channel of the contract, unsubscribes, and refuses any other', () => {
    for (const channel of EVENT_CHANNELS) {
      const seen: unknown[] = [];
      const unsubscribe = api.subscribe(channel, (payload) => seen.push(payload));
      const [listener] = recorded.rendererListeners.get(channel) ?? [];
      (listener as unknown as (event: unknown, payload: unknown) => void)({}, 'p');
      expect(seen).toEqual(['p']);
      unsubscribe();
      expect(recorded.rendererListeners.get(channel)).toEqual([]);
    }
    expect(() => api.subscribe('library:open' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
