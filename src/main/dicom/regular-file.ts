/**
 * Only regular files are read. Opening a FIFO for reading blocks until a writer appears, and a device
 * may never end, so an input is opened only after its type is known: stat first (nothing is opened for
 * anything but a regular file), then open with O_NONBLOCK (a FIFO swapped in meanwhile cannot block the
 * open; for a regular file the flag changes nothing) and fstat the descriptor, which must be the very
 * file that was checked.
 */
import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, statSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** O_NONBLOCK where the platform has it (not on Windows, which has no FIFOs in the file system). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Thrown for anything but a regular file; `code` lets callers tell it from an I/O error. */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';
  readonly code = 'ENOTREGULAR';
}

/** What stat (or a directory entry) says a file is. */
export type FileType = Pick<
  Stats,
  'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'
>;

/** What the file is, in words, when it is not a regular file. */
export function kindOf(info: FileType): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function refuse(info: Stats): NotRegularFileError {
  const kind = kindOf(info) ?? 'not a regular file';
  return new NotRegularFileError(`it is ${kind}, not a regular file, so it is not read; skipped`);
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Opens a regular file for reading (synchronously), with the size the descriptor's fstat gave (no second
 * fstat for it); throws NotRegularFileError for anything else.
 */
export function openRegularFileSync(path: string): { fd: number; size: number } {
  const before = statSync(path);
  if (!before.isFile()) throw refuse(before);
  const fd = openSync(path, READ_FLAGS);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || !sameFile(before, opened)) throw refuse(opened);
    return { fd, size: opened.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Opens a regular file for reading; throws NotRegularFileError for anything else. */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const before = await stat(path);
  if (!before.isFile()) throw refuse(before);
  const handle = await open(path, READ_FLAGS);
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || !sameFile(before, opened)) throw refuse(opened);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function isNotRegularFile(error: unknown): error is NotRegularFileError {
  return error instanceof NotRegularFileError;
}
