/**
 * The I/O floor of a conversion: what any program writing the engine's outputs must do, with no DICOM
 * work at all. For each input (folder walked recursively): read it whole; create a temporary file
 * beside the output name (O_EXCL); write `outputBytes` bytes into it; read them back and compare; link
 * it to its final name and remove the temporary. One thread, as issue 26 defines the floor the engine
 * (two threads) is measured against. Two threads would do it faster: two of these processes, each on half
 * of 600 slices of 512x512, took 0.83-1.02 s against 1.45-1.84 s for one on all (ext4, new folders) and
 * 0.32-0.36 s against 0.53-0.58 s on a RAM disk, on the 2-core machine measured here.
 *
 * Run by the bench as `node dist/bench.cjs --io-floor <inputs> <outputs> <outputBytes>`.
 */
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  unlinkSync,
  writeSync,
  constants,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

const CREATE = constants.O_CREAT | constants.O_EXCL | constants.O_RDWR;

/** Every regular file under `folder`, at any depth. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function readWhole(path: string, into: Buffer): number {
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    for (;;) {
      const n = readSync(fd, into, done, into.length - done, done);
      if (n === 0) return done;
      done += n;
      if (done === into.length) return done;
    }
  } finally {
    closeSync(fd);
  }
}

/** Does the floor's work for every file under `inputs`, mirrored under `outputs`; returns the file count. */
export function ioFloor(inputs: string, outputs: string, outputBytes: number): number {
  const files = filesUnder(inputs);
  const output = Buffer.alloc(outputBytes, 0x5a);
  const readBack = Buffer.alloc(outputBytes);
  let input = Buffer.alloc(1 << 20);
  const made = new Set<string>();
  for (const path of files) {
    if (readWhole(path, input) === input.length) {
      input = Buffer.alloc(input.length * 4);
      readWhole(path, input);
    }
    const destination = join(outputs, relative(inputs, path));
    const folder = dirname(destination);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    const temporary = join(folder, `.${relative(folder, destination)}.partial`);
    const fd = openSync(temporary, CREATE, 0o666);
    try {
      writeSync(fd, output, 0, outputBytes, 0);
      if (readSync(fd, readBack, 0, outputBytes, 0) !== outputBytes || !readBack.equals(output))
        throw new Error(`${temporary} did not read back as written`);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, destination);
    unlinkSync(temporary);
  }
  return files.length;
}
