import type { DataSet } from 'dicom-parser';
import type { LookupTable } from '../../shared/dicom/image-header';
import { presentElement, tagKey, uint16Value } from './dataset-values';
import type { LutProblem } from './lookup-tables';

/** Segments are nested through indirect references; a corrupt table must not recurse forever. */
const MAX_DEPTH = 8;

/**
 * Expands Segmented Palette Color LUT Data (PS3.3 C.7.9.2): a list of 16-bit words holding discrete
 * segments (opcode 0: n values), linear segments (opcode 1: n steps from the previous value to y1) and
 * indirect segments (opcode 2: replay n segments found at a 32-bit word offset, low word first).
 */
export function expandSegments(words: number[], entries: number): number[] | string {
  const out: number[] = [];
  const run = (start: number, segmentLimit: number, depth: number): string | undefined => {
    if (depth > MAX_DEPTH) return 'indirect segments nest too deeply';
    let at = start;
    for (let segment = 0; segment < segmentLimit && at < words.length && out.length < entries; segment++) {
      const opcode = words[at];
      const length = words[at + 1] ?? 0;
      if (opcode === 0) {
        if (at + 2 + length > words.length) return 'a discrete segment runs past the data';
        for (let i = 0; i < length; i++) out.push(words[at + 2 + i] as number);
        at += 2 + length;
      } else if (opcode === 1) {
        const y0 = out[out.length - 1];
        const y1 = words[at + 2];
        if (y0 === undefined || y1 === undefined) return 'a linear segment has no start value';
        for (let i = 1; i <= length; i++) out.push(Math.round(y0 + ((y1 - y0) * i) / length));
        at += 3;
      } else if (opcode === 2) {
        const offset = (words[at + 2] ?? 0) + (words[at + 3] ?? 0) * 0x10000;
        const problem = run(offset, length, depth + 1);
        if (problem) return problem;
        at += 4;
      } else {
        return `unknown segment opcode ${opcode}`;
      }
    }
    return undefined;
  };
  const problem = run(0, Number.POSITIVE_INFINITY, 0);
  if (problem) return problem;
  if (out.length < entries)
    return `segments give ${out.length} entries but the descriptor declares ${entries}`;
  return out.slice(0, entries);
}

/** One colour's segmented table, with the descriptor of the ordinary palette (PS3.3 C.7.6.3.1.5). */
export function readSegmentedTable(
  ds: DataSet,
  descriptorTag: string,
  dataTag: string,
  signed: boolean,
): LookupTable | LutProblem {
  const data = presentElement(ds, dataTag);
  const declared = uint16Value(ds, descriptorTag, 0);
  if (!data || declared === undefined)
    return { problem: `Segmented Palette Color LUT (${dataTag}) or its descriptor is missing` };
  const rawFirst = uint16Value(ds, descriptorTag, 1) ?? 0;
  const bitsPerEntry = uint16Value(ds, descriptorTag, 2) ?? 16;
  const words = Array.from(
    { length: Math.floor(data.length / 2) },
    (_, i) => ds.uint16(tagKey(dataTag), i) ?? 0,
  );
  const expanded = expandSegments(words, declared === 0 ? 65536 : declared);
  if (typeof expanded === 'string')
    return { problem: `Segmented Palette Color LUT (${dataTag}): ${expanded}` };
  const firstMapped = signed && rawFirst >= 0x8000 ? rawFirst - 0x10000 : rawFirst;
  return { firstMapped, bitsPerEntry, data: expanded };
}
