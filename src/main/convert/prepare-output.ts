import { readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary names made by writeAtomically: `.<output name>.<pid>-<thread>-<8 hex>.partial`. The tag
 * pattern keeps `.IM1.x.<tag>.partial` (a temporary of `IM1.x`) from being taken for one of `IM1`.
 */
const TEMPORARY = /^\.(.+)\.\d+-\d+-[0-9a-f]{8}\.partial$/;

/** The output name a temporary file was for, or undefined when `name` is not one of ours. */
export function temporaryOwner(name: string): string | undefined {
  return TEMPORARY.exec(name)?.[1];
}

interface FolderState {
  /** names present when the folder was listed */
  names: Set<string>;
  /** false when the folder exists but could not be listed: then any name may be present */
  listed: boolean;
  /** output name -> the temporaries left for it */
  leftovers: Map<string, string[]>;
}

/**
 * Output folders already listed by this thread. Inputs arrive folder by folder, so only the most
 * recent few are kept and memory does not grow with the archive; a folder seen again after eviction
 * is simply listed again.
 */
const listed = new Map<string, FolderState>();
const FOLDERS_KEPT = 8;

function stateOf(folder: string): FolderState {
  const known = listed.get(folder);
  if (known) return known;
  let names: string[] = [];
  let listedWhole = true;
  try {
    names = readdirSync(folder);
  } catch (error) {
    // No folder yet (a fresh run): nothing exists, nothing was left over. Any other error (no read
    // permission) leaves what is there unknown.
    listedWhole = (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  const leftovers = new Map<string, string[]>();
  for (const name of names) {
    const owner = temporaryOwner(name);
    if (owner !== undefined) leftovers.set(owner, [...(leftovers.get(owner) ?? []), name]);
  }
  if (listed.size >= FOLDERS_KEPT) {
    const oldest = listed.keys().next().value;
    if (oldest !== undefined) listed.delete(oldest);
  }
  const state = { names: new Set(names), listed: listedWhole, leftovers };
  listed.set(folder, state);
  return state;
}

/**
 * Before writing `destination`: says whether it already existed (from one listing of its folder per
 * thread, not a stat per file) and removes the temporaries an interrupted earlier run left for it
 * (killed between writing and renaming, or between linking and unlinking). Only this output's own
 * temporaries are touched: each output belongs to exactly one input, and every input is converted by
 * one process (shards split the inputs), so no live writer owns them. An output that appears after the
 * listing (another process) is still caught when publishing refuses to replace it.
 */
export function prepareOutput(destination: string): {
  existed: boolean;
  /** false: the folder could not be listed, so `existed` says nothing (the caller must look itself) */
  listed: boolean;
} {
  const folder = dirname(destination);
  const state = stateOf(folder);
  const name = basename(destination);
  const leftovers = state.leftovers.get(name);
  if (leftovers) {
    state.leftovers.delete(name);
    for (const leftover of leftovers) {
      try {
        unlinkSync(join(folder, leftover));
      } catch {
        // already gone
      }
    }
  }
  return { existed: state.names.has(name), listed: state.listed };
}
