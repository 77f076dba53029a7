import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BoxParseError } from '../../shared/boxes/model';

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

/**
 * Checks, before any work starts, that outputs can be written under `outDir`: creates it (as the run
 * would) and a probe file in it, then removes the probe. One reason instead of one failure per file.
 */
export function outputFolderProblem(outDir: string): string | undefined {
  const probe = join(outDir, `.dicom-ink-write-check-${process.pid}`);
  try {
    mkdirSync(outDir, { recursive: true });
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
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
