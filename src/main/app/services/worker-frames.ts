/**
 * The image service's `loadFrame` answered by a library worker: each request has an id, the decoded
 * samples arrive as a transferred buffer (moved, not copied), a request whose signal aborts before the
 * worker reaches it is skipped there, and a crash of the worker ends every request in flight with a
 * reason (the next request starts a fresh worker).
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

const CANCELLED: FrameRead = { ok: false, reason: 'the request was cancelled before the frame was decoded.' };
const SHUT_DOWN: FrameRead = { ok: false, reason: 'the app is shutting down, so the frame was not decoded.' };

export function createWorkerFrames(spawn: () => Worker): WorkerFrames {
  const pending = new Map<number, (read: FrameRead) => void>();
  let nextId = 1;

  const settle = (id: number, read: FrameRead): void => {
    const resolve = pending.get(id);
    if (!resolve) return; // cancelled meanwhile: the answer is dropped
    pending.delete(id);
    host.setBusy(pending.size > 0);
    resolve(read);
  };

  const host: WorkerHost<ToLibraryWorker> = createWorkerHost<ToLibraryWorker, FromLibraryWorker>({
    spawn,
    prepare: { type: 'prepare', decoding: true },
    parse: parseFromWorker,
    onMessage: (message) => {
      if (message.type === 'frame') settle(message.id, message.read);
    },
    onLost: (reason) => {
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
        if (!host.post({ type: 'frame', id, path, frame })) return settle(id, SHUT_DOWN);
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
      await host.terminate();
      for (const id of [...pending.keys()]) settle(id, SHUT_DOWN);
    },
  };
}
