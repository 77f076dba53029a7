import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { DeliveryTarget } from './target';

/**
 * A ZIP of the outputs as a delivery target: each file is streamed from disk into the archive when the
 * archive is written (never held in memory), under its path relative to `root` with "/" separators. The
 * archive is written to a temporary beside `zipPath` and renamed over it when complete, so a failed or
 * cancelled run never leaves a truncated ZIP under the final name.
 */
export function zipTarget(zipPath: string, root: string): DeliveryTarget {
  const zip = new ZipFile();
  const temp = join(dirname(zipPath), `.${basename(zipPath)}.partial-${process.pid}`);
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
        let name = relative(root, instance.path).split(sep).join('/');
        if (name.startsWith('../') || name === '') name = basename(instance.path);
        if (names.has(name)) {
          options.onAnswer(index, {
            kind: 'stored',
            detail: 'already-stored',
            meaning: `${name} is already in the ZIP`,
          });
          continue;
        }
        names.add(name);
        zip.addFile(instance.path, name);
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
