import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

export type WriteResult = { ok: true } | { ok: false; reason: string; exists?: boolean };

export interface WriteOptions {
  overwrite: boolean;
  /** checks the bytes read back from the temporary file; a failure keeps the final name untouched */
  verify?: (written: Uint8Array) => { ok: true } | { ok: false; reason: string };
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

/** Creates the file, and its folder only when missing (no mkdir per file; outputs of a series share one folder). */
function createFile(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes, { flag: 'wx' });
  }
}

/** Read-back buffer reused from file to file (outputs of one series have one size): no 1 MB garbage per file. */
let readBack = new Uint8Array(0);

/** The file's bytes as now on disk, in the reused buffer (valid until the next call). */
function readBackFile(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (readBack.length < size) readBack = new Uint8Array(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, readBack, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return readBack.subarray(0, done);
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
    createFile(temporary, bytes);
    if (options.verify) {
      const verdict = options.verify(readBackFile(temporary));
      if (!verdict.ok) {
        removeQuietly(temporary);
        return { ok: false, reason: `the written file did not read back as intended: ${verdict.reason}` };
      }
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
