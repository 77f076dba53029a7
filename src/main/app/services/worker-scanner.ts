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

export interface WorkerScannerOptions {
  /**
   * How long the worker may send nothing while a scan runs before it counts as stuck and is replaced
   * (default 90 s; each header read already gives up after 30 s inside the worker).
   */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 90_000;

interface Channel {
  files: ScannedFile[];
  /** the last file the worker reported, to say where a stuck scan stopped */
  lastPath?: string;
  /** set when the scan is over: '' for a normal end, else why it failed */
  end?: string;
  wake?: () => void;
}

export function createWorkerScanner(spawn: () => Worker, options: WorkerScannerOptions = {}): WorkerScanner {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const channels = new Map<number, Channel>();
  let watchdog: NodeJS.Timeout | undefined;
  let nextId = 1;

  /** A fresh `timeoutMs` whenever the worker speaks, while any scan runs. */
  const arm = (): void => {
    clearTimeout(watchdog);
    const running = [...channels.values()].some((channel) => channel.end === undefined);
    watchdog = running ? setTimeout(stuck, timeoutMs) : undefined;
    watchdog?.unref();
  };

  function stuck(): void {
    host.replace();
    const seconds = Math.round(timeoutMs / 1000);
    for (const channel of channels.values()) {
      const where = channel.lastPath === undefined ? '' : ` after ${channel.lastPath}`;
      finish(
        channel,
        `the background scanner stopped responding${where} for ${seconds} s, so it was restarted; open the folder again to rescan it`,
      );
    }
    arm();
  }

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
      arm();
      if (message.type === 'scan-file') {
        channel.lastPath = message.path;
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
    arm();
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
      arm();
    }
  }

  return {
    scanFiles,
    terminate: async () => {
      clearTimeout(watchdog);
      await host.terminate();
      for (const channel of channels.values()) finish(channel, 'the app is shutting down');
    },
  };
}
