/**
 * The preload (sandboxed: it may import only 'electron'): forwards the contract's channels and nothing
 * else. It carries no logic; main validates every request, the renderer validates every answer.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, isEventChannel, isInvokeChannel, type RawTransport } from '../shared/ipc/contract';

const transport: RawTransport = {
  invoke(channel, request) {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}.`));
    return ipcRenderer.invoke(channel, request) as Promise<unknown>;
  },
  subscribe(channel, listener) {
    if (!isEventChannel(channel)) throw new Error(`Unknown event ${String(channel)}.`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  pathForFile(file) {
    return file instanceof File ? webUtils.getPathForFile(file) : '';
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, transport);
