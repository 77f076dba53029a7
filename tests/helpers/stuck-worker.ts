/**
 * A stand-in converter worker (DICOM_INK_TEST_CONVERT_WORKER) whose thread blocks inside a system call
 * on one file, where worker.terminate() cannot reach it, as a read from a stalled network share would:
 * open(2) of a FIFO that has no writer. Every other file gets a 'converted' outcome without being read.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORKER = `
const { parentPort } = require('node:worker_threads');
const { basename } = require('node:path');
const fs = require('node:fs');
parentPort.on('message', (m) => {
  const name = m.input.path;
  if (basename(name) === process.env.DICOM_INK_TEST_STUCK_ON) {
    fs.writeFileSync(process.env.DICOM_INK_TEST_STUCK_MARKER, name);
    fs.openSync(process.env.DICOM_INK_TEST_STUCK_FIFO, 'r');
    return;
  }
  const outcome = { status: 'converted', input: name, output: m.input.outputPath, frames: 1, boxesDrawn: 0, matchedBoxOrigins: [] };
  parentPort.postMessage({ type: 'outcome', id: m.id, outcome });
});
parentPort.postMessage({ type: 'ready' });
`;

export interface StuckWorker {
  workerPath: string;
  /** the variables that make the engine use this worker and block on `stuckOn` */
  env: Record<string, string>;
  /** true once a thread has entered the blocking call */
  entered(): boolean;
  /** opens the FIFO's other end, so a blocked thread returns and can end (safe to call more than once) */
  release(): void;
}

/** Writes the worker and its FIFO into `dir`; the thread blocks on the file whose base name is `stuckOn`. */
export function createStuckWorker(dir: string, stuckOn: string): StuckWorker {
  const workerPath = join(dir, 'stuck.worker.cjs');
  const fifo = join(dir, 'stuck.fifo');
  const marker = join(dir, 'stuck.entered');
  writeFileSync(workerPath, WORKER);
  execFileSync('mkfifo', [fifo]);
  return {
    workerPath,
    env: {
      DICOM_INK_TEST_CONVERT_WORKER: workerPath,
      DICOM_INK_TEST_STUCK_ON: stuckOn,
      DICOM_INK_TEST_STUCK_FIFO: fifo,
      DICOM_INK_TEST_STUCK_MARKER: marker,
    },
    entered: () => existsSync(marker),
    // O_RDWR never blocks on a FIFO (Linux) and counts as a writer, so a blocked open(2) returns.
    release: () => closeSync(openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK)),
  };
}
