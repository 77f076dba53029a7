/**
 * What a delivered file says about the version it belongs to: its identity, and the source series it was
 * made from. DICOM Ink's outputs name their source series in standard attributes: the burned-in images in
 * Related Series Sequence (0008,1250, General Series), a presentation state in Referenced Series Sequence
 * (0008,1115), a report in Current Requested Procedure or Pertinent Other Evidence (0040,A375, A385). Two instances made
 * from the same source series but in different derived series are different versions of it.
 */
import type { DataSet } from 'dicom-parser';
import { stringValue, usesUtf8 } from '../dicom/dataset-values';
import { openFileBytes } from '../dicom/file-bytes';
import { SOFTWARE_NAME } from '../dicom/write/implementation';
import { readHeaderBounded } from '../delivery/instance-file';

/** One delivered instance of a version of a derived series. */
export interface InstanceLineage {
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  /** the source series it was made from */
  sources: string[];
}

/** A lineage with the patient and study text a Rejection Note in its study copies. */
export interface InstanceWithStudy extends InstanceLineage {
  /** Patient and General Study attributes, by 8-digit hex tag */
  study: Record<string, string>;
}

/** Patient and General Study attributes (PS3.3 C.7.1.1, C.7.2.1) a note copies from its study's instances. */
export const STUDY_TAGS = [
  '00080005',
  '00080020',
  '00080030',
  '00080050',
  '00080090',
  '00081030',
  '00100010',
  '00100020',
  '00100030',
  '00100040',
  '00200010',
] as const;

function uid(ds: DataSet, tag: string): string | undefined {
  return stringValue(ds, tag)?.replace(/\0/g, '') || undefined;
}

/** Series Instance UIDs in the items of sequence `tag` (and, with `inner`, of its items' sequence `inner`). */
function seriesIn(ds: DataSet, tag: string, inner?: string): string[] {
  const items = ds.elements[`x${tag}`]?.items ?? [];
  return items.flatMap((item) => {
    const nested = item.dataSet;
    if (!nested) return [];
    if (inner !== undefined) return seriesIn(nested, inner);
    const series = uid(nested, '0020000e');
    return series === undefined ? [] : [series];
  });
}

/** True for DICOM Ink's own images (SC Device Manufacturer) and documents (Manufacturer). */
function madeByUs(ds: DataSet): boolean {
  return stringValue(ds, '00181016') === SOFTWARE_NAME || stringValue(ds, '00080070') === SOFTWARE_NAME;
}

/** The lineage of one of our outputs in a parsed header; undefined for anything else. */
export function lineageOf(ds: DataSet): InstanceWithStudy | undefined {
  const sopClassUid = uid(ds, '00080016');
  const sopInstanceUid = uid(ds, '00080018');
  const studyInstanceUid = uid(ds, '0020000d');
  const seriesInstanceUid = uid(ds, '0020000e');
  if (!sopClassUid || !sopInstanceUid || !studyInstanceUid || !seriesInstanceUid || !madeByUs(ds)) {
    return undefined;
  }
  const sources = [
    ...new Set([
      ...seriesIn(ds, '00081250'),
      ...seriesIn(ds, '00081115'),
      ...seriesIn(ds, '0040a375', '00081115'),
      ...seriesIn(ds, '0040a385', '00081115'),
    ]),
  ].filter((series) => series !== seriesInstanceUid);
  if (sources.length === 0) return undefined;
  const study: Record<string, string> = {};
  const utf8 = usesUtf8(ds);
  for (const tag of STUDY_TAGS) {
    const value = stringValue(ds, tag, utf8);
    if (value !== undefined) study[tag] = value;
  }
  return { sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, sources: sources.sort(), study };
}

/** The lineage of the file at `path` (its header only, bounded reads); undefined when not one of ours. */
export function readLineage(path: string): InstanceWithStudy | undefined {
  let file;
  try {
    file = openFileBytes(path);
  } catch {
    return undefined;
  }
  try {
    const parsed = readHeaderBounded(file);
    return 'dataSet' in parsed ? lineageOf(parsed.dataSet) : undefined;
  } catch {
    return undefined;
  } finally {
    file.close();
  }
}
