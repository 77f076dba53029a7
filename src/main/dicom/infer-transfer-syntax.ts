import { startsWithDataset } from './detect';
import {
  EXPLICIT_VR_BIG_ENDIAN,
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
} from './transfer-syntaxes';

/** Explicit VRs whose length field is 4 bytes after 2 reserved bytes (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'UV']);

/**
 * Offset just past the File Meta Information group (0002), which is always Explicit VR Little Endian
 * (PS3.10 7.1), read element by element from `start` (132 after the preamble and 'DICM').
 */
export function fileMetaEnd(bytes: Uint8Array, start: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  while (at + 8 <= bytes.length && view.getUint16(at, true) === 0x0002) {
    const vr = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0);
    const long = LONG_VRS.has(vr);
    if (long && at + 12 > bytes.length) break;
    const length = long ? view.getUint32(at + 8, true) : view.getUint16(at + 6, true);
    if (length === 0xffffffff) break;
    at += (long ? 12 : 8) + length;
  }
  return Math.min(at, bytes.length);
}

/**
 * The transfer syntax a dataset starting at `at` is encoded in, worked out from its first elements
 * the way DCMTK does when the File Meta names none: the byte order is the one that reads the first
 * group number as the smaller value (group 0008 reads as 0800 in the wrong order), the VR is explicit
 * when two valid VR letters follow the tag, and the first two elements must parse with ascending tags.
 * Undefined when no uncompressed encoding fits (a compressed or deflated dataset cannot be guessed).
 */
export function inferTransferSyntax(bytes: Uint8Array, at: number): string | undefined {
  const low = bytes[at] ?? 0;
  const high = bytes[at + 1] ?? 0;
  const bigEndian = ((low << 8) | high) < (low | (high << 8));
  const dataGroup = (group: number): boolean => group > 0x0002 && group !== 0xfffe;
  if (startsWithDataset(bytes, true, bigEndian, dataGroup, at)) {
    return bigEndian ? EXPLICIT_VR_BIG_ENDIAN : EXPLICIT_VR_LITTLE_ENDIAN;
  }
  // Implicit VR exists only in little endian (PS3.5 A.1).
  if (!bigEndian && startsWithDataset(bytes, false, false, dataGroup, at)) return IMPLICIT_VR_LITTLE_ENDIAN;
  return undefined;
}

/**
 * A copy of a Part 10 stream with a Transfer Syntax UID (0002,0010) element added at the end of its
 * File Meta, so that a parser which requires one reads the dataset in the inferred encoding. Every
 * later offset grows by the returned element's size.
 */
export function withTransferSyntaxElement(bytes: Uint8Array, metaEnd: number, uid: string): Uint8Array {
  const value = uid.length % 2 === 0 ? uid : `${uid}\0`;
  const element = new Uint8Array(8 + value.length);
  element.set([0x02, 0x00, 0x10, 0x00, 0x55, 0x49, value.length & 0xff, value.length >> 8]);
  for (let i = 0; i < value.length; i++) element[8 + i] = value.charCodeAt(i);
  const out = new Uint8Array(bytes.length + element.length);
  out.set(bytes.subarray(0, metaEnd));
  out.set(element, metaEnd);
  out.set(bytes.subarray(metaEnd), metaEnd + element.length);
  return out;
}
