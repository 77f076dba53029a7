import { closeSync, fstatSync, readSync } from 'node:fs';
import { readDicomBytes } from '../dicom/read-dicom';
import { isNotRegularFile, openRegularFileSync } from '../dicom/regular-file';
import type { ReadResult } from '../dicom/types';

/**
 * One read buffer per thread, grown to the largest file seen: a series of same-size slices costs no
 * allocation (and no garbage collection) per file. A Buffer, because the reader inflates deflated
 * datasets with node:zlib, which wants one.
 */
let buffer = Buffer.alloc(0);
/** Larger files get a buffer of their own, so one huge file does not pin its size for the rest of the run. */
const SHARED_LIMIT = 64 * 2 ** 20;

function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file no longer exists; it may have been moved or deleted during the run';
  if (code === 'EACCES' || code === 'EPERM')
    return 'the file cannot be read (permission denied); check its permissions';
  if (code === 'EISDIR') return 'this is a folder, not a file';
  return `the file cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/**
 * Reads a whole input synchronously and hands it to the reader. The returned image points into the
 * shared buffer: it is valid until the next readInput call in this thread, which is enough because
 * convertFile renders, writes and forgets each image before the next one is read (worker threads
 * convert one file at a time).
 */
export function readInput(path: string): ReadResult {
  let fd: number | undefined;
  let length = 0;
  let target = buffer;
  try {
    fd = openRegularFileSync(path);
    const size = fstatSync(fd).size;
    if (size > SHARED_LIMIT) target = Buffer.allocUnsafe(size);
    else if (buffer.length < size) target = buffer = Buffer.allocUnsafe(size);
    while (length < size) {
      const n = readSync(fd, target, length, size - length, length);
      if (n === 0) break;
      length += n;
    }
  } catch (error) {
    if (isNotRegularFile(error)) return { ok: false, kind: 'not-dicom', reason: error.message };
    return { ok: false, kind: 'error', reason: describeOpenError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // Frames may borrow the buffer: nothing modifies them, and they are done with before the next read.
  return readDicomBytes(target.subarray(0, length), { borrowPixels: true });
}
