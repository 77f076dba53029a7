import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface ScanOptions {
  /** folders (or files) whose contents are never yielded, e.g. an output folder inside the input */
  exclude?: string[];
  signal?: AbortSignal;
}

/** True when `path` is `folder` or lies inside it (path.relative, not a string prefix: /a/bc is not in /a/b). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    // Code-unit order, not locale order, so the same tree always scans the same way everywhere.
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // unreadable folder: nothing to yield from it
  }
}

/**
 * Every regular file under `root` (or `root` itself when it is a file), depth first in sorted order.
 * Any name qualifies (DICOM is found by content when the file is read). Symbolic links are followed,
 * but a folder already visited (by its real path) is not entered again, so link loops end.
 */
export async function* scanFolder(root: string, options: ScanOptions = {}): AsyncGenerator<string> {
  const excluded = (options.exclude ?? []).map((e) => resolve(e));
  const isExcluded = (path: string): boolean => excluded.some((e) => isInside(e, path));
  const visited = new Set<string>();

  async function* walk(path: string): AsyncGenerator<string> {
    if (options.signal?.aborted || isExcluded(path)) return;
    let info;
    try {
      info = await stat(path);
    } catch {
      return; // dangling link or vanished file
    }
    if (info.isFile()) {
      yield path;
      return;
    }
    if (!info.isDirectory()) return;
    const real = await realpath(path).catch(() => path);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of await entriesOf(path)) {
      if (options.signal?.aborted) return;
      const child = join(path, entry.name);
      // A regular file (not a link) needs no stat: readdir already said what it is. This saves a
      // thread-pool round trip per file on the main thread, which the workers wait on for their next file.
      if (entry.isFile()) {
        if (!isExcluded(child)) yield child;
      } else yield* walk(child);
    }
  }

  yield* walk(resolve(root));
}
