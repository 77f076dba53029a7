import { relative } from 'node:path';
import type { TwinOutcome } from '../twin/write-twins';

/** What a tracker tells about the originals of the twins it saw. */
export interface OriginalsTracker {
  /** the originals of this twin media do not hold yet (empty when originals are left out) */
  add(twin: TwinOutcome): string[];
  /** with --no-originals: one line per twin naming the images its references point to that are not packed */
  warnings(root: string): string[];
}

/** Items shown per twin in a warning; the rest are counted. */
const SHOWN = 3;

/** A warning that `twin`'s references to `missing` (paths or UIDs) will not resolve on the media. */
export function unresolvedWarning(twin: string, missing: readonly string[], why: string): string {
  const shown = missing.slice(0, SHOWN).join(', ');
  const more = missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : '';
  return `${why}: ${twin} refers to ${missing.length} instances left out of the media, so those references will not resolve there: ${shown}${more}`;
}

/**
 * The originals a presentation state or report refers to, packed beside it on media (ZIP, DICOMDIR) so
 * every reference resolves for the recipient (PixelMed's CheckAllUIDReferencesResolve finds none
 * missing); each source file once, copied byte for byte by the media target.
 */
export function originalsTracker(include: boolean): OriginalsTracker {
  const packed = new Set<string>();
  const leftOut: { twin: string; originals: string[] }[] = [];
  return {
    add(twin) {
      if (twin.status === 'failed' || twin.originals.length === 0) return [];
      if (!include) {
        leftOut.push({ twin: twin.output, originals: twin.originals });
        return [];
      }
      const fresh = twin.originals.filter((path) => !packed.has(path));
      for (const path of fresh) packed.add(path);
      return fresh;
    },
    warnings(root) {
      return leftOut.map(({ twin, originals }) =>
        unresolvedWarning(relative(root, twin), originals, '--no-originals'),
      );
    },
  };
}
