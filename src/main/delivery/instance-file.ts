import type { DataSet } from 'dicom-parser';
import { stringValue } from '../dicom/dataset-values';
import { describeOpenError, openFileBytes } from '../dicom/file-bytes';
import type { FileBytes } from '../dicom/file-bytes';
import { PIXEL_DATA_TAG, isDeflated, parseDataset } from '../dicom/parse-dataset';
import type { ParsedDataset } from '../dicom/parse-dataset';
import { isNotRegularFile } from '../dicom/regular-file';
import type { ReadFailure } from '../dicom/types';
import type { DataElement } from '../dicom/write/element';
import { copySequence } from './dicomdir/copy-sequence';
import { ALL_SEQUENCE_KEYS, ALL_TEXT_TAGS } from './dicomdir/record-keys';

/** What delivery and media need to know about one DICOM file (its header, read once). */
export interface InstanceInfo {
  path: string;
  size: number;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  /** text attributes DICOMDIR records copy (PS3.3 F.5), by 8-digit lower-case hex tag; absent when empty */
  tags: Record<string, string | undefined>;
  /** sequences DICOMDIR records copy (code and reference sequences), by tag */
  sequences: Record<string, DataElement | undefined>;
}

export type InstanceRead =
  { ok: true; info: InstanceInfo } | { ok: false; notDicom: boolean; reason: string };

/** The first read of a header; most are a few kilobytes. */
const FIRST_READ = 64 * 1024;
/** The most read to find the header's end: a file is never read whole just to learn its UIDs. */
const HEADER_LIMIT = 64 * 2 ** 20;

/**
 * The header by growing positioned reads (64 KiB, then 8 times more, up to 64 MiB), stopping once the
 * Pixel Data element header is in the prefix or the whole file is: a multi-frame output of several
 * gigabytes costs one 64 KiB read, never a read of the whole file.
 */
export function readHeaderBounded(file: FileBytes): ParsedDataset | ReadFailure {
  let length = Math.min(file.size, FIRST_READ);
  for (;;) {
    const prefix = file.readUpTo(0, length);
    if (isDeflated(prefix) && prefix.length < file.size) {
      // A deflated data set is one deflate stream: only a file small enough to inflate whole is read.
      if (file.size > HEADER_LIMIT)
        return { ok: false, kind: 'error', reason: 'a deflated file over 64 MiB cannot be read for sending' };
      length = file.size;
      continue;
    }
    const parsed = parseDataset(prefix, { untilPixelData: true });
    const whole = prefix.length >= file.size;
    if (!('dataSet' in parsed)) {
      if (whole || parsed.kind === 'not-dicom' || length >= HEADER_LIMIT) return parsed;
    } else if (whole || parsed.dataSet.elements[PIXEL_DATA_TAG] || length >= HEADER_LIMIT) return parsed;
    length = Math.min(file.size, length * 8);
  }
}

function openHeader(path: string): { size: number; parsed: ParsedDataset | ReadFailure } | InstanceRead {
  let file: FileBytes;
  try {
    file = openFileBytes(path);
  } catch (error) {
    if (isNotRegularFile(error)) return { ok: false, notDicom: true, reason: error.message };
    return { ok: false, notDicom: false, reason: describeOpenError(error) };
  }
  try {
    return { size: file.size, parsed: readHeaderBounded(file) };
  } catch (error) {
    return { ok: false, notDicom: false, reason: `the file could not be read (${(error as Error).message})` };
  } finally {
    file.close();
  }
}

function recordAttributes(ds: DataSet): Pick<InstanceInfo, 'tags' | 'sequences'> {
  const tags: Record<string, string | undefined> = {};
  for (const tag of ALL_TEXT_TAGS) tags[tag] = stringValue(ds, tag);
  const sequences: Record<string, DataElement | undefined> = {};
  for (const key of ALL_SEQUENCE_KEYS) sequences[key.tag] = copySequence(ds, key.tag, key.items);
  return { tags, sequences };
}

/**
 * Reads a file's header by bounded reads (never the whole file); a file that is not DICOM or lacks the
 * identifying UIDs is a value, not a throw.
 */
export function readInstance(path: string): Promise<InstanceRead> {
  const opened = openHeader(path);
  if ('ok' in opened) return Promise.resolve(opened);
  const { parsed, size } = opened;
  if ('ok' in parsed)
    return Promise.resolve({ ok: false, notDicom: parsed.kind === 'not-dicom', reason: parsed.reason });
  const ds = parsed.dataSet;
  const uid = (tag: string): string | undefined => stringValue(ds, tag)?.replace(/\0/g, '');
  const sopClassUid = uid('00080016');
  const sopInstanceUid = uid('00080018');
  const studyInstanceUid = uid('0020000d');
  const seriesInstanceUid = uid('0020000e');
  if (!sopClassUid || !sopInstanceUid || !studyInstanceUid || !seriesInstanceUid) {
    return Promise.resolve({
      ok: false,
      notDicom: false,
      reason: 'the file lacks a SOP Class, SOP Instance, Study or Series Instance UID: no PACS can store it',
    });
  }
  return Promise.resolve({
    ok: true,
    info: {
      path,
      size,
      sopClassUid,
      sopInstanceUid,
      transferSyntaxUid: parsed.transferSyntaxUid,
      studyInstanceUid,
      seriesInstanceUid,
      ...recordAttributes(ds),
    },
  });
}
