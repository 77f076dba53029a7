import {
  EXPLICIT_VR_BIG_ENDIAN,
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
} from './transfer-syntaxes';

/**
 * How a DICOM byte stream starts (PS3.10 7.1): with the 128-byte preamble and 'DICM', with the File
 * Meta group 0002 but no preamble (written by some toolkits), or as a bare dataset with no meta at all
 * (old ACR-NEMA style files, e.g. starting at group 0008), whose encoding has to be guessed.
 */
export type DicomLayout =
  | { kind: 'part10' }
  | { kind: 'meta-without-preamble' }
  | { kind: 'bare-dataset'; transferSyntaxUid: string };

const VRS = new Set(
  'AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  ),
);
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'UV']);

interface ElementStart {
  group: number;
  element: number;
  /** offset of the next element, or undefined for undefined length / past the end */
  next?: number;
}

function readU16(bytes: Uint8Array, at: number, bigEndian: boolean): number {
  const a = bytes[at] ?? 0;
  const b = bytes[at + 1] ?? 0;
  return bigEndian ? (a << 8) | b : a | (b << 8);
}

function readU32(bytes: Uint8Array, at: number, bigEndian: boolean): number {
  const hi = readU16(bytes, bigEndian ? at : at + 2, bigEndian);
  const lo = readU16(bytes, bigEndian ? at + 2 : at, bigEndian);
  return hi * 0x10000 + lo;
}

function vrAt(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0);
}

/** Reads one element header at `at` in the given encoding; undefined when it cannot be one. */
function elementAt(
  bytes: Uint8Array,
  at: number,
  explicit: boolean,
  bigEndian: boolean,
): ElementStart | undefined {
  if (at + 8 > bytes.length) return undefined;
  const group = readU16(bytes, at, bigEndian);
  const element = readU16(bytes, at + 2, bigEndian);
  let length: number;
  let dataStart: number;
  if (explicit) {
    const vr = vrAt(bytes, at + 4);
    if (!VRS.has(vr)) return undefined;
    if (LONG_VRS.has(vr)) {
      if (at + 12 > bytes.length) return undefined;
      length = readU32(bytes, at + 8, bigEndian);
      dataStart = at + 12;
    } else {
      length = readU16(bytes, at + 6, bigEndian);
      dataStart = at + 8;
    }
  } else {
    length = readU32(bytes, at + 4, bigEndian);
    dataStart = at + 8;
  }
  const undefinedLength = length === 0xffffffff;
  if (!undefinedLength && dataStart + length > bytes.length) return undefined;
  return { group, element, next: undefinedLength ? undefined : dataStart + length };
}

/**
 * True when the stream plausibly holds a dataset in this encoding from offset `at`: a first element
 * of an accepted group whose length fits, followed (when there is room) by an element with an
 * ascending tag, as PS3.5 7.1 requires.
 */
export function startsWithDataset(
  bytes: Uint8Array,
  explicit: boolean,
  bigEndian: boolean,
  acceptGroup: (group: number) => boolean,
  at = 0,
): boolean {
  const first = elementAt(bytes, at, explicit, bigEndian);
  if (!first || !acceptGroup(first.group)) return false;
  if (first.next === undefined || first.next + 8 > bytes.length) return true;
  const second = elementAt(bytes, first.next, explicit, bigEndian);
  if (!second) return false;
  return second.group * 0x10000 + second.element > first.group * 0x10000 + first.element;
}

/** Works out how the stream is laid out, or undefined when it does not look like DICOM. */
export function detectLayout(bytes: Uint8Array): DicomLayout | undefined {
  if (bytes.length >= 132 && vrAt(bytes, 128) + vrAt(bytes, 130) === 'DICM') return { kind: 'part10' };
  // The File Meta Information is always Explicit VR Little Endian (PS3.10 7.1).
  if (startsWithDataset(bytes, true, false, (group) => group === 0x0002))
    return { kind: 'meta-without-preamble' };
  const bare: [boolean, boolean, string][] = [
    [true, false, EXPLICIT_VR_LITTLE_ENDIAN],
    [false, false, IMPLICIT_VR_LITTLE_ENDIAN],
    [true, true, EXPLICIT_VR_BIG_ENDIAN],
  ];
  for (const [explicit, bigEndian, transferSyntaxUid] of bare) {
    if (startsWithDataset(bytes, explicit, bigEndian, (group) => group === 0x0008))
      return { kind: 'bare-dataset', transferSyntaxUid };
  }
  return undefined;
}

/** Finds DICOM by content, not by file name: the 'DICM' marker at 128, or a recognisable dataset start. */
export function detectDicom(bytes: Uint8Array): { ok: true; hasPreamble: boolean } | { ok: false } {
  const layout = detectLayout(bytes);
  if (!layout) return { ok: false };
  return { ok: true, hasPreamble: layout.kind === 'part10' };
}
