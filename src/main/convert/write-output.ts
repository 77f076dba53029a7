import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
  writevSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileBytesOnDescriptor, type FileBytes } from '../dicom/file-bytes';

/**
 * Why no further output can be written at all (the whole run stops, rather than failing every file
 * the same way): the output file system is full or read-only.
 */
export type OutputStop = 'disk-full' | 'read-only';

export type WriteResult = { ok: true } | { ok: false; reason: string; exists?: boolean; stop?: OutputStop };

/** What a file whose write met a full or read-only disk says. */
export function stoppedWriteReason(stop: OutputStop, message: string): string {
  const what = stop === 'disk-full' ? 'the disk is full' : 'the file system is read-only';
  return `could not write the output: ${what} (${message})`;
}

/** The errno codes after which writing anything else to the same place is pointless. */
export function outputStopOf(error: unknown): OutputStop | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EROFS') return 'read-only';
  return undefined;
}

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

/** Per thread: a random start, then a counter (no random bytes drawn per file). */
let nextTag = randomBytes(4).readUInt32BE(0);

/** Hidden, unique name beside the destination: same folder, so the final rename never crosses devices. */
function temporaryName(destination: string): string {
  nextTag = (nextTag + 1) >>> 0;
  const tag = `${process.pid}-${threadId}-${nextTag.toString(16).padStart(8, '0')}`;
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
    makeFolder(dirname(path));
    return openSync(path, CREATE_FLAGS, 0o666);
  }
}

/** The nearest existing folder at or above `folder`. */
function existingAncestor(folder: string): string {
  let at = folder;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/**
 * mkdir -p. Node's recursive mkdir reports a read-only or unwritable parent as ENOENT; asking the
 * nearest existing folder for write access gives the real cause (EROFS, EACCES), so a read-only output
 * stops the run instead of failing every file as "no such file".
 */
export function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      accessSync(existingAncestor(folder), constants.W_OK);
    throw error;
  }
}

/**
 * Pieces up to this size are copied into a staging buffer and go out with the next large piece in one
 * writev (the header with the first frame: a single-frame output is one system call), or at the end.
 */
const STAGE_BYTES = 64 * 1024;
let stageBuffer: Uint8Array | undefined;

interface FileSink extends OutputSink {
  /** writes what is staged; the file then holds everything written to the sink */
  flush(): void;
}

/**
 * Appends at the end of what is written so far (positioned writes: no shared file offset involved).
 * A piece larger than the stage is written during its write() call, so the caller may reuse it after.
 */
function sinkOn(fd: number): FileSink {
  let position = 0;
  const stage = (stageBuffer ??= new Uint8Array(STAGE_BYTES));
  let staged = 0;
  const writeAll = (pieces: Uint8Array[]): void => {
    let done = writevSync(fd, pieces, position);
    position += done;
    // A short writev (rare: a signal, a nearly full disk) goes on piece by piece from where it stopped.
    for (const piece of pieces) {
      if (done >= piece.length) {
        done -= piece.length;
        continue;
      }
      for (let at = done; at < piece.length;) {
        const n = writeSync(fd, piece, at, piece.length - at, position);
        at += n;
        position += n;
      }
      done = 0;
    }
  };
  const guarded = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      throw new OutputFileError(error);
    }
  };
  return {
    write(bytes) {
      if (bytes.length === 0) return;
      if (staged + bytes.length <= STAGE_BYTES) {
        stage.set(bytes, staged);
        staged += bytes.length;
        return;
      }
      const pieces = staged > 0 ? [stage.subarray(0, staged), bytes] : [bytes];
      staged = 0;
      guarded(() => writeAll(pieces));
    },
    flush() {
      if (staged === 0) return;
      const pieces = [stage.subarray(0, staged)];
      staged = 0;
      guarded(() => writeAll(pieces));
    },
  };
}

function cannotWrite(error: unknown): WriteResult {
  const message = error instanceof Error ? error.message : String(error);
  const stop = outputStopOf(error);
  if (stop) return { ok: false, stop, reason: stoppedWriteReason(stop, message) };
  return {
    ok: false,
    reason: `could not write the output (${message}); check that the output folder is writable and has space`,
  };
}

export const existsReason = 'the output file already exists; pass --overwrite to replace it';

/** A rerun's skip: the output an earlier run wrote is byte for byte what this one would write. */
export const alreadyDoneReason = 'already converted: the existing output matches';

/**
 * True when the file at `path` holds exactly what `produce` writes, compared piece by piece as it is
 * produced (nothing is written, and a multi-frame output is never held whole): how a rerun recognises
 * an output an earlier run finished.
 */
export function existingMatches(path: string, produce: (sink: OutputSink) => void): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const file = fileBytesOnDescriptor(fd);
    let position = 0;
    let same = true;
    // Errors of producing (a frame that cannot be decoded) are thrown on, as when writing.
    produce({
      write(bytes) {
        if (!same) return;
        const held = file.readUpTo(position, bytes.length);
        same = held.length === bytes.length && Buffer.compare(held, bytes) === 0;
        position += bytes.length;
      },
    });
    return same && position === file.size;
  } finally {
    closeSync(fd);
  }
}

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
      const sink = sinkOn(fd);
      produce(sink);
      sink.flush();
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
