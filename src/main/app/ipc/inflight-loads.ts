/**
 * The cancellable `image:load` requests in flight, each with its AbortController. Keys pair the caller
 * (the Electron webContents, or the one browser-bridge client) with the renderer's request id, so a window
 * can cancel only its own loads, however it guesses ids.
 */

/** Who sent a request: one per Electron webContents; the browser bridge has one client per token. */
export type CallerId = string;

export interface InflightLoad {
  signal: AbortSignal;
  /** forgets the load once it has answered (cancelling it afterwards is then a harmless no-op) */
  end(): void;
}

export interface InflightLoads {
  begin(caller: CallerId, requestId: number): InflightLoad;
  /** aborts that load of that caller; false when it is unknown or already ended */
  cancel(caller: CallerId, requestId: number): boolean;
  size(): number;
}

const keyOf = (caller: CallerId, requestId: number): string => `${caller}\u0000${requestId}`;

export function createInflightLoads(): InflightLoads {
  const controllers = new Map<string, AbortController>();
  return {
    begin(caller, requestId) {
      const key = keyOf(caller, requestId);
      const controller = new AbortController();
      // A reused id replaces the older entry; end() of the older load then leaves the newer one alone.
      controllers.set(key, controller);
      return {
        signal: controller.signal,
        end: () => {
          if (controllers.get(key) === controller) controllers.delete(key);
        },
      };
    },
    cancel(caller, requestId) {
      const key = keyOf(caller, requestId);
      const controller = controllers.get(key);
      if (!controller) return false;
      controllers.delete(key);
      controller.abort();
      return true;
    },
    size: () => controllers.size,
  };
}
