import type { DataElement } from './element';
import { formatTag } from './element';
import type { NumberVr } from './vr';
import { hasLongLength, numberWidth, paddingByte } from './vr';

/** How element headers are written (PS3.5 7.1.2 Explicit VR, 7.1.3 Implicit VR). */
export type VrEncoding = 'explicit' | 'implicit';

export interface EncodeOptions {
  vrEncoding: VrEncoding;
  /** 'latin1' writes each character code as one byte (ISO_IR 100 and ASCII); 'utf8' for ISO_IR 192 */
  textEncoding: 'latin1' | 'utf8';
}

/**
 * Encoded pieces in file order. Pixel frames stay as the caller's arrays until the single final copy
 * (Buffer.concat), so writing a frame costs one memcpy and no per-pixel work.
 */
export interface Pieces {
  list: Uint8Array[];
  length: number;
}

export function newPieces(): Pieces {
  return { list: [], length: 0 };
}

function push(pieces: Pieces, piece: Uint8Array): void {
  if (piece.length === 0) return;
  pieces.list.push(piece);
  pieces.length += piece.length;
}

const ITEM = 0xfffee000;
const MAX_SHORT_LENGTH = 0xffff;

function writeTag(buffer: Buffer, offset: number, tag: number): void {
  buffer.writeUInt16LE(tag >>> 16, offset);
  buffer.writeUInt16LE(tag & 0xffff, offset + 2);
}

/** Element header: tag, then VR and length as PS3.5 7.1.2 (explicit) or 7.1.3 (implicit) lay them out. */
function header(element: DataElement, length: number, vrEncoding: VrEncoding): Buffer {
  if (vrEncoding === 'implicit') {
    const buffer = Buffer.alloc(8);
    writeTag(buffer, 0, element.tag);
    buffer.writeUInt32LE(length, 4);
    return buffer;
  }
  if (hasLongLength(element.vr)) {
    const buffer = Buffer.alloc(12);
    writeTag(buffer, 0, element.tag);
    buffer.write(element.vr, 4, 'latin1');
    buffer.writeUInt32LE(length, 8);
    return buffer;
  }
  if (length > MAX_SHORT_LENGTH) {
    throw new RangeError(
      `${formatTag(element.tag)} ${element.vr} value of ${length} bytes exceeds the 16-bit length field`,
    );
  }
  const buffer = Buffer.alloc(8);
  writeTag(buffer, 0, element.tag);
  buffer.write(element.vr, 4, 'latin1');
  buffer.writeUInt16LE(length, 6);
  return buffer;
}

function encodeText(text: string, padding: number, encoding: EncodeOptions['textEncoding']): Buffer {
  const size = Buffer.byteLength(text, encoding);
  const buffer = Buffer.alloc(size + (size % 2), padding);
  buffer.write(text, 0, encoding);
  return buffer;
}

function encodeNumbers(vr: NumberVr, numbers: readonly number[]): Buffer {
  const width = numberWidth(vr);
  const buffer = Buffer.alloc(numbers.length * width);
  numbers.forEach((n, i) => {
    const at = i * width;
    switch (vr) {
      case 'US':
        return buffer.writeUInt16LE(n, at);
      case 'SS':
        return buffer.writeInt16LE(n, at);
      case 'UL':
        return buffer.writeUInt32LE(n, at);
      case 'SL':
        return buffer.writeInt32LE(n, at);
      case 'FL':
        return buffer.writeFloatLE(n, at);
      case 'FD':
        return buffer.writeDoubleLE(n, at);
      case 'AT':
        return writeTag(buffer, at, n);
    }
  });
  return buffer;
}

function encodeElement(element: DataElement, options: EncodeOptions, pieces: Pieces): void {
  switch (element.vr) {
    case 'SQ': {
      const body = newPieces();
      for (const item of element.items) {
        const contents = newPieces();
        encodeElements(item, options, contents);
        const itemHeader = Buffer.alloc(8);
        writeTag(itemHeader, 0, ITEM);
        itemHeader.writeUInt32LE(contents.length, 4);
        push(body, itemHeader);
        contents.list.forEach((piece) => push(body, piece));
      }
      // PS3.5 7.5.1: sequences and items are written with defined lengths.
      push(pieces, header(element, body.length, options.vrEncoding));
      body.list.forEach((piece) => push(pieces, piece));
      return;
    }
    case 'OB':
    case 'OW':
    case 'UN': {
      const length = element.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      if (element.vr === 'OW' && length % 2 === 1) {
        throw new RangeError(`${formatTag(element.tag)} OW value has an odd number of bytes (${length})`);
      }
      push(pieces, header(element, length + (length % 2), options.vrEncoding));
      element.chunks.forEach((chunk) => push(pieces, chunk));
      if (length % 2 === 1) push(pieces, Uint8Array.of(paddingByte(element.vr)));
      return;
    }
    case 'AT':
    case 'FD':
    case 'FL':
    case 'SL':
    case 'SS':
    case 'UL':
    case 'US': {
      const value = encodeNumbers(element.vr, element.numbers);
      push(pieces, header(element, value.length, options.vrEncoding));
      push(pieces, value);
      return;
    }
    default: {
      // PS3.5 6.2: UI values are NUL-padded, other text space-padded, to an even length.
      const value = encodeText(element.text, paddingByte(element.vr), options.textEncoding);
      push(pieces, header(element, value.length, options.vrEncoding));
      push(pieces, value);
    }
  }
}

/**
 * Appends `elements` to `pieces` in ascending tag order (PS3.5 7.1: a data set is ordered by tag).
 * Throws a RangeError on a duplicate tag or a value too long for its length field: both are
 * programming errors of the caller, not properties of an input file.
 */
export function encodeElements(
  elements: readonly DataElement[],
  options: EncodeOptions,
  pieces: Pieces,
): void {
  const sorted = [...elements].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0));
  sorted.forEach((element, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && previous.tag === element.tag) {
      throw new RangeError(`${formatTag(element.tag)} is present twice in the data set`);
    }
    encodeElement(element, options, pieces);
  });
}

/** The encoded data set as one Buffer. */
export function encodeDataset(elements: readonly DataElement[], options: EncodeOptions): Buffer {
  const pieces = newPieces();
  encodeElements(elements, options, pieces);
  return Buffer.concat(pieces.list, pieces.length);
}
