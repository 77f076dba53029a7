/**
 * The one place text values become bytes for every object we write (SC, GSPS, SR; the DICOMDIR
 * copies its keys byte for byte). The object's declared Specific Character Set (0008,0005), as the
 * writer put it (the source's), is kept when every text value can be written in it; otherwise the
 * object is written in ISO_IR 192 (UTF-8), values copied from the source transcoded from their own
 * set, so that no value is lost and (0008,0005) always says what the bytes are (PS3.3 C.12.1.1.2).
 * A source without (0008,0005) whose values then need more than ASCII is written as ISO_IR 100 when
 * Latin-1 holds them all (the set most archives assume), else as ISO_IR 192.
 */
import { characterSet, encodeText, type CharacterSet } from '../../../shared/dicom/charset/dicom-text';
import type { DataElement, TextElement } from './element';
import { textElement } from './element';

const SPECIFIC_CHARACTER_SET = 0x00080005;

/** How each text value of one object is written, and the (0008,0005) that says so. */
export interface ObjectText {
  /** the value to declare; undefined: none (ASCII only) */
  characterSet: string | undefined;
  encode: (element: TextElement) => Uint8Array;
  /** the data set with (0008,0005) set to `characterSet` (or removed) */
  dataset: DataElement[];
}

/** The text elements of `elements` and of their items, at any depth, but (0008,0005). */
function textElements(elements: readonly DataElement[], into: TextElement[] = []): TextElement[] {
  for (const element of elements) {
    if (element.vr === 'SQ') for (const item of element.items) textElements(item, into);
    else if ('text' in element && element.tag !== SPECIFIC_CHARACTER_SET) into.push(element);
  }
  return into;
}

function isAscii(bytes: string): boolean {
  // eslint-disable-next-line no-control-regex -- the ASCII range
  return /^[\u0000-\u007f]*$/.test(bytes);
}

function bytesOf(sourceBytes: string): Uint8Array {
  return Buffer.from(sourceBytes, 'latin1');
}

/** One value's bytes: its source bytes when `kept`, else its characters in `set` (undefined: cannot be). */
function encodeOne(element: TextElement, set: CharacterSet, kept: boolean): Uint8Array | undefined {
  return kept && element.sourceBytes !== undefined
    ? bytesOf(element.sourceBytes)
    : encodeText(element.text, set, element.vr);
}

/**
 * Bytes already made for an element, and how: elements copied from a source are reused from slice to
 * slice (copy-source.ts), so their bytes are made once. Elements are never modified once made, and a
 * set is named by its declared value (characterSet is a function of it).
 */
const encodedBefore = new WeakMap<
  TextElement,
  { set: string | undefined; kept: boolean; bytes: Uint8Array }
>();

function encodeOnce(element: TextElement, set: CharacterSet, kept: boolean): Uint8Array | undefined {
  // Only copied values are met again (the writers make their own elements afresh for every object).
  if (element.sourceBytes === undefined) return encodeOne(element, set, kept);
  const before = encodedBefore.get(element);
  if (before !== undefined && before.set === set.value && before.kept === kept) return before.bytes;
  const bytes = encodeOne(element, set, kept);
  if (bytes !== undefined) encodedBefore.set(element, { set: set.value, kept, bytes });
  return bytes;
}

/** Every text value in `set`, or undefined when one cannot be; copied values keep their bytes if `keep`. */
function encodeAll(
  texts: readonly TextElement[],
  set: CharacterSet,
  keep: (element: TextElement) => boolean,
): Map<TextElement, Uint8Array> | undefined {
  const encoded = new Map<TextElement, Uint8Array>();
  for (const element of texts) {
    const bytes = encodeOnce(element, set, element.sourceBytes !== undefined && keep(element));
    if (bytes === undefined) return undefined;
    encoded.set(element, bytes);
  }
  return encoded;
}

function withCharacterSet(dataset: readonly DataElement[], value: string | undefined): DataElement[] {
  const others = dataset.filter((e) => e.tag !== SPECIFIC_CHARACTER_SET);
  return value === undefined ? others : [...others, textElement(SPECIFIC_CHARACTER_SET, 'CS', value)];
}

function declaredValue(dataset: readonly DataElement[]): string | undefined {
  const element = dataset.find((e) => e.tag === SPECIFIC_CHARACTER_SET);
  const text = element && 'text' in element ? element.text.trim() : '';
  return text === '' ? undefined : text;
}

const LATIN_1 = characterSet('ISO_IR 100') as CharacterSet;
const UTF_8 = characterSet('ISO_IR 192') as CharacterSet;

/** The sets to try, in order: the declared one (copied values kept byte for byte), then the fallbacks. */
function candidates(
  declared: string | undefined,
): { value: string | undefined; set: CharacterSet; keep: boolean }[] {
  const set = characterSet(declared);
  if (typeof set === 'string') {
    // A set that is not a defined term cannot be transcoded: its copied values are kept as they are
    // and new text must be ASCII (a non-ASCII character is written as '?').
    return [{ value: declared, set: characterSet(undefined) as CharacterSet, keep: true }];
  }
  const list = [{ value: declared, set, keep: true }];
  if (declared === undefined) list.push({ value: 'ISO_IR 100', set: LATIN_1, keep: true });
  list.push({ value: 'ISO_IR 192', set: UTF_8, keep: declared === 'ISO_IR 192' });
  return list;
}

/**
 * How the text of `dataset` is written: see the module comment. The declared set of the data set
 * (its (0008,0005), which the writers copy from the source) names the set copied values are in.
 */
export function objectText(dataset: readonly DataElement[]): ObjectText {
  const declared = declaredValue(dataset);
  const texts = textElements(dataset);
  for (const candidate of candidates(declared)) {
    // Without a declared set, copied bytes beyond ASCII need a declaration: keep them only as ASCII.
    const keep = (e: TextElement): boolean =>
      candidate.keep && (candidate.value !== undefined || isAscii(e.sourceBytes ?? ''));
    const encoded = encodeAll(texts, candidate.set, keep);
    if (encoded === undefined) continue;
    const value = candidate.value;
    const set = characterSet(value);
    return {
      characterSet: value,
      dataset: withCharacterSet(dataset, value),
      encode: (element) =>
        encoded.get(element) ??
        (typeof set === 'string' ? undefined : encodeText(element.text, set, element.vr)) ??
        asciiOnly(element.text),
    };
  }
  const value = declared;
  return {
    characterSet: value,
    dataset: [...dataset],
    encode: (e) => (e.sourceBytes !== undefined ? bytesOf(e.sourceBytes) : asciiOnly(e.text)),
  };
}

/** ASCII, any other character as '?' (only for a source whose declared set is not a defined term). */
function asciiOnly(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)));
}
