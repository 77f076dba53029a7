/** Binds the library and image services to the DICOM reader on disk (src/main/dicom). */
import { readDicomFile } from '../../dicom/read-dicom';
import { initCodecs } from '../../dicom/decode';
import { scanFolder } from '../../dicom/scan-folder';
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

export function listFilesOnDisk(root: string, signal: AbortSignal): AsyncIterable<string> {
  return scanFolder(root, { signal });
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A scan on the calling thread: lists files and reads each header in turn, yielding the event loop
 * between files so messages (a cancel, for one) are handled. The library worker runs it; tests may too.
 */
export function scanWith(
  listFiles: (root: string, signal: AbortSignal) => AsyncIterable<string>,
  readHeader: (path: string) => Promise<HeaderRead>,
): (root: string, signal: AbortSignal) => AsyncGenerator<ScannedFile> {
  return async function* scan(root, signal) {
    for await (const path of listFiles(root, signal)) {
      if (signal.aborted) return;
      yield { path, read: await readHeader(path) };
      await yieldToEventLoop();
    }
  };
}

export const scanFilesOnDisk = scanWith(listFilesOnDisk, readHeaderFromDisk);
