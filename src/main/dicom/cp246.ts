/**
 * CP-246 (PS3.5 6.2.2 note): a sequence whose VR is unknown, e.g. a private one, is written in an
 * explicit-VR dataset as UN with undefined length, and its content stays in Implicit VR Little Endian
 * whatever the dataset's own encoding. dicom-parser reads that content with the dataset's byte order,
 * which breaks on Explicit VR Big Endian files. This module finds each such element and gives it its
 * defined length (in a copy of the bytes), so the parser steps over it; offsets are unchanged.
 */

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;

class Cursor {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fits(at: number, size: number): boolean {
    return at + size <= this.bytes.length;
  }
  tag(at: number, littleEndian: boolean): number {
    return this.view.getUint16(at, littleEndian) * 0x10000 + this.view.getUint16(at + 2, littleEndian);
  }
}

/**
 * End of implicit VR little endian content of undefined length starting at `at` (an element's value,
 * an item's content), just past the delimiter `closing`; undefined when the stream ends first.
 */
function implicitEnd(c: Cursor, at: number, closing: number): number | undefined {
  let position = at;
  while (c.fits(position, 8)) {
    const tag = c.tag(position, true);
    const length = c.view.getUint32(position + 4, true);
    position += 8;
    if (tag === closing) return position;
    if (length === UNDEFINED) {
      // An item of undefined length ends at its Item Delimitation; any other element (a nested
      // sequence) at its Sequence Delimitation.
      const end = implicitEnd(c, position, tag === ITEM ? ITEM_END : SEQUENCE_END);
      if (end === undefined) return undefined;
      position = end;
    } else {
      position += length;
    }
  }
  return undefined;
}

/**
 * Walks explicit VR big endian elements from `at` to `end` (a dataset or an item's content), fixing the
 * length of every CP-246 element found, inside sequences too. Returns where the walk stopped.
 */
function walkExplicitBigEndian(
  c: Cursor,
  out: Uint8Array,
  at: number,
  end: number,
  closing?: number,
): number {
  const outView = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let position = at;
  while (position < end && c.fits(position, 8)) {
    const tag = c.tag(position, false);
    if (tag === closing) return position + 8;
    if (tag === ITEM || tag === ITEM_END || tag === SEQUENCE_END) return position;
    if (tag === PIXEL_DATA) return position;
    const vr = String.fromCharCode(c.bytes[position + 4] ?? 0, c.bytes[position + 5] ?? 0);
    const long = LONG_VRS.has(vr);
    if (long && !c.fits(position, 12)) return position;
    const length = long ? c.view.getUint32(position + 8, false) : c.view.getUint16(position + 6, false);
    const valueStart = position + (long ? 12 : 8);
    if (length !== UNDEFINED) {
      if (vr === 'SQ') walkItems(c, out, valueStart, valueStart + length);
      position = valueStart + length;
    } else if (vr === 'UN') {
      const valueEnd = implicitEnd(c, valueStart, SEQUENCE_END);
      if (valueEnd === undefined) return position;
      outView.setUint32(position + 8, valueEnd - valueStart, false);
      position = valueEnd;
    } else if (vr === 'SQ') {
      position = walkItems(c, out, valueStart, c.bytes.length, SEQUENCE_END);
    } else {
      return position;
    }
  }
  return position;
}

/** Walks the items of an explicit VR big endian sequence value. */
function walkItems(c: Cursor, out: Uint8Array, at: number, end: number, closing?: number): number {
  let position = at;
  while (position < end && c.fits(position, 8)) {
    const tag = c.tag(position, false);
    const length = c.view.getUint32(position + 4, false);
    position += 8;
    if (tag === closing) return position;
    if (tag !== ITEM) return position;
    if (length === UNDEFINED) {
      position = walkExplicitBigEndian(c, out, position, c.bytes.length, ITEM_END);
    } else {
      walkExplicitBigEndian(c, out, position, position + length);
      position += length;
    }
  }
  return position;
}

/** True when an explicit big endian dataset has a UN element of undefined length before its Pixel Data. */
function hasUndefinedLengthUn(bytes: Uint8Array, at: number): boolean {
  const un = [0x55, 0x4e, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff];
  const limit = bytes.length - un.length;
  outer: for (let i = at + 4; i <= limit; i++) {
    for (let k = 0; k < un.length; k++) if (bytes[i + k] !== un[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * The bytes of an Explicit VR Big Endian stream whose dataset starts at `datasetStart`, with every
 * CP-246 element given its defined length; the same array when there is none.
 */
export function defineCp246Lengths(bytes: Uint8Array, datasetStart: number): Uint8Array {
  if (!hasUndefinedLengthUn(bytes, datasetStart)) return bytes;
  const out = bytes.slice();
  walkExplicitBigEndian(new Cursor(bytes), out, datasetStart, bytes.length);
  return out;
}
