import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileBytesOnDescriptor, type FileBytes } from '../dicom/file-bytes';

export type WriteResult = { ok: true } | { ok: false; reason: string; exists?: boolean };

type Verdict = { ok: true } | { ok: false; reason: string };

export interface WriteOptions {
  overwrite: boolean;
  /**
   * checks the temporary file once written, reading it back through the descriptor that wrote it (its
   * size from fstat, so a short or overlong file shows); a failure keeps the final name untouched
   */
  verify?: (written: FileBytes) => Verdict;
}

/** Where the output's bytes go, in file order: a frame can be written as soon as it is made. */
export interface OutputSink {
  write(bytes: Uint8Array): void;
}

/** An error of the output file itself (not of what is being written into it). */
class OutputFileError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
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

/** Appends at the end of what is written so far (positioned writes: no shared file offset involved). */
function sinkOn(fd: number): OutputSink {
  let position = 0;
  return {
    write(bytes) {
      try {
        for (let done = 0; done < bytes.length;) {
          const n = writeSync(fd, bytes, done, bytes.length - done, position);
          done += n;
          position += n;
        }
      } catch (error) {
        throw new OutputFileError(error);
      }
    },
  };
}

function cannotWrite(error: unknown): WriteResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    reason: `could not write the output (${message}); check that the output folder is writable and has space`,
  };
}

export const existsReason = 'the output file already exists; pass --overwrite to replace it';

/**
 * Writes a file to `destination` so that no reader ever sees a partial file: `produce` writes it into a
 * temporary name in the destination folder (a piece at a time: a multi-frame output is never held
 * whole), it is optionally read back and verified, then renamed. An interrupted run leaves at most a
 * hidden `.partial` file, never a truncated output. An error thrown by `produce` itself (say, a frame
 * that cannot be decoded) removes the temporary file and is thrown on; errors of the output file come
 * back as a WriteResult.
 */
export function writeAtomically(
  destination: string,
  produce: (sink: OutputSink) => void,
  options: WriteOptions,
): WriteResult {
  const temporary = temporaryName(destination);
  let fd: number;
  try {
    fd = createFile(temporary);
  } catch (error) {
    return cannotWrite(error);
  }
  let verdict: Verdict;
  try {
    try {
      produce(sinkOn(fd));
      verdict = options.verify ? options.verify(fileBytesOnDescriptor(fd)) : { ok: true };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temporary);
    if (error instanceof OutputFileError) return cannotWrite(error.original);
    throw error;
  }
  if (!verdict.ok) {
    removeQuietly(temporary);
    return { ok: false, reason: `the written file did not read back as intended: ${verdict.reason}` };
  }
  try {
    const result = publish(temporary, destination, options.overwrite);
    if (!result.ok) removeQuietly(temporary);
    return result;
  } catch (error) {
    removeQuietly(temporary);
    return cannotWrite(error);
  }
}
