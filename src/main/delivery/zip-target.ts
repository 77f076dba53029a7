import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { partialPath } from './stale-partials';
import type { DeliveryTarget } from './target';

/** Whether a ZIP may be written at `zipPath`: nothing there, or a file to replace with `overwrite`. */
export async function checkZipPath(
  zipPath: string,
  overwrite: boolean,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const info = await stat(zipPath).catch(() => undefined);
  if (!info) return { ok: true };
  if (!info.isFile())
    return { ok: false, reason: `${zipPath} exists and is not a file; choose another ZIP name` };
  if (overwrite) return { ok: true };
  return {
    ok: false,
    reason: `${zipPath} already exists: choose another name, or add --overwrite to replace it`,
  };
}

/** Files outside the packed root that go under a prefix (e.g. a twin's originals under `originals/`). */
export interface ZipExtraRoot {
  folder: string;
  prefix: string;
}

/** The entry name of `path`: relative to `root`, else to the deepest extra root holding it, else its name. */
function entryName(path: string, root: string, extra: readonly ZipExtraRoot[]): string {
  const name = relative(root, path).split(sep).join('/');
  if (!name.startsWith('../') && name !== '') return name;
  const holders = extra.filter((r) => !relative(r.folder, path).startsWith('..'));
  const deepest = holders.sort((a, b) => b.folder.length - a.folder.length)[0];
  if (deepest === undefined) return basename(path);
  return `${deepest.prefix}${relative(deepest.folder, path).split(sep).join('/')}`;
}

/**
 * A ZIP of the outputs as a delivery target: each file is streamed from disk into the archive when the
 * archive is written (never held in memory), under its path relative to `root` with "/" separators
 * (files outside it under an extra root's prefix). The archive is written to a temporary beside
 * `zipPath` and renamed over it when complete, so a failed or cancelled run never leaves a truncated ZIP
 * under the final name.
 */
export function zipTarget(
  zipPath: string,
  root: string,
  extra: readonly ZipExtraRoot[] = [],
): DeliveryTarget {
  const zip = new ZipFile();
  const temp = partialPath(zipPath);
  const written = pipeline(zip.outputStream, createWriteStream(temp, { mode: 0o644 }));
  // Report a write error only through finish(); until then keep it from being unhandled.
  written.catch(() => undefined);
  const names = new Set<string>();
  return {
    label: `ZIP ${zipPath}`,
    batchLimit: { count: 200, bytes: 1 << 30 },
    maxParallel: 1,
    sendBatch(batch, options) {
      for (const [index, instance] of batch.entries()) {
        const name = entryName(instance.path, root, extra);
        if (names.has(name)) {
          options.onAnswer(index, {
            kind: 'stored',
            detail: 'already-stored',
            meaning: `${name} is already in the ZIP`,
          });
          continue;
        }
        try {
          // yazl refuses a name it cannot store safely (a file named "..\evil.dcm": ZIP readers take "\" as "/").
          zip.addFile(instance.path, name);
        } catch (error) {
          options.onAnswer(index, {
            kind: 'failed',
            transient: false,
            meaning: `cannot be stored in a ZIP under the name ${JSON.stringify(name)} (${(error as Error).message}); rename the file`,
          });
          continue;
        }
        names.add(name);
        options.onAnswer(index, { kind: 'stored', detail: 'success' });
      }
      return Promise.resolve({ ok: true });
    },
    async discard() {
      zip.end();
      await written.catch(() => undefined);
      await rm(temp, { force: true });
    },
    async finish() {
      zip.end();
      try {
        await written;
        await rename(temp, zipPath);
        return { ok: true };
      } catch (error) {
        await rm(temp, { force: true });
        return { ok: false, reason: `the ZIP ${zipPath} could not be written (${(error as Error).message})` };
      }
    },
  };
}
