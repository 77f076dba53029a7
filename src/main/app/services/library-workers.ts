/**
 * The app's two library workers: one scans folders, one decodes frames, so the first image of a folder
 * never waits behind a long scan and neither blocks the main process. Both run dist/library.worker.cjs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImageDeps } from './image-service';
import type { LibraryDeps } from './library-service';
import { createWorkerFrames } from './worker-frames';
import { createWorkerScanner } from './worker-scanner';

export interface LibraryWorkers {
  scanFiles: LibraryDeps['scanFiles'];
  loadFrame: ImageDeps['loadFrame'];
  /** ends both workers (app shutdown); requests still in flight end with an error value */
  terminate(): Promise<void>;
}

/** dist/library.worker.cjs: beside the running bundle (dist/*.cjs), or dist/ of the repository from source. */
export function defaultLibraryWorkerPath(): string {
  const beside = join(__dirname, 'library.worker.cjs');
  return existsSync(beside) ? beside : resolve(__dirname, '../../../../dist/library.worker.cjs');
}

export function createLibraryWorkers(
  spawn: () => Worker = () => new Worker(defaultLibraryWorkerPath()),
): LibraryWorkers {
  const scanner = createWorkerScanner(spawn);
  const frames = createWorkerFrames(spawn);
  return {
    scanFiles: scanner.scanFiles,
    loadFrame: frames.loadFrame,
    terminate: async () => {
      await Promise.all([scanner.terminate(), frames.terminate()]);
    },
  };
}
