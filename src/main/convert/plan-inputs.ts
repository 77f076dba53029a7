import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { scanEntries } from '../dicom/scan-folder';
import { refusedOutputRoot } from '../paths/output-root';
import { realPathAllowingMissing } from '../paths/real-path';
import type { SystemContext } from '../paths/system-folders';
import { isInside as isInsideRoot } from '../paths/is-inside';
import type { ConvertInput } from './convert-settings';
import { readInputList } from './listed-inputs';
import { inShard } from './shard';
import { VERSIONS_FILE_NAME } from '../versions/output-versions';
import type { Shard } from './shard';

/** One file or folder named on the command line (or picked in the app). */
export interface InputRoot {
  path: string;
  isDirectory: boolean;
  /** sub-folder of --out its outputs go to: the folder's name for a folder, '' for a file */
  outPrefix: string;
}

/**
 * `outRoot`: the real path of --out (symlinks resolved), which every output's folder must stay inside.
 * `notes`: inputs left out because another input already covers them (said once, before the run).
 */
export type PlanResult =
  { ok: true; roots: InputRoot[]; outRoot: string; notes: string[] } | { ok: false; reason: string };

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
 * Checks the inputs exist and decides where each one's outputs go, by one rule whatever the number of
 * inputs (as `cp -r` into a folder): a folder's files go to --out/<folder name>/<path inside it> (a
 * second folder of the same name gets <name>-2), a file goes to --out/<file name>. An input that is,
 * by real path, the same as or inside another folder input is left out with a note, so no file is
 * converted twice.
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
  const roots: (InputRoot & { real: string; given: string })[] = [];
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
    roots.push({ path, isDirectory, outPrefix: '', real, given });
  }
  const { kept, notes } = withoutOverlaps(roots);
  const taken = new Set<string>();
  for (const root of kept) {
    if (root.isDirectory)
      root.outPrefix = uniquePrefix(basename(root.path) || basename(root.real) || 'root', taken);
  }
  return {
    ok: true,
    roots: kept.map(({ path, isDirectory, outPrefix }) => ({ path, isDirectory, outPrefix })),
    outRoot,
    notes,
  };
}

/**
 * Drops the inputs another input already covers, comparing real paths: the same folder or file named
 * twice (or through a link), a sub-folder of a folder input, a file inside a folder input. The first
 * of two equal inputs stays; a folder always wins over what lies inside it.
 */
function withoutOverlaps<T extends { real: string; given: string; isDirectory: boolean }>(
  roots: readonly T[],
): { kept: T[]; notes: string[] } {
  const kept: T[] = [];
  const notes: string[] = [];
  roots.forEach((root, index) => {
    const cover = roots.find(
      (other, otherIndex) =>
        other !== root &&
        other.isDirectory &&
        isInside(root.real, other.real) &&
        (other.real !== root.real || otherIndex < index),
    );
    if (cover === undefined) kept.push(root);
    else if (cover.real === root.real)
      notes.push(`input ${root.given} is the same as ${cover.given}; its files are converted once`);
    else
      notes.push(
        `input ${root.given} is inside input ${cover.given}; its files are converted once, as part of ${cover.given}`,
      );
  });
  // Two file inputs that are one file (e.g. through a link): keep the first.
  const seenFiles = new Set<string>();
  const unique = kept.filter((root) => {
    if (root.isDirectory) return true;
    if (!seenFiles.has(root.real)) {
      seenFiles.add(root.real);
      return true;
    }
    notes.push(`input ${root.given} names a file already given; it is converted once`);
    return false;
  });
  return { kept: unique, notes };
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
  /** `--inputs-from`: also the paths a file lists, one per line (`-`: standard input) */
  inputsFrom?: string;
  /** only this share of the inputs (by a hash of each output-relative path) */
  shard?: Shard;
  /**
   * Folders a named file is mirrored under (the app's opened folders): a file inside one goes to
   * `<out>/<that folder's name>/<its path in the folder>`, as when the folder itself is converted, so the
   * app's "This image" and "This series" write where the CLI writes. Absent: a named file goes to `<out>/<name>`.
   */
  mirrorFrom?: readonly string[];
}

/** A named file's place under `out`: mirrored under the folder of `mirrorFrom` holding it, else its name. */
function fileInput(file: string, out: string, mirrorFrom: readonly string[] | undefined): ConvertInput {
  const folder = mirrorFrom?.find((root) => isInsideRoot(root, file) && root !== file);
  if (folder === undefined) {
    const name = basename(file);
    return { path: file, relativePath: name, outputPath: join(out, name) };
  }
  const relativePath = toPosix(relative(folder, file));
  return { path: file, relativePath, outputPath: join(out, basename(folder), relativePath) };
}

/** Every file of one folder, mirrored under `out`/`prefix`, skipping --out when it lies inside. */
async function* folderInputs(
  folder: string,
  out: string,
  prefix: string,
  options: EnumerateOptions,
): AsyncGenerator<ConvertInput> {
  const { signal, confineTo } = options;
  const exclude = isInside(out, folder) ? [out] : [];
  for await (const found of scanEntries(folder, {
    exclude,
    signal,
    ...(confineTo ? { confineTo } : {}),
  })) {
    const path = resolve(folder, found.path);
    if (isInside(path, out)) continue;
    const relativePath = toPosix(relative(folder, path));
    const input: ConvertInput = { path, relativePath, outputPath: join(out, prefix, relativePath) };
    yield found.refused === undefined ? input : { ...input, refused: found.refused };
  }
}

/** The named roots, then the listed paths. */
async function* allInputs(
  roots: readonly InputRoot[],
  out: string,
  options: EnumerateOptions,
): AsyncGenerator<ConvertInput> {
  for (const root of roots) {
    if (options.signal?.aborted) return;
    if (!root.isDirectory) yield fileInput(root.path, out, options.mirrorFrom);
    else yield* folderInputs(root.path, out, root.outPrefix, options);
  }
  if (options.inputsFrom === undefined) return;
  for await (const listed of readInputList(options.inputsFrom, options.signal)) {
    // Our own outputs are never inputs, even when a list names them.
    if (isInside(listed.path, out)) continue;
    if (listed.isDirectory) yield* folderInputs(listed.path, out, listed.mirror, options);
    else yield { path: listed.path, relativePath: listed.mirror, outputPath: join(out, listed.mirror) };
  }
}

/**
 * Streams the files to convert, one at a time, so a study of any size is never held in memory: the
 * named files and folders, then the paths of the `--inputs-from` list, keeping only this shard's share.
 * An --out folder inside an input folder is not scanned (its outputs would be converted again).
 */
export async function* enumerateInputs(
  roots: readonly InputRoot[],
  outDir: string,
  options: EnumerateOptions = {},
): AsyncGenerator<ConvertInput> {
  const out = resolve(outDir);
  for await (const input of allInputs(roots, out, options)) {
    // An earlier output folder's version registry is bookkeeping, not an input (not even a skipped one).
    if (basename(input.path) === VERSIONS_FILE_NAME) continue;
    // The share is decided by where the output goes, which is what "done once" is about.
    if (inShard(toPosix(relative(out, input.outputPath)), options.shard)) yield input;
  }
}
