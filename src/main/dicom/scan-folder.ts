import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface ScanOptions {
  /** folders (or files) whose contents are never yielded, e.g. an output folder inside the input */
  exclude?: string[];
  /**
   * Real paths of the folders the walk may not leave (the app's opened folders). A symbolic link whose
   * target's real path lies outside all of them is not followed; it is yielded as refused instead.
   * Without it, links are followed wherever they lead (the CLI: folders of links into an archive).
   */
  confineTo?: readonly string[];
  signal?: AbortSignal;
}

/** One entry a scan found: a file to read, or (with `refused`) one it will not read, and why. */
export interface ScanEntry {
  path: string;
  refused?: string;
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

export const OUTSIDE_LINK_REASON =
  'it is a symbolic link that leads outside the opened folder, so it is not read; open its target folder to see it';

/**
 * Every file under `root` (or `root` itself when it is a file), depth first in sorted order. Any name
 * qualifies (DICOM is found by content when the file is read). Entries that are neither files nor
 * folders (FIFOs, sockets, devices) are yielded too, so the reader reports them rather than the scan
 * hiding them; the reader never opens them. Symbolic links are followed (within `confineTo` when
 * given), but a folder already visited (by its real path) is not entered again, so link loops end.
 */
export async function* scanEntries(root: string, options: ScanOptions = {}): AsyncGenerator<ScanEntry> {
  const excluded = (options.exclude ?? []).map((e) => resolve(e));
  const isExcluded = (path: string): boolean => excluded.some((e) => isInside(e, path));
  const confine = options.confineTo;
  const visited = new Set<string>();

  /** Where a link may lead: true when it stays inside `confineTo` (or there is none), false when it leaves. */
  async function staysInside(path: string): Promise<boolean | undefined> {
    if (!confine) return true;
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) return undefined; // dangling link: nothing to read
    return confine.some((folder) => isInside(folder, real));
  }

  async function* walk(path: string): AsyncGenerator<ScanEntry> {
    if (options.signal?.aborted || isExcluded(path)) return;
    let info;
    try {
      info = await stat(path);
    } catch {
      return; // dangling link or vanished file
    }
    if (!info.isDirectory()) {
      yield { path };
      return;
    }
    const real = await realpath(path).catch(() => path);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of await entriesOf(path)) {
      if (options.signal?.aborted) return;
      const child = join(path, entry.name);
      // A regular file (not a link) needs no stat: readdir already said what it is. This saves a
      // thread-pool round trip per file on the main thread, which the workers wait on for their next file.
      if (entry.isFile()) {
        if (!isExcluded(child)) yield { path: child };
        continue;
      }
      if (entry.isSymbolicLink()) {
        const inside = await staysInside(child);
        if (inside === undefined) continue;
        if (!inside) {
          if (!isExcluded(child)) yield { path: child, refused: OUTSIDE_LINK_REASON };
          continue;
        }
      }
      yield* walk(child);
    }
  }

  const start = resolve(root);
  if (confine && (await staysInside(start)) === false) {
    yield { path: start, refused: OUTSIDE_LINK_REASON };
    return;
  }
  yield* walk(start);
}

/** The paths of scanEntries that are to be read (refused links left out). */
export async function* scanFolder(root: string, options: ScanOptions = {}): AsyncGenerator<string> {
  for await (const entry of scanEntries(root, options)) if (entry.refused === undefined) yield entry.path;
}
