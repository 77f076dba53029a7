import type { BoxRecord, BoxTarget, MaskRegion, Rgb } from './model';
import { REVIEW_STATES } from '../review/review-state';

/**
 * One BoxRecord as bytes, so a job's rows can sit once in shared memory and be decoded only where an
 * image needs them (packed-boxes.ts). Exact: numbers are float64, texts keep every UTF-16 code unit (so
 * any JS string survives, even one a UTF-8 round trip would change), mask bits are copied byte for byte.
 *
 * Layout (little-endian): origin, target kind (u8), target text (SOP Instance UID, file or Series
 * Instance UID), [instance number f64], frame x1 y1 x2 y2 (f64), flags (u8), then what the flags say:
 * label, score, colour (3 f64), thickness, region (x y width height f64, u32 byte count, bits), id,
 * review state and finder (u8: its index in REVIEW_STATES + 1, 0 for none; + 0x80 when the reader found it),
 * series.
 * A text is a u32 (code units x 2, plus 1 when any unit is above 0xff) and the units: one byte each
 * (Latin-1, the usual case: paths, UIDs, `file:line`), else two.
 */

const KINDS = ['sop', 'file', 'series-instance'] as const;
const LABEL = 1;
const SCORE = 2;
const COLOR = 4;
const THICKNESS = 8;
const REGION = 16;
const ID = 32;
const REVIEW = 64;
const SERIES = 128;
/** In the review byte: the reader found the finding (box file `finder` reader). */
const READER = 0x80;

function isNarrow(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false;
  return true;
}

function textSize(value: string): number {
  return 4 + value.length * (isNarrow(value) ? 1 : 2);
}

/** Bytes encodeRecord writes for `record`. */
export function encodedSize(record: BoxRecord): number {
  const target = record.target;
  let size = textSize(record.origin) + 1 + 5 * 8 + 1;
  switch (target.kind) {
    case 'sop':
      size += textSize(target.sopInstanceUid);
      break;
    case 'file':
      size += textSize(target.file);
      break;
    case 'series-instance':
      size += textSize(target.seriesInstanceUid) + 8;
      break;
  }
  if (record.label !== undefined) size += textSize(record.label);
  if (record.score !== undefined) size += 8;
  if (record.color !== undefined) size += 3 * 8;
  if (record.thickness !== undefined) size += 8;
  if (record.region !== undefined) size += 4 * 8 + 4 + record.region.bits.length;
  if (record.id !== undefined) size += textSize(record.id);
  if (record.review !== undefined || record.finder !== undefined) size += 1;
  if (record.series !== undefined) size += textSize(record.series);
  return size;
}

/** Writes values one after the other into memory sized in advance (encodedSize). */
export class ByteWriter {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  length = 0;

  /** writes into `memory` from byte `at` on */
  constructor(memory: ArrayBufferLike, at = 0) {
    this.view = new DataView(memory);
    this.bytes = new Uint8Array(memory);
    this.length = at;
  }

  u8(value: number): void {
    this.view.setUint8(this.length, value);
    this.length += 1;
  }

  u32(value: number): void {
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  f64(value: number): void {
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  text(value: string): void {
    const narrow = isNarrow(value);
    this.u32(value.length * 2 + (narrow ? 0 : 1));
    if (narrow) {
      for (let i = 0; i < value.length; i++) this.bytes[this.length + i] = value.charCodeAt(i);
      this.length += value.length;
      return;
    }
    for (let i = 0; i < value.length; i++)
      this.view.setUint16(this.length + i * 2, value.charCodeAt(i), true);
    this.length += value.length * 2;
  }

  raw(value: Uint8Array): void {
    this.u32(value.length);
    this.bytes.set(value, this.length);
    this.length += value.length;
  }
}

export function encodeRecord(out: ByteWriter, record: BoxRecord): void {
  out.text(record.origin);
  const target = record.target;
  out.u8(KINDS.indexOf(target.kind));
  switch (target.kind) {
    case 'sop':
      out.text(target.sopInstanceUid);
      break;
    case 'file':
      out.text(target.file);
      break;
    case 'series-instance':
      out.text(target.seriesInstanceUid);
      out.f64(target.instanceNumber);
      break;
  }
  for (const n of [record.frame, record.x1, record.y1, record.x2, record.y2]) out.f64(n);
  const flags =
    (record.label !== undefined ? LABEL : 0) |
    (record.score !== undefined ? SCORE : 0) |
    (record.color !== undefined ? COLOR : 0) |
    (record.thickness !== undefined ? THICKNESS : 0) |
    (record.region !== undefined ? REGION : 0) |
    (record.id !== undefined ? ID : 0) |
    (record.review !== undefined || record.finder !== undefined ? REVIEW : 0) |
    (record.series !== undefined ? SERIES : 0);
  out.u8(flags);
  if (record.label !== undefined) out.text(record.label);
  if (record.score !== undefined) out.f64(record.score);
  if (record.color !== undefined) for (const c of record.color) out.f64(c);
  if (record.thickness !== undefined) out.f64(record.thickness);
  if (record.region !== undefined) {
    const { x, y, width, height, bits } = record.region;
    for (const n of [x, y, width, height]) out.f64(n);
    out.raw(bits);
  }
  if (record.id !== undefined) out.text(record.id);
  if (record.review !== undefined || record.finder !== undefined) {
    const review = record.review === undefined ? 0 : REVIEW_STATES.indexOf(record.review) + 1;
    out.u8(review | (record.finder === 'reader' ? READER : 0));
  }
  if (record.series !== undefined) out.text(record.series);
}

/** Code units per String.fromCharCode call (well under any engine's argument limit). */
const CHUNK = 4096;

/** Reads values in order from an encoded row. */
class ByteReader {
  constructor(
    private readonly view: DataView,
    public at: number,
  ) {}

  u8(): number {
    return this.view.getUint8(this.at++);
  }

  u32(): number {
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  f64(): number {
    const value = this.view.getFloat64(this.at, true);
    this.at += 8;
    return value;
  }

  text(): string {
    const header = this.u32();
    const length = header >>> 1;
    const unit = header & 1 ? 2 : 1;
    const parts: string[] = [];
    for (let start = 0; start < length; start += CHUNK) {
      const units: number[] = [];
      const end = Math.min(length, start + CHUNK);
      for (let i = start; i < end; i++)
        units.push(unit === 1 ? this.view.getUint8(this.at + i) : this.view.getUint16(this.at + i * 2, true));
      parts.push(String.fromCharCode(...units));
    }
    this.at += length * unit;
    return parts.join('');
  }

  /** A copy of the bytes (never a view of shared memory). */
  raw(): Uint8Array {
    const length = this.u32();
    const copy = new Uint8Array(length);
    copy.set(new Uint8Array(this.view.buffer, this.view.byteOffset + this.at, length));
    this.at += length;
    return copy;
  }

  target(): BoxTarget {
    const kind = KINDS[this.u8()];
    const text = this.text();
    switch (kind) {
      case 'sop':
        return { kind, sopInstanceUid: text };
      case 'file':
        return { kind, file: text };
      case 'series-instance':
        return { kind, seriesInstanceUid: text, instanceNumber: this.f64() };
      default:
        throw new Error('corrupt packed box row (unknown target kind)');
    }
  }
}

/** The origin of the row encoded at `at` (it comes first: no other field is read). */
export function decodeOrigin(view: DataView, at: number): string {
  return new ByteReader(view, at).text();
}

/** The origin and target of the row at `at`, without the rest. */
export function decodeTarget(view: DataView, at: number): { origin: string; target: BoxTarget } {
  const reader = new ByteReader(view, at);
  const origin = reader.text();
  return { origin, target: reader.target() };
}

/** The row encoded at `at`, as the BoxRecord it was made from (absent optional fields stay absent). */
export function decodeRecord(view: DataView, at: number): BoxRecord {
  const reader = new ByteReader(view, at);
  const origin = reader.text();
  const target = reader.target();
  const frame = reader.f64();
  const x1 = reader.f64();
  const y1 = reader.f64();
  const x2 = reader.f64();
  const y2 = reader.f64();
  const flags = reader.u8();
  const record: BoxRecord = { frame, target, x1, y1, x2, y2, origin };
  if (flags & LABEL) record.label = reader.text();
  if (flags & SCORE) record.score = reader.f64();
  if (flags & COLOR) record.color = [reader.f64(), reader.f64(), reader.f64()] as Rgb;
  if (flags & THICKNESS) record.thickness = reader.f64();
  if (flags & REGION) {
    const region: MaskRegion = {
      x: reader.f64(),
      y: reader.f64(),
      width: reader.f64(),
      height: reader.f64(),
      bits: new Uint8Array(0),
    };
    region.bits = reader.raw();
    record.region = region;
  }
  if (flags & ID) record.id = reader.text();
  if (flags & REVIEW) {
    const byte = reader.u8();
    const index = byte & ~READER;
    if (index > 0) {
      const review = REVIEW_STATES[index - 1];
      if (review === undefined) throw new Error('corrupt packed box row (unknown review state)');
      record.review = review;
    }
    if (byte & READER) record.finder = 'reader';
  }
  if (flags & SERIES) record.series = reader.text();
  return record;
}
