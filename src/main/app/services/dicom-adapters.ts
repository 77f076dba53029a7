/** Binds the library and image services to the DICOM reader on disk (src/main/dicom). */
import { readDicomFile } from '../../dicom/read-dicom';
import { initCodecs } from '../../dicom/decode';
import { scanEntries, type ScanEntry } from '../../dicom/scan-folder';
import type { ReadResult } from '../../dicom/types';
import type { HeaderRead, ScannedFile } from './library-service';

export async function readHeaderFromDisk(path: string): Promise<HeaderRead> {
  const read = await readDicomFile(path, { headerOnly: true });
  return read.ok
    ? { ok: true, header: read.image.header }
    : { ok: false, kind: read.kind, reason: read.reason };
}

/** Starts the image codecs (a WebAssembly module) once; later calls share the same start. */
export function startCodecs(): Promise<void> {
  return initCodecs();
}

/** Parses a file for display; the codecs are initialised once, on first use. */
export async function readImageFromDisk(path: string): Promise<ReadResult> {
  await initCodecs();
  return readDicomFile(path);
}

/**
 * The files under an opened folder (`root`, a real path). Links are followed only while they stay inside
 * it: one that leads outside comes back refused, so it is listed with the reason and never read.
 */
export function listFilesOnDisk(root: string, signal: AbortSignal): AsyncIterable<ScanEntry> {
  return scanEntries(root, { signal, confineTo: [root] });
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How long one header read may take before the scan reports the file and moves on (default 30 s). */
const HEADER_TIMEOUT_MS = 30_000;

/**
 * The header read, or a failure naming the wait once `timeoutMs` has passed. A read stuck in the file
 * system (a stalled network share) is abandoned, not awaited: the scan goes on with the next file.
 */
function readWithin(readHeader: (path: string) => Promise<HeaderRead>, path: string, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<HeaderRead>((resolve) => {
    timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 1000);
      resolve({
        ok: false,
        kind: 'error',
        reason: `reading it took longer than ${seconds} s, so it was skipped; the file may be on a stalled drive or network share`,
      });
    }, timeoutMs);
  });
  return Promise.race([readHeader(path), late]).finally(() => clearTimeout(timer));
}

/**
 * A scan on the calling thread: lists files and reads each header in turn, yielding the event loop
 * between files so messages (a cancel, for one) are handled. The library worker runs it; tests may too.
 */
export function scanWith(
  listFiles: (root: string, signal: AbortSignal) => AsyncIterable<ScanEntry>,
  readHeader: (path: string) => Promise<HeaderRead>,
  options: { headerTimeoutMs?: number } = {},
): (root: string, signal: AbortSignal) => AsyncGenerator<ScannedFile> {
  const timeoutMs = options.headerTimeoutMs ?? HEADER_TIMEOUT_MS;
  return async function* scan(root, signal) {
    for await (const { path, refused } of listFiles(root, signal)) {
      if (signal.aborted) return;
      if (refused !== undefined) {
        yield { path, read: { ok: false, kind: 'not-dicom', reason: refused } };
        continue;
      }
      yield { path, read: await readWithin(readHeader, path, timeoutMs) };
      await yieldToEventLoop();
    }
  };
}

export const scanFilesOnDisk = scanWith(listFilesOnDisk, readHeaderFromDisk);
