import { randomBytes } from 'node:crypto';
import { closeSync, opendirSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BoxParseError } from '../../shared/boxes/model';
import { makeFolder } from '../convert/write-output';

/** How many of the unusable rows the one-line reason quotes. */
const QUOTED_ERRORS = 3;

/**
 * A reason when findings were asked for (--boxes/--masks) and not one of them can be used: converting
 * anyway would write images without their findings, which a pipeline would push to the PACS as if
 * nothing had been found. Undefined when some finding can be used or none was asked for.
 */
export function noUsableFindings(
  sources: readonly string[],
  usable: number,
  errors: readonly BoxParseError[],
): string | undefined {
  if (sources.length === 0 || usable > 0) return undefined;
  const quoted = errors.slice(0, QUOTED_ERRORS).map((e) => `${e.origin}: ${e.reason}`);
  const more = errors.length > QUOTED_ERRORS ? `; and ${errors.length - QUOTED_ERRORS} more` : '';
  const why = quoted.length > 0 ? quoted.join('; ') + more : `${sources.join(', ')} holds no finding`;
  const semicolons = errors.some((e) => /found: [^,)]*;/.test(e.reason));
  const hint = semicolons ? ' (the file looks separated by ";": box files are comma-separated CSV)' : '';
  return `no usable finding in ${sources.join(', ')}, so nothing was converted: ${why}${hint}`;
}

const PROBE_PREFIX = '.dicom-ink-write-check-';

/** Removes a file that may already be gone (another run sharing --out may have removed it). */
function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes the probes that runs killed between creating and removing theirs left in `outDir`, so a
 * rerun ends with the folder a clean run makes. The folder is read as a stream (--out may hold many files).
 */
function removeLeftoverProbes(outDir: string): void {
  const folder = opendirSync(outDir);
  try {
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      if (entry.isFile() && entry.name.startsWith(PROBE_PREFIX)) removeIfThere(join(outDir, entry.name));
    }
  } finally {
    folder.closeSync();
  }
}

/**
 * Checks, before any work starts, that outputs can be written under `outDir`: creates it (as the run
 * would) and a probe file in it, then removes the probe. One reason instead of one failure per file.
 * The probe's name is random as well as per process: shards in containers (each its own pid 1) may
 * start at the same moment on one shared --out.
 */
export function outputFolderProblem(outDir: string): string | undefined {
  const probe = join(outDir, `${PROBE_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    // makeFolder, not a bare mkdir -p: that reports a read-only parent as ENOENT.
    makeFolder(outDir);
    closeSync(openSync(probe, 'wx'));
    removeIfThere(probe);
    removeLeftoverProbes(outDir);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const what =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : code === 'ENOSPC'
            ? 'no space left on the device'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'a file is in the way of the folder'
              : code;
    return `cannot write to the output folder ${outDir} (${what}); nothing was converted. Choose another --out or make it writable`;
  }
}
