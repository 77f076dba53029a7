/**
 * Every file read as findings goes through here: only a regular file is opened (src/main/dicom/
 * regular-file.ts: a FIFO or device never blocks or floods a run), and a file larger than its kind's
 * ceiling is refused from its size alone, before a byte is read, so a run (or the app's import) checks
 * its findings in bounded memory and refuses before anything is written. The ceilings are listed in the
 * README ("Security and privacy": import ceilings).
 */
import { stat } from 'node:fs/promises';
import { kindOf, openRegularFile, type FileType } from '../dicom/regular-file';

const MiB = 1024 * 1024;

export type FindingFileKind = 'box-table' | 'coco' | 'boxes-3d' | 'yolo' | 'sidecar' | 'dicom' | 'nifti';

/** The largest file of each kind that is read, and what messages call the kind. */
export const FINDING_FILE_LIMITS: Record<FindingFileKind, { bytes: number; what: string }> = {
  'box-table': { bytes: 128 * MiB, what: 'box file (CSV or JSON)' },
  coco: { bytes: 64 * MiB, what: 'COCO file' },
  'boxes-3d': { bytes: 64 * MiB, what: '3D box file' },
  yolo: { bytes: 1 * MiB, what: 'YOLO label or class file' },
  sidecar: { bytes: 1 * MiB, what: 'mask label table' },
  dicom: { bytes: 256 * MiB, what: 'DICOM SEG, SR or GSPS file' },
  nifti: { bytes: 512 * MiB, what: 'NIfTI file' },
};

/** The most a whole YOLO folder's label files may hold together. */
export const YOLO_FOLDER_LIMIT = 64 * MiB;

/** A finding file that is refused: not a regular file, or over its ceiling. */
export class FindingFileError extends Error {
  override readonly name = 'FindingFileError';
}

export function mebibytes(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

/** Why a file of this size may not be read as this kind, or undefined when it may. */
export function overCeiling(size: number, kind: FindingFileKind): string | undefined {
  const { bytes, what } = FINDING_FILE_LIMITS[kind];
  if (size <= bytes) return undefined;
  return `it is ${mebibytes(size)}, over the ${mebibytes(bytes)} a ${what} may have, so it is not read; split it into smaller files`;
}

/** Why a file with this stat is not read as findings, or undefined for a regular file. */
export function notRegular(info: FileType): string | undefined {
  const kind = kindOf(info);
  return kind === undefined ? undefined : `it is ${kind}, not a regular file, so it is not read`;
}

/**
 * The whole file, when it is a regular file within its kind's ceiling; throws FindingFileError (with a
 * sentence saying why) otherwise, and the file system's error when it cannot be read at all.
 */
export async function readFindingFile(path: string, kind: FindingFileKind): Promise<Buffer> {
  const info = await stat(path);
  const reason = notRegular(info) ?? overCeiling(info.size, kind);
  if (reason !== undefined) throw new FindingFileError(reason);
  const handle = await openRegularFile(path);
  try {
    const { size } = await handle.stat();
    const tooBig = overCeiling(size, kind);
    if (tooBig !== undefined) throw new FindingFileError(tooBig);
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** The file as UTF-8 text (see readFindingFile). */
export async function readFindingText(path: string, kind: FindingFileKind): Promise<string> {
  return (await readFindingFile(path, kind)).toString('utf8');
}
