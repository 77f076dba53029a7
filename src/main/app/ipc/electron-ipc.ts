/**
 * Binds the contract to Electron IPC: one ipcMain.handle per invoke channel, only for frames showing our
 * own renderer page (a navigated or injected frame gets nothing), every payload through dispatch().
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventChannel, IpcResult } from '../../../shared/ipc/contract';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';

/**
 * Structured clone copies a typed array's whole backing buffer; a frame that is a view into a larger
 * buffer is copied down to its own bytes first.
 */
function compactBytes(result: IpcResult<unknown>): IpcResult<unknown> {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return result;
  const value = result.value as Record<string, unknown>;
  const bytes = value['bytes'];
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === bytes.buffer.byteLength) return result;
  return { ok: true, value: { ...value, bytes: bytes.slice() } };
}

export function bindIpc(handlers: Handlers, isTrustedUrl: (url: string) => boolean): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) return { ok: false, error: `Refused IPC from ${url || 'an unknown frame'}.` };
      // One caller per webContents: a window can cancel only its own image loads.
      return compactBytes(await dispatch(handlers, channel, payload, `electron:${event.sender.id}`));
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

export function sendEvent(contents: WebContents, channel: EventChannel, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
