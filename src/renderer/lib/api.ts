/**
 * The renderer's only way to main. Uses `window.dicomInk` (the Electron preload) when present, else the
 * browser bridge: the same contract either way, and every answer and event is validated here before use.
 */
import type {
  EventChannel,
  EventContract,
  InvokeChannel,
  IpcResult,
  RawTransport,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc/contract';
import { parseEvent, parseResult } from '../../shared/ipc/validate';
import { bridgeToken, createBridgeTransport } from './bridge-client';

declare global {
  interface Window {
    dicomInk?: RawTransport;
  }
}

export interface Api {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventContract[C]) => void): () => void;
  /** the filesystem path of a dropped file or folder, when the transport knows it (Electron) */
  pathForFile(file: File): string | undefined;
}

export function createApi(transport: RawTransport): Api {
  return {
    async invoke(channel, request) {
      try {
        return parseResult(channel, await transport.invoke(channel, request));
      } catch (error) {
        return {
          ok: false,
          error: `Could not reach DICOM Ink (${error instanceof Error ? error.message : String(error)}).`,
        };
      }
    },
    on(channel, listener) {
      return transport.subscribe(channel, (payload) => {
        const parsed = parseEvent(channel, payload);
        if (parsed.ok) listener(parsed.value);
      });
    },
    pathForFile(file) {
      const path = transport.pathForFile?.(file);
      return path ? path : undefined;
    },
  };
}

let api: Api | undefined;

export function getApi(): Api {
  api ??= createApi(
    window.dicomInk ?? createBridgeTransport(bridgeToken(window.location, window.sessionStorage)),
  );
  return api;
}
