/**
 * Which versions of an export an output folder has held, in order: `.dicom-ink-versions.json` in the
 * output root. It numbers the versions (v1, v2, ...) and keeps one folder from mixing two of them: a run
 * whose version differs from the folder's latest is refused unless it may replace it (--overwrite).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../session/atomic-write';
import type { SeriesVersion } from './series-version';
import { describeVersion } from './series-version';
import { OUTPUT_REVISION } from './output-revision';

/** The registry's file name, in the output root (never sent, never converted). */
export const VERSIONS_FILE_NAME = '.dicom-ink-versions.json';

interface Registry {
  /** `revision`: the output revision of the build that wrote it (absent: 1, before it was recorded) */
  versions: { key: string; findings: number; revision?: number | undefined }[];
}

export type OutputVersion = { ok: true; version: SeriesVersion } | { ok: false; reason: string };

async function readRegistry(outRoot: string): Promise<Registry> {
  try {
    const text = await readFile(join(outRoot, VERSIONS_FILE_NAME), 'utf8');
    // zod (~40 ms to load) only when there is a registry to check: a fresh output folder has none.
    const { z } = await import('zod');
    const registrySchema = z.object({
      versions: z.array(
        z.object({ key: z.string(), findings: z.number(), revision: z.number().int().optional() }),
      ),
    });
    const parsed = registrySchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or unreadable: a folder no version was written to yet
  }
  return { versions: [] };
}

function mixReason(
  outRoot: string,
  held: SeriesVersion,
  heldRevision: number,
  wanted: SeriesVersion,
): string {
  const why =
    heldRevision === OUTPUT_REVISION
      ? "this run's findings or settings make"
      : `it was written by a DICOM Ink whose outputs differ from this one's (output revision ${heldRevision}; this build writes revision ${OUTPUT_REVISION}), so this run makes`;
  return (
    `${outRoot} holds version ${describeVersion(held)} of this export's derived series; ${why} ` +
    `version ${describeVersion(wanted)}, which would mix with it in one folder. ` +
    'Give another --out folder (one per version), or --overwrite to replace the earlier version there'
  );
}

/**
 * The version this run writes into `outRoot`: the ordinal its key already has there, or the next one
 * (recorded before any file is written, so every shard writing to the same folder gets the same number).
 * Refused without `overwrite` when the folder's latest version is another one.
 */
export async function outputVersion(
  outRoot: string,
  key: string,
  findings: number,
  overwrite: boolean,
): Promise<OutputVersion> {
  const registry = await readRegistry(outRoot);
  const index = registry.versions.findIndex((v) => v.key === key);
  const latestIndex = registry.versions.length - 1;
  const ordinal = index >= 0 ? index + 1 : registry.versions.length + 1;
  const version: SeriesVersion = { key, ordinal, findings };
  const latest = registry.versions[latestIndex];
  if (latest !== undefined && latest.key !== key) {
    const held = { key: latest.key, ordinal: latestIndex + 1, findings: latest.findings };
    if (!overwrite) return { ok: false, reason: mixReason(outRoot, held, latest.revision ?? 1, version) };
  }
  if (index >= 0) return { ok: true, version };
  // No clock in it: shards writing into one folder leave the same file as one run.
  const document: Registry = {
    versions: [...registry.versions, { key, findings, revision: OUTPUT_REVISION }],
  };
  const path = join(outRoot, VERSIONS_FILE_NAME);
  try {
    await writeFileAtomic(path, `${JSON.stringify(document, null, 1)}\n`);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `cannot record the version in ${path} (${why}); nothing was converted` };
  }
  return { ok: true, version };
}
