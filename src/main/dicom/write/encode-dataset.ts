import type { DataElement, TextElement } from './element';
import { formatTag } from './element';
import type { NumberVr } from './vr';
import { hasLongLength, numberWidth, paddingByte } from './vr';

/** How element headers are written (PS3.5 7.1.2 Explicit VR, 7.1.3 Implicit VR). */
export type VrEncoding = 'explicit' | 'implicit';

export interface EncodeOptions {
  vrEncoding: VrEncoding;
  /**
   * 'latin1' writes each character code as one byte (values as read, byte for byte: file meta, the
   * DICOMDIR's copied keys); 'utf8' for ISO_IR 192. `encodeText`, when given, writes every text value
   * instead (text-encoding.ts: an object's own character set).
   */
  textEncoding: 'latin1' | 'utf8';
  encodeText?: (element: TextElement) => Uint8Array;
}

/** Pieces of this size or more are kept by reference rather than copied (pixel frames, large values). */
const COPY_LIMIT = 4096;

/**
 * The buffers of Pieces are cut from one larger block at a time (a bump pointer, never handed out
 * twice): a header makes a dozen small Pieces (one per sequence and item), and a separately allocated
 * buffer each was most of the header's cost (an ArrayBuffer of its own and its collection). A block is
 * collected once no piece views it any more.
 */
const BLOCK_BYTES = 64 * 1024;
let block = new ArrayBuffer(0);
let blockUsed = 0;

/** `n` zero bytes no other Pieces views. */
function freshBytes(n: number): Uint8Array {
  if (n > BLOCK_BYTES / 8) return new Uint8Array(n);
  if (blockUsed + n > block.byteLength) {
    block = new ArrayBuffer(BLOCK_BYTES);
    blockUsed = 0;
  }
  const bytes = new Uint8Array(block, blockUsed, n);
  blockUsed += n;
  return bytes;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

/**
 * Encoded bytes in file order. Element headers and small values are written into one growing buffer
 * (no allocation per element); large byte values (pixel frames) stay as the caller's arrays until the
 * single final copy, so writing a frame costs one memcpy and no per-pixel work.
 */
export class Pieces {
  /** closed pieces, in order (see `pieces()` for all of them) */
  private readonly closed: Uint8Array[] = [];
  private buffer: Uint8Array;
  private view: DataView;
  /** a Buffer over `buffer` for string writes, made on the first (sequences and items have none) */
  private text: Buffer | undefined;
  /** start of the bytes written since the last closed piece, and the end of what is written */
  private start = 0;
  private at = 0;
  /** bytes in file order so far */
  length = 0;

  /** `capacity`: the bytes first expected (it grows as needed) */
  constructor(capacity = 2048) {
    this.buffer = freshBytes(capacity);
    this.view = viewOf(this.buffer);
  }

  /** Room for `n` more bytes in the buffer; a full one is replaced (closed pieces keep viewing the old). */
  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const open = this.buffer.subarray(this.start, this.at);
    const next = freshBytes(Math.max(this.buffer.length * 2, open.length + n + 1024));
    next.set(open);
    this.buffer = next;
    this.view = viewOf(next);
    this.text = undefined;
    this.start = 0;
    this.at = open.length;
  }

  private closeOpen(): void {
    if (this.at > this.start) this.closed.push(this.buffer.subarray(this.start, this.at));
    this.start = this.at;
  }

  /** Every piece in file order; their lengths add up to `length`. */
  pieces(): Uint8Array[] {
    this.closeOpen();
    return this.closed;
  }

  /** The same as pieces(). */
  get list(): Uint8Array[] {
    return this.pieces();
  }

  u16(value: number): void {
    this.room(2);
    this.view.setUint16(this.at, value, true);
    this.at += 2;
    this.length += 2;
  }

  u32(value: number): void {
    this.room(4);
    this.view.setUint32(this.at, value, true);
    this.at += 4;
    this.length += 4;
  }

  tag(tag: number): void {
    this.u16(tag >>> 16);
    this.u16(tag & 0xffff);
  }

  /** Two ASCII characters (a VR). */
  vr(vr: string): void {
    this.room(2);
    this.buffer[this.at] = vr.charCodeAt(0);
    this.buffer[this.at + 1] = vr.charCodeAt(1);
    this.at += 2;
    this.length += 2;
  }

  /** Numbers of a numeric VR, little-endian. */
  numbers(vr: NumberVr, numbers: readonly number[]): void {
    const width = numberWidth(vr);
    this.room(numbers.length * width);
    for (const n of numbers) {
      const at = this.at;
      switch (vr) {
        case 'US':
          this.view.setUint16(at, n, true);
          break;
        case 'SS':
          this.view.setInt16(at, n, true);
          break;
        case 'UL':
          this.view.setUint32(at, n, true);
          break;
        case 'SL':
          this.view.setInt32(at, n, true);
          break;
        case 'FL':
          this.view.setFloat32(at, n, true);
          break;
        case 'FD':
          this.view.setFloat64(at, n, true);
          break;
        case 'AT':
          this.view.setUint16(at, n >>> 16, true);
          this.view.setUint16(at + 2, n & 0xffff, true);
          break;
      }
      this.at += width;
      this.length += width;
    }
  }

  /** `text` in `encoding` (`size` bytes, as Buffer.byteLength says). */
  string(text: string, size: number, encoding: 'latin1' | 'utf8'): void {
    this.room(size);
    this.text ??= Buffer.from(this.buffer.buffer, this.buffer.byteOffset, this.buffer.length);
    this.text.write(text, this.at, size, encoding);
    this.at += size;
    this.length += size;
  }

  /** `count` bytes of `value`. */
  fill(value: number, count: number): void {
    this.room(count);
    this.buffer.fill(value, this.at, this.at + count);
    this.at += count;
    this.length += count;
  }

  /** Raw bytes: copied when small, else kept by reference (the caller must not change them until joined). */
  bytes(piece: Uint8Array): void {
    if (piece.length === 0) return;
    if (piece.length < COPY_LIMIT) {
      this.room(piece.length);
      this.buffer.set(piece, this.at);
      this.at += piece.length;
    } else {
      this.closeOpen();
      this.closed.push(piece);
    }
    this.length += piece.length;
  }

  /** Appends everything of `other` (which is then done with). */
  append(other: Pieces): void {
    for (const piece of other.pieces()) this.bytes(piece);
  }
}

export function newPieces(capacity?: number): Pieces {
  return new Pieces(capacity);
}

/** A sequence's or an item's bytes, or the File Meta's: a few hundred at most, as a rule. */
export const SMALL_PIECES = 256;

const ITEM = 0xfffee000;
const MAX_SHORT_LENGTH = 0xffff;

/** Element header: tag, then VR and length as PS3.5 7.1.2 (explicit) or 7.1.3 (implicit) lay them out. */
function header(pieces: Pieces, element: DataElement, length: number, vrEncoding: VrEncoding): void {
  if (vrEncoding === 'implicit') {
    pieces.tag(element.tag);
    pieces.u32(length);
    return;
  }
  if (hasLongLength(element.vr)) {
    pieces.tag(element.tag);
    pieces.vr(element.vr);
    pieces.u16(0);
    pieces.u32(length);
    return;
  }
  if (length > MAX_SHORT_LENGTH) {
    throw new RangeError(
      `${formatTag(element.tag)} ${element.vr} value of ${length} bytes exceeds the 16-bit length field`,
    );
  }
  pieces.tag(element.tag);
  pieces.vr(element.vr);
  pieces.u16(length);
}

function encodeElement(element: DataElement, options: EncodeOptions, pieces: Pieces): void {
  switch (element.vr) {
    case 'SQ': {
      const body = newPieces(SMALL_PIECES);
      for (const item of element.items) {
        const contents = newPieces(SMALL_PIECES);
        encodeElements(item, options, contents);
        body.tag(ITEM);
        body.u32(contents.length);
        body.append(contents);
      }
      // PS3.5 7.5.1: sequences and items are written with defined lengths.
      header(pieces, element, body.length, options.vrEncoding);
      pieces.append(body);
      return;
    }
    case 'OB':
    case 'OW':
    case 'UN': {
      const length = element.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      if (element.vr === 'OW' && length % 2 === 1) {
        throw new RangeError(`${formatTag(element.tag)} OW value has an odd number of bytes (${length})`);
      }
      header(pieces, element, length + (length % 2), options.vrEncoding);
      element.chunks.forEach((chunk) => pieces.bytes(chunk));
      if (length % 2 === 1) pieces.fill(paddingByte(element.vr), 1);
      return;
    }
    case 'AT':
    case 'FD':
    case 'FL':
    case 'SL':
    case 'SS':
    case 'UL':
    case 'US': {
      header(pieces, element, element.numbers.length * numberWidth(element.vr), options.vrEncoding);
      pieces.numbers(element.vr, element.numbers);
      return;
    }
    default: {
      // PS3.5 6.2: UI values are NUL-padded, other text space-padded, to an even length.
      const encoded = options.encodeText?.(element);
      const size = encoded ? encoded.length : Buffer.byteLength(element.text, options.textEncoding);
      header(pieces, element, size + (size % 2), options.vrEncoding);
      if (encoded) pieces.bytes(encoded);
      else pieces.string(element.text, size, options.textEncoding);
      if (size % 2 === 1) pieces.fill(paddingByte(element.vr), 1);
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
  const sorted = inTagOrder(elements)
    ? elements
    : [...elements].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0));
  sorted.forEach((element, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && previous.tag === element.tag) {
      throw new RangeError(`${formatTag(element.tag)} is present twice in the data set`);
    }
    encodeElement(element, options, pieces);
  });
}

/** True when no element comes after one with a larger tag (most items, and lists built in order). */
function inTagOrder(elements: readonly DataElement[]): boolean {
  for (let i = 1; i < elements.length; i++)
    if ((elements[i - 1] as DataElement).tag >>> 0 > (elements[i] as DataElement).tag >>> 0) return false;
  return true;
}

/** The encoded data set as one Buffer. */
export function encodeDataset(elements: readonly DataElement[], options: EncodeOptions): Buffer {
  const pieces = newPieces();
  encodeElements(elements, options, pieces);
  return Buffer.concat(pieces.pieces(), pieces.length);
}
