/**
 * The browser-mode transport: the same raw contract as Electron's preload, over the loopback bridge
 * (fetch for requests, EventSource for events). The token comes from the page URL the CLI printed and is
 * kept in sessionStorage so a reload keeps working.
 */
import type { EventChannel, InvokeChannel, RawTransport } from '../../shared/ipc/contract';
import { decodeWire, encodeWire } from '../../shared/ipc/wire';

const TOKEN_KEY = 'dicom-ink-token';
const TOKEN_HEADER = 'X-DicomInk-Token';

export function bridgeToken(location: Location, storage: Storage): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

export function createBridgeTransport(token: string): RawTransport {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  const connect = (channel: EventChannel): void => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    if (listeners.has(channel)) return;
    listeners.set(channel, new Set());
    source.addEventListener(channel, (event) => {
      let payload: unknown;
      try {
        payload = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    });
  };

  return {
    async invoke(channel: InvokeChannel, request: unknown) {
      const response = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        // The wire envelope carries bytes (an imported mask) as bytes, like the answers.
        headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: token },
        body: encodeWire(request ?? {}),
      });
      if (!response.ok)
        return { ok: false, error: (await response.text()).trim() || `HTTP ${response.status}` };
      return decodeWire(await response.arrayBuffer());
    },
    subscribe(channel, listener) {
      connect(channel);
      const set = listeners.get(channel);
      set?.add(listener);
      return () => {
        set?.delete(listener);
      };
    },
  };
}
