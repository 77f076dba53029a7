/**
 * The version of a derived series: everything of an export that shapes what is drawn or written (the
 * output revision of this build, the settings and every finding row of the job, as given) hashed into one key. The key goes into every
 * derived UID (settings-key.ts), so a changed finding anywhere gives every derived series a new Series
 * Instance UID and every image, unchanged slices included, a new SOP Instance UID; the same export again
 * gives the same key. Every --shard reads the same findings input and settings, so every shard reaches
 * the same key without seeing the other shards' files.
 */
import { createHash } from 'node:crypto';
import type { BoxRecord } from '../../shared/boxes/model';
import type { PackedBoxes } from '../../shared/boxes/packed-boxes';
import { readPackedBoxes } from '../../shared/boxes/packed-boxes';
import { compareCodeUnits } from '../../shared/text/code-unit-order';
import type { ConvertSettings } from '../convert/convert-settings';
import { OUTPUT_REVISION } from './output-revision';

/** One version of an export's derived series, as every image and twin of it carries it. */
export interface SeriesVersion {
  /** SHA-256 (hex) of the settings and findings that shape the outputs */
  key: string;
  /** which version this is in its output folder (1, 2, ...): says "newer" where the key cannot */
  ordinal: number;
  /** finding rows of the export (the Series Description says how many the version holds) */
  findings: number;
}

/**
 * Settings that change which files are made or how they are checked, not what any of them holds (the
 * twin choice says which twins are written; a presentation state is the same with or without the
 * report, so shards without twins and a later pass with --twin make one version). Every other setting,
 * including ones added later, is part of the version.
 */
const NOT_SHAPING: ReadonlySet<string> = new Set([
  'verify',
  'overwrite',
  'includeDerived',
  'twin',
  'segBoxes',
  'version',
]);

/** JSON with sorted keys and byte arrays as hex: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('hex'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A finding row without its origin (a line number says where it was written, not what is drawn). */
function shapingRow(record: BoxRecord): Omit<BoxRecord, 'origin'> {
  const { origin: _origin, ...rest } = record;
  return rest;
}

/**
 * The version key of an export: its shaping settings, then each finding row in order (row order decides
 * which outline is drawn over which). Any field of a row but its origin counts, so fields added to the
 * rows later (a review state, an id) join the key without a change here.
 */
export function versionKey(settings: ConvertSettings, boxes: PackedBoxes): string {
  const hash = createHash('sha256');
  hash.update(`output revision ${OUTPUT_REVISION}\n`);
  const reader = readPackedBoxes(boxes);
  // The notice is written only on images with a finding: in a run without findings it shapes nothing, so
  // the default (auto) leaves such a run's outputs exactly as they were before the notice existed.
  const unshaping = (name: string): boolean =>
    NOT_SHAPING.has(name) || (name === 'notice' && reader.count === 0);
  const shaping = Object.fromEntries(Object.entries(settings).filter(([name]) => !unshaping(name)));
  hash.update(`settings ${canonicalJson(shaping)}\n`);
  for (let row = 0; row < reader.count; row++) {
    hash.update(`row ${canonicalJson(shapingRow(reader.record(row)))}\n`);
  }
  return hash.digest('hex');
}

/** The first six hex digits of the key, upper case: short enough for a Series Description. */
export function versionTag(version: SeriesVersion): string {
  return version.key.slice(0, 6).toUpperCase();
}

/** 'v2 3F9A2C, 5 findings': which version and what it holds (for Series Descriptions and summaries). */
export function describeVersion(version: SeriesVersion): string {
  const findings = version.findings === 1 ? '1 finding' : `${version.findings} findings`;
  return `v${version.ordinal} ${versionTag(version)}, ${findings}`;
}

/**
 * Series Number (IS) of version `ordinal` of a derived series numbered `base` (source + 1000 for the
 * images, + 2000 for presentation states, 3000 for reports): each further version adds 10000, so 1003
 * is version 1 of source series 3 and 11003 its version 2. Within IS's range, else the base.
 */
export function versionedSeriesNumber(base: number, ordinal: number): number {
  const shifted = base + 10000 * (Math.max(1, ordinal) - 1);
  return shifted <= 2147483647 ? shifted : base;
}
