import type { TextVr } from '../../dicom/write/vr';
import { STUDY_DATE_SOURCES } from './study-date';

/**
 * Directory record types this writer emits (PS3.3 F.5) and the attributes each copies from its files.
 * Tags are 8 hex digits, as the header reader keys them.
 */
export type InstanceRecordType = 'IMAGE' | 'SR DOCUMENT' | 'KEY OBJECT DOC' | 'PRESENTATION';
export type RecordType = 'PATIENT' | 'STUDY' | 'SERIES' | InstanceRecordType;

/** How a key is treated when its file lacks it: Type 1 needs a value, Type 2 may be empty, 1C/3 are left out. */
export type KeyType = '1' | '2' | '1C';

export interface TextKey {
  tag: string;
  vr: TextVr;
  type: KeyType;
}

/** Attributes inside a copied sequence: text, or a nested sequence with its own attributes. */
export interface SequenceSchema {
  readonly [tag: string]: TextVr | { items: SequenceSchema };
}

export interface SequenceKey {
  tag: string;
  type: KeyType;
  items: SequenceSchema;
}

export const SPECIFIC_CHARACTER_SET = '00080005';

const CODE_ITEM: SequenceSchema = {
  '00080100': 'SH',
  '00080102': 'SH',
  '00080103': 'SH',
  '00080104': 'LO',
  '00080119': 'UC',
  '00080120': 'UR',
};

const REFERENCED_SERIES_ITEM: SequenceSchema = {
  '0020000e': 'UI',
  '00081140': { items: { '00081150': 'UI', '00081155': 'UI', '00081160': 'IS' } },
};

/** PS3.3 Annex F.5 record keys (Specific Character Set, 1C, is added to a record whenever it copies text). */
export const TEXT_KEYS: Readonly<Record<RecordType, readonly TextKey[]>> = {
  PATIENT: [
    { tag: '00100010', vr: 'PN', type: '2' },
    { tag: '00100020', vr: 'LO', type: '1' },
  ],
  STUDY: [
    { tag: '00080020', vr: 'DA', type: '1' },
    { tag: '00080030', vr: 'TM', type: '1' },
    { tag: '00080050', vr: 'SH', type: '2' },
    { tag: '00081030', vr: 'LO', type: '2' },
    { tag: '0020000d', vr: 'UI', type: '1' },
    { tag: '00200010', vr: 'SH', type: '1' },
  ],
  SERIES: [
    { tag: '00080060', vr: 'CS', type: '1' },
    { tag: '0020000e', vr: 'UI', type: '1' },
    { tag: '00200011', vr: 'IS', type: '1' },
  ],
  IMAGE: [{ tag: '00200013', vr: 'IS', type: '1' }],
  'SR DOCUMENT': [
    { tag: '00080023', vr: 'DA', type: '1' },
    { tag: '00080033', vr: 'TM', type: '1' },
    { tag: '00200013', vr: 'IS', type: '1' },
    { tag: '0040a030', vr: 'DT', type: '1C' },
    { tag: '0040a491', vr: 'CS', type: '1' },
    { tag: '0040a493', vr: 'CS', type: '1' },
  ],
  'KEY OBJECT DOC': [
    { tag: '00080023', vr: 'DA', type: '1' },
    { tag: '00080033', vr: 'TM', type: '1' },
    { tag: '00200013', vr: 'IS', type: '1' },
  ],
  PRESENTATION: [
    { tag: '00200013', vr: 'IS', type: '1' },
    { tag: '00700080', vr: 'CS', type: '1' },
    { tag: '00700081', vr: 'LO', type: '2' },
    { tag: '00700082', vr: 'DA', type: '1' },
    { tag: '00700083', vr: 'TM', type: '1' },
    { tag: '00700084', vr: 'PN', type: '2' },
  ],
};

export const SEQUENCE_KEYS: Readonly<Record<RecordType, readonly SequenceKey[]>> = {
  PATIENT: [],
  STUDY: [],
  SERIES: [],
  IMAGE: [],
  'SR DOCUMENT': [{ tag: '0040a043', type: '1', items: CODE_ITEM }],
  'KEY OBJECT DOC': [{ tag: '0040a043', type: '1', items: CODE_ITEM }],
  PRESENTATION: [{ tag: '00081115', type: '1C', items: REFERENCED_SERIES_ITEM }],
};

/** Every text tag any record copies or fills from (read once from each file's header). */
export const ALL_TEXT_TAGS: readonly string[] = [
  SPECIFIC_CHARACTER_SET,
  ...new Set([
    ...Object.values(TEXT_KEYS).flatMap((keys) => keys.map((k) => k.tag)),
    ...STUDY_DATE_SOURCES.flatMap((s) => [s.date, s.time]),
  ]),
];
export const ALL_SEQUENCE_KEYS: readonly SequenceKey[] = [
  ...new Map(Object.values(SEQUENCE_KEYS).flatMap((keys) => keys.map((k) => [k.tag, k] as const))).values(),
];

const KEY_OBJECT_SELECTION = '1.2.840.10008.5.1.4.1.1.88.59';
/** SR storage classes are 1.2.840.10008.5.1.4.1.1.88.x; presentation states 1.2.840.10008.5.1.4.1.1.11.x. */
const SR_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';
const PRESENTATION_PREFIX = '1.2.840.10008.5.1.4.1.1.11.';

/** The record type of an instance, by its SOP class (PS3.3 Table F.4-1). */
export function recordTypeOf(sopClassUid: string): InstanceRecordType {
  if (sopClassUid === KEY_OBJECT_SELECTION) return 'KEY OBJECT DOC';
  if (sopClassUid.startsWith(SR_PREFIX)) return 'SR DOCUMENT';
  if (sopClassUid.startsWith(PRESENTATION_PREFIX)) return 'PRESENTATION';
  return 'IMAGE';
}
