import type { DataSet, Element } from 'dicom-parser';
import { characterSet, decodeText, type CharacterSet } from './charset/dicom-text';

/**
 * Bounds-checked accessors over a dicom-parser DataSet. dicom-parser reads past the end of a truncated
 * buffer without complaint; these return undefined for any element whose value is not fully present.
 */

/** Keys made before: callers ask for the same few dozen tags for every file. */
const keys = new Map<string, string>();

/** dicom-parser's tag key for 8 hex digits, e.g. '00280010' -> 'x00280010'. */
export function tagKey(tag: string): string {
  const known = keys.get(tag);
  if (known !== undefined) return known;
  const key = tag.startsWith('x') ? tag.toLowerCase() : `x${tag.toLowerCase()}`;
  if (keys.size < 4096) keys.set(tag, key);
  return key;
}

/** The element when its whole value lies inside the parsed bytes. */
export function presentElement(ds: DataSet, tag: string): Element | undefined {
  const element = ds.elements[tagKey(tag)];
  if (!element) return undefined;
  if (element.dataOffset + element.length > ds.byteArray.length) return undefined;
  return element;
}

/**
 * How a value's bytes become characters: true for UTF-8 (ISO_IR 192), false for one character per
 * byte (the reader's way, which keeps the bytes), or a declared character set (textDecoding).
 */
export type TextDecoding = boolean | CharacterSet;

/** Bytes as one character per byte (code = byte); an indexed loop: 2x a for-of, 5x a spread. */
function oneCharacterPerByte(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

/** Bytes as characters by UTF-8 or a declared set (one character per byte is rawString's own path). */
function decodeBytes(bytes: Uint8Array, decoding: true | CharacterSet): string {
  return decoding === true ? new TextDecoder('utf-8').decode(bytes) : decodeText(bytes, decoding, '');
}

/** The end of `bytes` without its trailing NUL and space bytes. */
function paddedEnd(bytes: Uint8Array, start: number, end: number): number {
  let at = end;
  while (at > start && (bytes[at - 1] === 0 || bytes[at - 1] === 0x20)) at--;
  return at;
}

/** The character set (0008,0005) declares, to read text values as characters (false: not a defined term). */
export function textDecoding(ds: DataSet): TextDecoding {
  const set = characterSet(rawString(ds, '00080005', false));
  return typeof set === 'string' ? false : set;
}

/** True when Specific Character Set (0008,0005) names UTF-8 (ISO_IR 192, PS3.3 C.12.1.1.2). */
export function usesUtf8(ds: DataSet): boolean {
  return rawString(ds, '00080005', false)?.includes('ISO_IR 192') ?? false;
}

function rawString(ds: DataSet, tag: string, utf8: TextDecoding): string | undefined {
  const element = presentElement(ds, tag);
  if (!element || element.length === 0) return undefined;
  const start = element.dataOffset;
  // Values are padded with a space or NUL to even length (PS3.5 6.2). One character per byte: the
  // padding is cut from the bytes (the same characters); other decodings cut it from the text.
  if (utf8 === false)
    return oneCharacterPerByte(
      ds.byteArray.subarray(start, paddedEnd(ds.byteArray, start, start + element.length)),
    );
  const bytes = ds.byteArray.subarray(start, start + element.length);
  return decodeBytes(bytes, utf8).replace(/[\0 ]+$/, '');
}

/** A string value, trimmed of padding; undefined when absent or empty. */
export function stringValue(ds: DataSet, tag: string, utf8: TextDecoding = false): string | undefined {
  const value = rawString(ds, tag, utf8)?.trim();
  return value === '' ? undefined : value;
}

/** The values of a multi-valued string (separated by backslash, PS3.5 6.4). */
export function stringValues(ds: DataSet, tag: string, utf8: TextDecoding = false): string[] {
  const value = rawString(ds, tag, utf8);
  return value === undefined ? [] : value.split('\\').map((v) => v.trim());
}

/** Numbers of a DS or IS element; undefined when absent or any value is not a finite number. */
export function numberValues(ds: DataSet, tag: string): number[] | undefined {
  const values = stringValues(ds, tag);
  if (values.length === 0) return undefined;
  const numbers = values.map((v) => (v === '' ? Number.NaN : Number(v)));
  return numbers.every(Number.isFinite) ? numbers : undefined;
}

export function numberValue(ds: DataSet, tag: string): number | undefined {
  return numberValues(ds, tag)?.[0];
}

/** An unsigned 16-bit value (US), in the dataset's byte order. */
export function uint16Value(ds: DataSet, tag: string, index = 0): number | undefined {
  const element = presentElement(ds, tag);
  if (!element || element.length < 2 * (index + 1)) return undefined;
  return ds.uint16(tagKey(tag), index);
}

/** First item of a sequence element, when present. */
export function firstItem(ds: DataSet, tag: string): DataSet | undefined {
  return ds.elements[tagKey(tag)]?.items?.[0]?.dataSet;
}

/** The values of an FL element (e.g. Graphic Data (0070,0022)), in the dataset's byte order. */
export function floatValues(ds: DataSet, tag: string): number[] {
  const element = presentElement(ds, tag);
  if (!element) return [];
  const values: number[] = [];
  for (let i = 0; i < Math.floor(element.length / 4); i++)
    values.push(ds.float(tagKey(tag), i) ?? Number.NaN);
  return values;
}

/** The values of an SL element (signed 32-bit), in the dataset's byte order. */
export function int32Values(ds: DataSet, tag: string): number[] {
  const element = presentElement(ds, tag);
  if (!element) return [];
  const values: number[] = [];
  for (let i = 0; i < Math.floor(element.length / 4); i++)
    values.push(ds.int32(tagKey(tag), i) ?? Number.NaN);
  return values;
}

/** Every item of a sequence element. */
export function sequenceItems(ds: DataSet, tag: string): DataSet[] {
  return (ds.elements[tagKey(tag)]?.items ?? []).flatMap((item) => (item.dataSet ? [item.dataSet] : []));
}

/** The first value of an FD element (64-bit float), in the dataset's byte order. */
export function doubleValue(ds: DataSet, tag: string): number | undefined {
  const element = presentElement(ds, tag);
  return element && element.length >= 8 ? ds.double(tagKey(tag)) : undefined;
}
