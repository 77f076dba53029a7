/**
 * Where an output may be written. The output root is checked once (planInputs), but a folder inside it
 * can be a symbolic link (`out/series1 -> study/series1`, `-> /etc/x`) that would carry the export into
 * the inputs or the system. So before each write, the output's folder is resolved to its real path and
 * must lie inside the output root's real path; folders that are missing are created one level at a
 * time, each checked before it is made, so nothing is ever created outside the root either.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths/is-inside';
import { outputStopOf, stoppedWriteReason } from './write-output';
import type { OutputStop } from './write-output';

export type FolderCheck = { ok: true; realFolder: string } | { ok: false; reason: string; stop?: OutputStop };

class OutsideRoot extends Error {}

const realOf = (folder: string): string => realpathSync.native(folder);

/** On the way to the root (an ancestor of it) or inside it: a folder a walk down to the output may pass. */
const onTheWay = (root: string, real: string): boolean => isInside(root, real) || isInside(real, root);

/** Real path of `folder`, creating it (and missing parents) when they would lie on the way to or in `root`. */
function ensure(folder: string, root: string): string {
  let real: string;
  try {
    real = realOf(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const parent = path.dirname(folder);
    if (parent === folder) throw error;
    const realParent = ensure(parent, root);
    if (!onTheWay(root, path.join(realParent, path.basename(folder)))) throw new OutsideRoot(folder);
    try {
      mkdirSync(folder);
    } catch (made) {
      if ((made as NodeJS.ErrnoException).code !== 'EEXIST') throw made;
    }
    real = realOf(folder);
  }
  if (!onTheWay(root, real)) throw new OutsideRoot(folder);
  return real;
}

/**
 * Makes sure `folder` exists and that its real path is inside `root` (the output root's real path).
 * Never throws: a folder leading elsewhere, or one that cannot be made, comes back as a reason.
 */
export function prepareOutputFolder(folder: string, root: string): FolderCheck {
  try {
    const real = ensure(path.resolve(folder), root);
    if (isInside(root, real)) return { ok: true, realFolder: real };
    throw new OutsideRoot(folder);
  } catch (error) {
    if (error instanceof OutsideRoot) {
      return {
        ok: false,
        reason: `the output folder ${error.message} leads outside the output folder ${root} (through a symbolic link), so nothing was written there; remove the link or choose another output folder`,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    const stop = outputStopOf(error);
    if (stop) return { ok: false, stop, reason: stoppedWriteReason(stop, message) };
    return {
      ok: false,
      reason: `could not create the output folder (${message}); check that the output folder is writable`,
    };
  }
}

/** The real path of `file`, or undefined when it does not exist (or cannot be resolved). */
export function realPathOrUndefined(file: string): string | undefined {
  try {
    return realOf(file);
  } catch {
    return undefined;
  }
}
