/**
 * The library service's `scanFiles` run by a library worker: the worker walks the folder and reads each
 * header, the main process only receives one small message per file. Aborting the signal sends a cancel
 * and ends the iteration at once; a crash of the worker ends every running scan with a reason (the
 * next scan starts a fresh worker).
 */
import type { Worker } from 'node:worker_threads';
import type { LibraryDeps, ScannedFile } from './library-service';
import type { FromLibraryWorker, ToLibraryWorker } from './library-worker-messages';
import { parseFromWorker } from './library-worker-messages';
import { createWorkerHost } from './worker-host';

export interface WorkerScanner {
  scanFiles: LibraryDeps['scanFiles'];
  terminate(): Promise<void>;
}

interface Channel {
  files: ScannedFile[];
  /** set when the scan is over: '' for a normal end, else why it failed */
  end?: string;
  wake?: () => void;
}

export function createWorkerScanner(spawn: () => Worker): WorkerScanner {
  const channels = new Map<number, Channel>();
  let nextId = 1;

  const finish = (channel: Channel, end: string): void => {
    channel.end ??= end;
    channel.wake?.();
  };

  const host = createWorkerHost<ToLibraryWorker, FromLibraryWorker>({
    spawn,
    prepare: { type: 'prepare', decoding: false },
    parse: parseFromWorker,
    onMessage: (message) => {
      if (message.type === 'frame') return;
      const channel = channels.get(message.scanId);
      if (!channel) return;
      if (message.type === 'scan-file') {
        channel.files.push({ path: message.path, read: message.read });
        channel.wake?.();
      } else finish(channel, message.error ?? '');
    },
    onLost: (reason) => {
      for (const channel of channels.values()) {
        finish(
          channel,
          `the background scanner stopped unexpectedly (${reason}); open the folder again to rescan it`,
        );
      }
    },
  });

  // Started with the app, so the first folder opened does not wait for the worker to start.
  host.warm();

  async function* scanFiles(root: string, signal: AbortSignal): AsyncGenerator<ScannedFile> {
    const scanId = nextId++;
    const channel: Channel = { files: [] };
    channels.set(scanId, channel);
    host.setBusy(true);
    const onAbort = (): void => {
      channel.files = [];
      finish(channel, '');
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (!host.post({ type: 'scan', scanId, root })) finish(channel, 'the app is shutting down');
    try {
      for (;;) {
        const file = channel.files.shift();
        if (file) yield file;
        else if (channel.end !== undefined) {
          if (channel.end !== '') throw new Error(channel.end);
          return;
        } else await new Promise<void>((resolve) => (channel.wake = resolve));
        channel.wake = undefined;
      }
    } finally {
      // Ended early (cancelled, or the consumer stopped reading): the worker stops walking too.
      if (channel.end === undefined || signal.aborted) host.post({ type: 'scan-cancel', scanId });
      signal.removeEventListener('abort', onAbort);
      channels.delete(scanId);
      host.setBusy(channels.size > 0);
    }
  }

  return {
    scanFiles,
    terminate: async () => {
      await host.terminate();
      for (const channel of channels.values()) finish(channel, 'the app is shutting down');
    },
  };
}
