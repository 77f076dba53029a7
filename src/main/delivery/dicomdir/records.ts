import type { DataElement } from '../../dicom/write/element';
import { textElement } from '../../dicom/write/element';
import type { InstanceInfo } from '../instance-file';
import type { KeyType, RecordType } from './record-keys';
import { SEQUENCE_KEYS, SPECIFIC_CHARACTER_SET, TEXT_KEYS, recordTypeOf } from './record-keys';
import { studyDateTime } from './study-date';

/** One instance placed in the file-set: its header and its File ID components. */
export interface MediaEntry {
  info: InstanceInfo;
  fileId: readonly string[];
}

/** A directory record (PS3.3 F.3.2.2) without its offsets, which only the file layout decides. */
export interface RecordNode {
  type: RecordType;
  /** the record's keys (offsets and the record type are added when encoding) */
  keys: DataElement[];
  children: RecordNode[];
}

interface Context {
  /** File ID component of this level (PA000001, ST000002, ...): a stable stand-in for a missing ID */
  component: string;
  /** 1-based position in the parent (series and instance numbers when the file has none) */
  ordinal: number;
  info: InstanceInfo;
  /** every instance under the record (in media order) */
  group: readonly MediaEntry[];
  /** today as DA, for a date a file lacks */
  today: string;
}

/**
 * Values for Type 1 keys a file lacks, since a record must carry them (PS3.3 F.5): a date and time the
 * files hold (study-date.ts), the File ID component or the position, or a neutral code. Nothing else is
 * invented.
 */
const FALLBACKS: Readonly<Record<string, (c: Context) => string>> = {
  '00100020': (c) => c.component,
  '00080020': (c) => studyDateTime(c.group, c.today).date,
  '00080030': (c) => studyDateTime(c.group, c.today).time,
  '00200010': (c) => c.component,
  '00080060': () => 'OT',
  '00200011': (c) => String(c.ordinal),
  '00200013': (c) => String(c.ordinal),
  '00080023': (c) => c.info.tags['00080020'] ?? c.today,
  '00080033': (c) => c.info.tags['00080030'] ?? '000000',
  '0040a491': () => 'PARTIAL',
  '0040a493': () => 'UNVERIFIED',
  '00700080': () => 'UNNAMED',
  '00700082': (c) => c.info.tags['00080023'] ?? c.today,
  '00700083': (c) => c.info.tags['00080033'] ?? '000000',
};

const UID_TAGS: Readonly<Record<string, keyof InstanceInfo>> = {
  '0020000d': 'studyInstanceUid',
  '0020000e': 'seriesInstanceUid',
};

function keyValue(tag: string, type: KeyType, context: Context): string | undefined {
  const uidField = UID_TAGS[tag];
  const found = uidField !== undefined ? String(context.info[uidField]) : context.info.tags[tag];
  if (found !== undefined) return found;
  if (type === '2') return '';
  return type === '1' ? FALLBACKS[tag]?.(context) : undefined;
}

function recordKeys(type: RecordType, context: Context): DataElement[] {
  const keys: DataElement[] = [];
  const charset = context.info.tags[SPECIFIC_CHARACTER_SET];
  if (charset !== undefined) keys.push(textElement(0x00080005, 'CS', charset));
  for (const key of TEXT_KEYS[type]) {
    const value = keyValue(key.tag, key.type, context);
    if (value !== undefined) keys.push(textElement(parseInt(key.tag, 16), key.vr, value));
  }
  for (const key of SEQUENCE_KEYS[type]) {
    const sequence = context.info.sequences[key.tag];
    if (sequence) keys.push(sequence);
  }
  return keys;
}

/** The Referenced File keys of an instance record (PS3.3 F.3.2.2). */
function referenceKeys(entry: MediaEntry): DataElement[] {
  return [
    textElement(0x00041500, 'CS', entry.fileId.join('\\')),
    textElement(0x00041510, 'UI', entry.info.sopClassUid),
    textElement(0x00041511, 'UI', entry.info.sopInstanceUid),
    textElement(0x00041512, 'UI', entry.info.transferSyntaxUid),
  ];
}

/** Groups `entries` by one File ID component, keeping first-seen order. */
function groupBy(entries: readonly MediaEntry[], level: number): MediaEntry[][] {
  const groups = new Map<string, MediaEntry[]>();
  for (const entry of entries) {
    const key = entry.fileId[level] ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(entry);
  }
  return [...groups.values()];
}

/** The day as DICOM DA (YYYYMMDD). */
export function dicomDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/**
 * The record tree of a file-set (PS3.3 F.4): PATIENT, STUDY, SERIES, then one IMAGE, SR DOCUMENT,
 * KEY OBJECT DOC or PRESENTATION record per instance (by SOP class). Entries are grouped by their File ID
 * folders (DICOM/PA.../ST.../SE.../file), so the tree always matches the folders; each level's keys come
 * from its first instance. Pure: the same entries give the same tree.
 */
export function buildRecordTree(entries: readonly MediaEntry[], today = new Date()): RecordNode[] {
  const day = dicomDate(today);
  const node = (type: RecordType, group: MediaEntry[], level: number, ordinal: number): RecordNode => {
    const first = group[0] as MediaEntry;
    const context = { component: first.fileId[level] ?? '', ordinal, info: first.info, group, today: day };
    return { type, keys: recordKeys(type, context), children: [] };
  };
  return groupBy(entries, 1).map((patientGroup, p) => {
    const patient = node('PATIENT', patientGroup, 1, p + 1);
    patient.children = groupBy(patientGroup, 2).map((studyGroup, s) => {
      const study = node('STUDY', studyGroup, 2, s + 1);
      study.children = groupBy(studyGroup, 3).map((seriesGroup, r) => {
        const series = node('SERIES', seriesGroup, 3, r + 1);
        series.children = seriesGroup.map((entry, i) => {
          const instance = node(recordTypeOf(entry.info.sopClassUid), [entry], 4, i + 1);
          instance.keys.push(...referenceKeys(entry));
          return instance;
        });
        return series;
      });
      return study;
    });
    return patient;
  });
}
