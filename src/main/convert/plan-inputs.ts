import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { scanFolder } from '../dicom/scan-folder';
import type { ConvertInput } from './convert-settings';

/** One file or folder named on the command line (or picked in the app). */
export interface InputRoot {
  path: string;
  isDirectory: boolean;
  /** sub-folder of --out its outputs go to ('' when there is a single folder input) */
  outPrefix: string;
}

export type PlanResult = { ok: true; roots: InputRoot[] } | { ok: false; reason: string };

/** True when `child` is `parent` or inside it (path.relative, not startsWith: /a/bc is not in /a/b). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function uniquePrefix(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Checks the inputs exist and decides where each one's outputs go: a single folder mirrors straight
 * under --out; several folders each get a sub-folder named after them; files go to --out by name.
 */
export async function planInputs(inputs: readonly string[], outDir: string): Promise<PlanResult> {
  const out = resolve(outDir);
  const folders: string[] = [];
  const roots: InputRoot[] = [];
  for (const given of inputs) {
    const path = resolve(given);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      return { ok: false, reason: `input ${given} does not exist or cannot be read; check the path` };
    }
    if (isDirectory && path === out) {
      return {
        ok: false,
        reason: `--out ${outDir} is the input folder itself; choose a different output folder`,
      };
    }
    // An input inside --out could have its own files replaced by outputs (with --overwrite): refuse it.
    if (isInside(path, out)) {
      const reason = `input ${given} is inside --out ${outDir}; outputs could replace it, so choose an --out outside the inputs`;
      return { ok: false, reason };
    }
    if (isDirectory) folders.push(path);
    roots.push({ path, isDirectory, outPrefix: '' });
  }
  if (folders.length > 1) {
    const taken = new Set<string>();
    for (const root of roots) if (root.isDirectory) root.outPrefix = uniquePrefix(basename(root.path), taken);
  }
  return { ok: true, roots };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Streams the files to convert, one at a time, so a study of any size is never held in memory.
 * An --out folder inside an input folder is not scanned (its outputs would be converted again).
 */
export async function* enumerateInputs(
  roots: readonly InputRoot[],
  outDir: string,
  signal?: AbortSignal,
): AsyncGenerator<ConvertInput> {
  const out = resolve(outDir);
  for (const root of roots) {
    if (signal?.aborted) return;
    if (!root.isDirectory) {
      const name = basename(root.path);
      yield { path: root.path, relativePath: name, outputPath: join(out, name) };
      continue;
    }
    const exclude = isInside(out, root.path) ? [out] : [];
    for await (const found of scanFolder(root.path, { exclude, signal })) {
      const path = resolve(root.path, found);
      if (isInside(path, out)) continue;
      const relativePath = toPosix(relative(root.path, path));
      yield { path, relativePath, outputPath: join(out, root.outPrefix, relativePath) };
    }
  }
}
