import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, normalize, parse, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One path read from an `--inputs-from` list. */
export interface ListedPath {
  /** absolute path (lines are resolved against the current directory) */
  path: string;
  /**
   * Where its outputs go under --out, with forward slashes: the line itself when it is a relative path
   * inside the current directory (`find . -type f` lists), else the absolute path without its root.
   */
  mirror: string;
  isDirectory: boolean;
  /** `list.txt:12`, for messages */
  origin: string;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The output-relative path a listed line mirrors (see ListedPath.mirror). */
export function mirrorOf(line: string): string {
  const normal = normalize(line);
  if (!isAbsolute(normal) && normal !== '..' && !normal.startsWith(`..${sep}`)) return toPosix(normal);
  const absolute = resolve(line);
  return toPosix(absolute.slice(parse(absolute).root.length));
}

function openList(list: string): { stream: Readable; name: string } {
  if (list === '-') return { stream: process.stdin, name: 'stdin' };
  return { stream: createReadStream(list), name: list };
}

/**
 * Streams the paths of an `--inputs-from` list (one per line, `-` for stdin; blank lines ignored; a
 * trailing CR is dropped), so a list of millions of files is never held in memory. A listed path that
 * does not exist still comes through (as a file), so its failure is reported against it.
 */
export async function* readInputList(list: string, signal?: AbortSignal): AsyncGenerator<ListedPath> {
  const { stream, name } = openList(list);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const raw of lines) {
      number++;
      if (signal?.aborted) return;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      const path = resolve(line);
      const isDirectory = await stat(path).then(
        (s) => s.isDirectory(),
        () => false,
      );
      yield { path, mirror: mirrorOf(line), isDirectory, origin: `${name}:${number}` };
    }
  } finally {
    lines.close();
    if (stream !== process.stdin) stream.destroy();
  }
}
