/**
 * A twin already on disk under the name this run would write it to. Its name and SOP Instance UID come
 * from the export's version key, so a rerun of the same export finds its own earlier twin there; only
 * the twin's creation date and time (the clock, unlike the burned-in copy's) differ. Such a twin is
 * recognised as this run's own and kept with a reason that says so, rather than one that suggests
 * replacing it.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { parseDicom, type DataSet, type Element } from 'dicom-parser';

/** Kept twin: what an earlier run of the same export wrote, apart from when it wrote it. */
export const twinAlreadyWrittenReason =
  'already written by an earlier run of this export: the same but for its creation date and time';

/** Elements whose values are the moment the twin was made (PS3.3 C.12.1, C.11.9, C.17.2, C.17.3). */
const CLOCK_TAGS = new Set([
  'x00080012', // Instance Creation Date
  'x00080013', // Instance Creation Time
  'x00080023', // Content Date
  'x00080033', // Content Time
  'x00700082', // Presentation Creation Date
  'x00700083', // Presentation Creation Time
  'x0040a030', // Verification DateTime
]);

/** Byte ranges [start, end) of the clock values, at any depth of sequences. */
function clockRanges(dataset: DataSet, into: [number, number][] = []): [number, number][] {
  for (const [tag, element] of Object.entries(dataset.elements) as [string, Element][]) {
    if (CLOCK_TAGS.has(tag)) into.push([element.dataOffset, element.dataOffset + element.length]);
    for (const item of element.items ?? []) if (item.dataSet) clockRanges(item.dataSet, into);
  }
  return into;
}

/** Whether every byte outside `ranges` is the same in `a` and `b` (of equal length). */
function sameOutside(a: Uint8Array, b: Uint8Array, ranges: readonly [number, number][]): boolean {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  let from = 0;
  for (const [start, end] of [...sorted, [a.length, a.length] as [number, number]]) {
    if (Buffer.compare(a.subarray(from, start), b.subarray(from, start)) !== 0) return false;
    from = Math.max(from, end);
  }
  return true;
}

/**
 * True when `existing` is the twin `ours` describes but for the clock values: the same length, and
 * every byte the same except inside our twin's creation and content dates and times (and the
 * verification date and time of a verified report).
 */
export function sameTwinButForClock(existing: Uint8Array, ours: Uint8Array): boolean {
  if (existing.length !== ours.length) return false;
  let dataset: DataSet;
  try {
    dataset = parseDicom(ours);
  } catch {
    return false;
  }
  return sameOutside(existing, ours, clockRanges(dataset));
}

/**
 * Whether the file at `path` (a regular file, not followed through a link) is this run's twin `ours` as
 * an earlier run wrote it; false when it cannot be read or is anything else.
 */
export function isEarlierTwin(path: string, ours: Uint8Array): boolean {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size !== ours.length) return false;
    return sameTwinButForClock(readFileSync(path), ours);
  } catch {
    return false;
  }
}
