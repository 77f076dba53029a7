import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type FolderCheck = { ok: true } | { ok: false; reason: string };

/** Whether `folder` may receive a new file-set: absent or empty, or anything with `overwrite`. */
export async function checkMediaFolder(folder: string, overwrite: boolean): Promise<FolderCheck> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true };
    if (code === 'ENOTDIR')
      return { ok: false, reason: `${folder} is a file, not a folder; choose a folder` };
    return { ok: false, reason: `${folder} cannot be read (${code ?? String(error)})` };
  }
  if (names.length === 0 || overwrite) return { ok: true };
  return {
    ok: false,
    reason: `${folder} is not empty: choose a new or empty folder, or add --overwrite to replace its contents`,
  };
}

/**
 * Moves the finished file-set `temp` to `folder` by renames, so `folder` is never seen half-written:
 * into place when `folder` is absent or empty; with `overwrite`, the old folder is renamed aside first
 * and removed only once the new one is in place.
 */
export async function placeMediaFolder(
  temp: string,
  folder: string,
  overwrite: boolean,
): Promise<FolderCheck> {
  const check = await checkMediaFolder(folder, overwrite);
  if (!check.ok) return check;
  const names = await readdir(folder).catch(() => undefined);
  if (names === undefined) {
    await rename(temp, folder);
    return { ok: true };
  }
  if (names.length === 0) {
    await rmdir(folder);
    await rename(temp, folder);
    return { ok: true };
  }
  const old = join(dirname(folder), `.${basename(folder)}.replaced-${process.pid}`);
  await rename(folder, old);
  await rename(temp, folder);
  await rm(old, { recursive: true, force: true });
  return { ok: true };
}
