import { closeSync, fstatSync, readSync } from 'node:fs';
import { DicomDecodeError } from './errors';
import { openRegularFileSync } from './regular-file';

/**
 * A file read by positioned reads, never whole: a header is read by a few growing prefixes and a frame
 * by one read at its offset, so memory follows the frame size, not the file size. One read is at most
 * a frame (the reader refuses frames over 1 GiB), far below the 2 GiB a single read may ask for.
 * Synchronous, because decodeFrame is: the converter and the library worker run on their own threads.
 */
export interface FileBytes {
  /** size of the file when it was opened */
  readonly size: number;
  /** bytes read so far (lets tests show that a frame is read without the rest of the file) */
  readonly bytesRead: number;
  /**
   * `length` bytes at `position`, into `target` when given (its first `length` bytes), else a fresh
   * array. Fewer bytes than asked (the file shrank) throw a DicomDecodeError naming `what`.
   */
  read(position: number, length: number, what: string, target?: Uint8Array): Uint8Array;
  /** up to `length` bytes at `position`: fewer at the end of the file (into `target` when given) */
  readUpTo(position: number, length: number, target?: Uint8Array): Uint8Array;
  /** closes the descriptor; a later read opens the file again */
  close(): void;
}

/** Why a file cannot be opened, in words a user can act on (the error code kept for searching). */
export function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return 'the file cannot be opened (ENOENT: it does not exist; it may have been moved or deleted)';
  if (code === 'EACCES' || code === 'EPERM')
    return `the file cannot be opened (${code}: permission denied); check its permissions`;
  if (code === 'EISDIR') return 'the file cannot be opened (EISDIR: this is a folder, not a file)';
  return `the file cannot be opened (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** Positioned reads through `descriptor()`; `release` runs on close. */
function fileBytes(size: number, descriptor: () => number, release: () => void): FileBytes {
  let bytesRead = 0;

  function fill(target: Uint8Array, position: number, length: number): number {
    let done = 0;
    while (done < length) {
      const n = readSync(descriptor(), target, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    bytesRead += done;
    return done;
  }

  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    read(position, length, what, target) {
      const out = target ? target.subarray(0, length) : new Uint8Array(length);
      const done = fill(out, position, length);
      if (done < length) {
        throw new DicomDecodeError(
          `${what} needs ${length} bytes at offset ${position}, ${done} present: the file is truncated`,
        );
      }
      return out;
    },
    readUpTo(position, length, target) {
      const wanted = Math.max(0, Math.min(length, size - position));
      const out = target && target.length >= wanted ? target.subarray(0, wanted) : new Uint8Array(wanted);
      return out.subarray(0, fill(out, position, wanted));
    },
    close: release,
  };
}

/**
 * Opens `path` for positioned reads, only if it is a regular file (see regular-file.ts: a FIFO or a
 * device is refused before anything blocks); throws the fs error (describeOpenError words it) or a
 * NotRegularFileError.
 */
export function openFileBytes(path: string): FileBytes {
  const opened = openRegularFileSync(path);
  let fd: number | undefined = opened.fd;
  return fileBytes(
    opened.size,
    () => (fd ??= openRegularFileSync(path).fd),
    () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  );
}

/** Positioned reads through a descriptor the caller owns (and closes): e.g. a file just written. */
export function fileBytesOnDescriptor(fd: number): FileBytes {
  return fileBytes(
    fstatSync(fd).size,
    () => fd,
    () => undefined,
  );
}
