import { relative } from 'node:path';
import { unresolvedWarning } from '../delivery/media-originals';
import { findInstances, unresolvedReferences } from '../delivery/media-references';

export type OriginalsPlan =
  { ok: true; add: string[]; warnings: string[]; incomplete: boolean } | { ok: false; reason: string };

export interface OriginalsOptions {
  /** the packed folder (for names in messages) */
  root: string;
  /** --originals: where the source images are */
  originals?: string;
  noOriginals: boolean;
}

/**
 * What `pack` adds so that every presentation state, report and key object it packs can be applied:
 * the instances they refer to that the folder lacks, found by SOP Instance UID under --originals and
 * copied byte for byte. Without --originals it refuses (nothing written) unless --no-originals says to
 * pack without them; then, and for any not found, a warning names what will not resolve.
 */
export async function planOriginals(
  files: readonly string[],
  options: OriginalsOptions,
): Promise<OriginalsPlan> {
  const missing = unresolvedReferences(files);
  if (missing.size === 0) return { ok: true, add: [], warnings: [], incomplete: false };
  const name = (path: string): string => relative(options.root, path);
  if (options.noOriginals) {
    const warnings = [...missing].map(([twin, uids]) =>
      unresolvedWarning(name(twin), uids, '--no-originals'),
    );
    return { ok: true, add: [], warnings, incomplete: false };
  }
  const wanted = new Set([...missing.values()].flat());
  if (options.originals === undefined)
    return {
      ok: false,
      reason:
        `${missing.size} presentation states or reports in ${options.root} refer to ${wanted.size} instances ` +
        `it does not hold (their original images): add --originals <folder of the source images> to pack ` +
        `them too, or --no-originals to pack without them`,
    };
  const found = await findInstances(options.originals, wanted);
  const warnings = [...missing].flatMap(([twin, uids]) => {
    const lacking = uids.filter((uid) => !found.has(uid));
    return lacking.length === 0
      ? []
      : [unresolvedWarning(name(twin), lacking, `not found under --originals ${options.originals ?? ''}`)];
  });
  return { ok: true, add: [...found.values()], warnings, incomplete: warnings.length > 0 };
}
