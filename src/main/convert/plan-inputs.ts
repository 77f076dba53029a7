import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { scanEntries } from '../dicom/scan-folder';
import { refusedOutputRoot } from '../paths/output-root';
import { realPathAllowingMissing } from '../paths/real-path';
import type { SystemContext } from '../paths/system-folders';
import { isInside as isInsideRoot } from '../paths/is-inside';
import type { ConvertInput } from './convert-settings';

/** One file or folder named on the command line (or picked in the app). */
export interface InputRoot {
  path: string;
  isDirectory: boolean;
  /** sub-folder of --out its outputs go to ('' when there is a single folder input) */
  outPrefix: string;
}

/** `outRoot`: the real path of --out (symlinks resolved), which every output's folder must stay inside. */
export type PlanResult = { ok: true; roots: InputRoot[]; outRoot: string } | { ok: false; reason: string };

const processContext = (): SystemContext => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
});

/** True when `child` is `parent` or inside it, by path segments (/a/bc is not in /a/b; /a/..b is in /a). */
export function isInside(child: string, parent: string): boolean {
  return isInsideRoot(parent, child);
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
 * Paths are compared by their real paths (a link to the input folder is the input folder), and --out
 * may not be a system folder or a hidden folder of the home folder.
 */
export async function planInputs(
  inputs: readonly string[],
  outDir: string,
  system: SystemContext = processContext(),
): Promise<PlanResult> {
  const out = resolve(outDir);
  const outRoot = await realPathAllowingMissing(out);
  const refused = refusedOutputRoot(outRoot, system);
  if (refused !== undefined) return { ok: false, reason: `--out ${outDir} ${refused}` };
  const folders: string[] = [];
  const roots: InputRoot[] = [];
  for (const given of inputs) {
    const path = resolve(given);
    let isDirectory: boolean;
    let real: string;
    try {
      isDirectory = (await stat(path)).isDirectory();
      real = await realpath(path);
    } catch {
      return { ok: false, reason: `input ${given} does not exist or cannot be read; check the path` };
    }
    if (isDirectory && (path === out || real === outRoot)) {
      return {
        ok: false,
        reason: `--out ${outDir} is the input folder itself; choose a different output folder`,
      };
    }
    // An input inside --out could have its own files replaced by outputs (with --overwrite): refuse it.
    if (isInside(path, out) || isInside(real, outRoot)) {
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
  return { ok: true, roots, outRoot };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export interface EnumerateOptions {
  signal?: AbortSignal;
  /**
   * Real paths the folder walk may not leave (the app's opened folders): a link leading elsewhere is not
   * read and comes back as a refused input (reported as skipped). The CLI follows links anywhere.
   */
  confineTo?: readonly string[];
}

/**
 * Streams the files to convert, one at a time, so a study of any size is never held in memory.
 * An --out folder inside an input folder is not scanned (its outputs would be converted again).
 */
export async function* enumerateInputs(
  roots: readonly InputRoot[],
  outDir: string,
  options: EnumerateOptions = {},
): AsyncGenerator<ConvertInput> {
  const { signal, confineTo } = options;
  const out = resolve(outDir);
  for (const root of roots) {
    if (signal?.aborted) return;
    if (!root.isDirectory) {
      const name = basename(root.path);
      yield { path: root.path, relativePath: name, outputPath: join(out, name) };
      continue;
    }
    const exclude = isInside(out, root.path) ? [out] : [];
    for await (const found of scanEntries(root.path, {
      exclude,
      signal,
      ...(confineTo ? { confineTo } : {}),
    })) {
      const path = resolve(root.path, found.path);
      if (isInside(path, out)) continue;
      const relativePath = toPosix(relative(root.path, path));
      const input: ConvertInput = { path, relativePath, outputPath: join(out, root.outPrefix, relativePath) };
      yield found.refused === undefined ? input : { ...input, refused: found.refused };
    }
  }
}
