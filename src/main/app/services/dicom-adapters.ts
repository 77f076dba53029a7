/** Binds the library and image services to the DICOM reader on disk (src/main/dicom). */
import { readDicomFile } from '../../dicom/read-dicom';
import { initCodecs } from '../../dicom/decode';
import { scanFolder } from '../../dicom/scan-folder';
import type { ReadResult } from '../../dicom/types';
import type { HeaderRead } from './library-service';

export async function readHeaderFromDisk(path: string): Promise<HeaderRead> {
  const read = await readDicomFile(path, { headerOnly: true });
  return read.ok
    ? { ok: true, header: read.image.header }
    : { ok: false, kind: read.kind, reason: read.reason };
}

let codecs: Promise<void> | undefined;

/** Parses a file for display; the codecs are initialised once, on first use. */
export async function readImageFromDisk(path: string): Promise<ReadResult> {
  codecs ??= initCodecs();
  await codecs;
  return readDicomFile(path);
}

export function listFilesOnDisk(root: string, signal: AbortSignal): AsyncIterable<string> {
  return scanFolder(root, { signal });
}
