/**
 * The image service's `loadFrame` answered by a library worker: each request has an id, the decoded
 * samples arrive as a transferred buffer (moved, not copied), a request whose signal aborts before the
 * worker reaches it is skipped there, and a crash of the worker ends every request in flight with a
 * reason (the next request starts a fresh worker). A worker that answers nothing for `timeoutMs` while
 * requests wait is stuck on the oldest one: that request fails with the reason, the worker is replaced
 * and the others are sent to the new one.
 */
import type { ImageDeps } from './image-service';
import type { FrameRead, FromLibraryWorker, ToLibraryWorker } from './library-worker-messages';
import { parseFromWorker } from './library-worker-messages';
import { createWorkerHost, type WorkerHost } from './worker-host';
import type { Worker } from 'node:worker_threads';

export interface WorkerFrames {
  loadFrame: ImageDeps['loadFrame'];
  terminate(): Promise<void>;
}

export interface WorkerFramesOptions {
  /** how long one request may keep the decoder busy before it is replaced (default 60 s) */
  timeoutMs?: number;
}

const CANCELLED: FrameRead = { ok: false, reason: 'the request was cancelled before the frame was decoded.' };
const SHUT_DOWN: FrameRead = { ok: false, reason: 'the app is shutting down, so the frame was not decoded.' };
const DEFAULT_TIMEOUT_MS = 60_000;

interface Sent {
  path: string;
  frame: number;
}

export function createWorkerFrames(spawn: () => Worker, options: WorkerFramesOptions = {}): WorkerFrames {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Map<number, (read: FrameRead) => void>();
  /** requests the current worker has not answered yet (cancelled ones too), oldest first */
  const sent = new Map<number, Sent>();
  let watchdog: NodeJS.Timeout | undefined;
  let nextId = 1;

  const settle = (id: number, read: FrameRead): void => {
    const resolve = pending.get(id);
    if (!resolve) return; // cancelled meanwhile: the answer is dropped
    pending.delete(id);
    host.setBusy(pending.size > 0);
    resolve(read);
  };

  /** A fresh `timeoutMs` for the oldest unanswered request, whenever the worker has answered one. */
  const arm = (): void => {
    clearTimeout(watchdog);
    watchdog = sent.size > 0 ? setTimeout(stuck, timeoutMs) : undefined;
    watchdog?.unref();
  };

  function send(id: number, request: Sent): boolean {
    if (!host.post({ type: 'frame', id, ...request })) return false;
    sent.set(id, request);
    if (sent.size === 1) arm();
    return true;
  }

  function stuck(): void {
    const [first, ...rest] = [...sent.entries()];
    sent.clear();
    host.replace();
    if (first) {
      const seconds = Math.round(timeoutMs / 1000);
      settle(first[0], {
        ok: false,
        reason: `reading it took longer than ${seconds} s, so the image decoder was stopped and restarted; the file may be on a stalled drive or network share.`,
      });
    }
    for (const [id, request] of rest) if (pending.has(id) && !send(id, request)) settle(id, SHUT_DOWN);
    arm();
  }

  const host: WorkerHost<ToLibraryWorker> = createWorkerHost<ToLibraryWorker, FromLibraryWorker>({
    spawn,
    prepare: { type: 'prepare', decoding: true },
    parse: parseFromWorker,
    onMessage: (message) => {
      if (message.type !== 'frame') return;
      if (sent.delete(message.id)) arm();
      settle(message.id, message.read);
    },
    onLost: (reason) => {
      sent.clear();
      arm();
      const lost: FrameRead = {
        ok: false,
        reason: `the image decoder stopped unexpectedly (${reason}); it has been restarted, so try again.`,
      };
      for (const id of [...pending.keys()]) settle(id, lost);
    },
  });

  // Started with the app: worker start-up and codecs are ready before the first image is asked for.
  host.warm();

  return {
    loadFrame(path, frame, signal) {
      if (signal?.aborted) return Promise.resolve(CANCELLED);
      const id = nextId++;
      return new Promise<FrameRead>((resolve) => {
        pending.set(id, resolve);
        host.setBusy(true);
        if (!send(id, { path, frame })) return settle(id, SHUT_DOWN);
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.has(id)) return;
            host.post({ type: 'frame-cancel', id });
            settle(id, CANCELLED);
          },
          { once: true },
        );
      });
    },
    terminate: async () => {
      clearTimeout(watchdog);
      sent.clear();
      await host.terminate();
      for (const id of [...pending.keys()]) settle(id, SHUT_DOWN);
    },
  };
}
