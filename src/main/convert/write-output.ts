import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { KEEP_LIMIT } from './scratch-buffers';

export type WriteResult = { ok: true } | { ok: false; reason: string; exists?: boolean };

type Verdict = { ok: true } | { ok: false; reason: string };

export interface WriteOptions {
  overwrite: boolean;
  /** checks the bytes read back from the temporary file; a failure keeps the final name untouched */
  verify?: (written: Uint8Array) => Verdict;
}

/** Hidden, unique name beside the destination: same folder, so the final rename never crosses devices. */
function temporaryName(destination: string): string {
  const tag = `${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
  return join(dirname(destination), `.${basename(destination)}.${tag}.partial`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone: nothing to clean up
  }
}

/**
 * Publishes the temporary file under its final name. Without overwrite, a hard link is the atomic
 * "create only if absent" (it fails with EEXIST); file systems without hard links fall back to a
 * check followed by rename.
 */
function publish(temporary: string, destination: string, overwrite: boolean): WriteResult {
  if (overwrite) {
    renameSync(temporary, destination);
    return { ok: true };
  }
  try {
    linkSync(temporary, destination);
    removeQuietly(temporary);
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { ok: false, exists: true, reason: existsReason };
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  if (existsSync(destination)) return { ok: false, exists: true, reason: existsReason };
  renameSync(temporary, destination);
  return { ok: true };
}

/**
 * Create-only, never through a link: O_EXCL fails if the name exists (even as a dangling symbolic link),
 * and O_NOFOLLOW (where the platform has it) refuses a link as the last component in any case.
 */
const CREATE_FLAGS = constants.O_CREAT | constants.O_EXCL | constants.O_RDWR | (constants.O_NOFOLLOW ?? 0);

/**
 * Creates the file for reading and writing, and its folder only when missing (no mkdir per file;
 * outputs of a series share one folder). A temporary name is never reused.
 */
function createFile(path: string): number {
  try {
    return openSync(path, CREATE_FLAGS, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, CREATE_FLAGS, 0o666);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, done);
}

/**
 * Read-back buffer reused from file to file (outputs of one series have one size): no 1 MB garbage per
 * file. Outputs above KEEP_LIMIT get a buffer of their own, so one huge file does not pin its size.
 */
let readBack = new Uint8Array(0);

/**
 * The file's bytes as it now holds them (its size from fstat, so a short or overlong file shows), read
 * through the descriptor that wrote them: one open per output instead of two. Like any read right after
 * a write, this comes from the OS page cache; it proves what the file contains, not the disk's health.
 * Returned in the reused buffer (valid until the next call).
 */
function readBackFile(fd: number): Uint8Array {
  const size = fstatSync(fd).size;
  let target = readBack;
  if (size > KEEP_LIMIT) target = new Uint8Array(size);
  else if (readBack.length < size) target = readBack = new Uint8Array(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, target, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return target.subarray(0, done);
}

/** Writes the temporary file and, when asked, verifies what it holds; the descriptor is always closed. */
function writeTemporary(path: string, bytes: Uint8Array, verify: WriteOptions['verify']): Verdict {
  const fd = createFile(path);
  try {
    writeAll(fd, bytes);
    return verify ? verify(readBackFile(fd)) : { ok: true };
  } finally {
    closeSync(fd);
  }
}

export const existsReason = 'the output file already exists; pass --overwrite to replace it';

/**
 * Writes `bytes` to `destination` so that no reader ever sees a partial file: the data goes to a
 * temporary name in the destination folder, is optionally read back and verified, then renamed.
 * An interrupted run leaves at most a hidden `.partial` file, never a truncated output.
 */
export function writeAtomically(destination: string, bytes: Uint8Array, options: WriteOptions): WriteResult {
  const temporary = temporaryName(destination);
  try {
    const verdict = writeTemporary(temporary, bytes, options.verify);
    if (!verdict.ok) {
      removeQuietly(temporary);
      return { ok: false, reason: `the written file did not read back as intended: ${verdict.reason}` };
    }
    const result = publish(temporary, destination, options.overwrite);
    if (!result.ok) removeQuietly(temporary);
    return result;
  } catch (error) {
    removeQuietly(temporary);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `could not write the output (${message}); check that the output folder is writable`,
    };
  }
}
