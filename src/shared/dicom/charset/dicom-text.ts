/**
 * Text values in a declared Specific Character Set (PS3.5 6.1, 6.1.2.5.3 and Annex H-K): bytes to
 * characters and back, with ISO 2022 code extensions (escape sequences designating G0/G1 sets, the
 * first value's sets made active again before every delimiter and at the end of the value).
 */
import { characterSetTerms, elementByEscape, type CodeElement } from './character-sets';

const ESC = 0x1b;
/** the escape returning G0 to ASCII (ISO 646 IRV) */
const ASCII_ESCAPE = '(B';

/** A declared (0008,0005), resolved: what its bytes mean. */
export type CharacterSet =
  | { kind: 'whole'; value: string; decoder: string }
  | {
      kind: 'extensible';
      /** the declared value; undefined for the default repertoire */
      value: string | undefined;
      /** ISO 2022 code extensions are allowed (escape sequences) */
      extensions: boolean;
      /** value 1's set in G1 (active at the start of every value), if any */
      initialG1: CodeElement | undefined;
      /** every declared set other than ASCII, in declared order */
      elements: CodeElement[];
    };

/** The character set a (0008,0005) value declares, or a sentence naming the term that is not known. */
export function characterSet(value: string | undefined): CharacterSet | string {
  const declared = value === undefined || value.trim() === '' ? undefined : value.trim();
  const terms = characterSetTerms(declared);
  const unknown = terms.findIndex((t) => t === undefined);
  if (unknown >= 0) {
    return `Specific Character Set "${declared ?? ''}": "${(declared ?? '').split('\\')[unknown]}" is not a defined term`;
  }
  const first = terms[0];
  if (first?.kind === 'whole') return { kind: 'whole', value: declared as string, decoder: first.decoder };
  const elements: CodeElement[] = [];
  for (const term of terms) if (term?.kind === 'element') elements.push(term.element());
  const initial = first?.kind === 'element' ? first.element() : undefined;
  return {
    kind: 'extensible',
    value: declared,
    extensions: terms.some((t) => t?.kind !== 'whole' && t?.extensions === true) || terms.length > 1,
    initialG1: initial?.slot === 'G1' ? initial : undefined,
    elements,
  };
}

/** Characters after which the first value's sets are active again (PS3.5 6.1.2.5.3). */
function isDelimiter(char: string, vr: string): boolean {
  if (char === '\r' || char === '\n' || char === '\t' || char === '\f') return true;
  if (char === '\\') return vr !== 'LT' && vr !== 'ST' && vr !== 'UT' && vr !== 'UR';
  return vr === 'PN' && (char === '^' || char === '=');
}

/** Latin-1's right half, for stray high bytes where no set is declared. */
const LENIENT_G1 = (): CodeElement | undefined => elementByEscape('-A');

/** The escape at `at` (ESC, intermediates 0x20-0x2F, final 0x30-0x7E) as text after ESC, and its length. */
function escapeAt(bytes: Uint8Array, at: number): { escape: string; length: number } {
  let end = at + 1;
  while (end < bytes.length && (bytes[end] as number) >= 0x20 && (bytes[end] as number) <= 0x2f) end++;
  const escape = String.fromCharCode(...bytes.subarray(at + 1, Math.min(end + 1, bytes.length)));
  return { escape, length: end + 1 - at };
}

/** The characters of a value's bytes in `set` (an undecodable byte becomes U+FFFD). */
export function decodeText(bytes: Uint8Array, set: CharacterSet, vr: string): string {
  if (set.kind === 'whole') return new TextDecoder(set.decoder).decode(bytes);
  // Leniently, high bytes before any G1 designation are read in the first declared G1 set (some
  // writers leave the escape out), or as Latin-1 where no set is declared (as most readers do).
  const initialG1 =
    set.value === undefined ? LENIENT_G1() : (set.initialG1 ?? set.elements.find((e) => e.slot === 'G1'));
  let g0: CodeElement | undefined;
  let g1 = initialG1;
  let text = '';
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at] as number;
    if (byte === ESC) {
      const { escape, length } = escapeAt(bytes, at);
      const element = elementByEscape(escape);
      if (escape === ASCII_ESCAPE || escape === '(J') g0 = undefined;
      else if (element?.slot === 'G0') g0 = element;
      else if (element) g1 = element;
      at += length;
      continue;
    }
    const high = byte >= 0x80;
    const element = high ? g1 : byte > 0x20 && byte < 0x7f ? g0 : undefined;
    if (element === undefined) {
      const char = high ? '\ufffd' : String.fromCharCode(byte);
      text += char;
      at += 1;
      if (isDelimiter(char, vr)) [g0, g1] = [undefined, initialG1];
      continue;
    }
    const code = element.width === 2 ? ((byte & 0x7f) << 8) | ((bytes[at + 1] ?? 0) & 0x7f) : byte & 0x7f;
    text += element.decode.get(code) ?? '\ufffd';
    at += element.width;
  }
  return text;
}

/** The bytes of an escape sequence (ESC then `escape`). */
function escapeBytes(escape: string): number[] {
  return [ESC, ...[...escape].map((c) => c.charCodeAt(0))];
}

/** Where a character goes: ASCII, or a declared set (the first, in declared order, that has it). */
function placeOf(char: string, set: Extract<CharacterSet, { kind: 'extensible' }>) {
  const code = char.codePointAt(0) as number;
  if (code < 0x80) return { element: undefined, code };
  for (const element of set.elements) {
    const found = element.encode.get(char);
    if (found !== undefined) return { element, code: found };
  }
  return undefined;
}

/**
 * The character codes of `text` as bytes when every one is ASCII below DEL, else undefined (DEL and
 * beyond go through the escape-aware encoder, which refuses DEL as it always did).
 */
function asciiBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x7f) return undefined;
    out[i] = code;
  }
  return out;
}

/**
 * The bytes of `text` in `set`, or undefined when a character is not in it. Without code extensions
 * only ASCII and value 1's own set are used; with them, each character goes to the first declared
 * set that has it, designated by its escape when it is not the active one.
 */
export function encodeText(text: string, set: CharacterSet, vr: string): Uint8Array | undefined {
  if (set.kind === 'whole') return set.value === 'ISO_IR 192' ? new TextEncoder().encode(text) : undefined;
  // ASCII only (UIDs, numbers, most names): one byte per character, no escape ever designated, so the
  // bytes are the character codes, as the loop below would write them.
  const ascii = asciiBytes(text);
  if (ascii !== undefined) return ascii;
  const out: number[] = [];
  let g0: CodeElement | undefined;
  let g1 = set.initialG1;
  const restore = (): void => {
    if (g0 !== undefined) out.push(...escapeBytes(ASCII_ESCAPE));
    if (g1 !== set.initialG1 && set.initialG1 !== undefined) out.push(...escapeBytes(set.initialG1.escape));
    [g0, g1] = [undefined, set.initialG1];
  };
  for (const char of text) {
    const place = placeOf(char, set);
    if (place === undefined || (place.code >= 0x7f && place.element === undefined)) return undefined;
    const { element, code } = place;
    if (isDelimiter(char, vr)) restore();
    else if (element === undefined && g0 !== undefined) {
      out.push(...escapeBytes(ASCII_ESCAPE));
      g0 = undefined;
    }
    if (element === undefined) {
      out.push(code);
      continue;
    }
    if (!set.extensions && element !== set.initialG1) return undefined;
    const active = element.slot === 'G0' ? g0 : g1;
    if (active !== element) {
      out.push(...escapeBytes(element.escape));
      if (element.slot === 'G0') g0 = element;
      else g1 = element;
    }
    const high = element.slot === 'G1' ? 0x80 : 0;
    if (element.width === 2) out.push((code >> 8) | high, (code & 0xff) | high);
    else out.push(code | high);
  }
  restore();
  return Uint8Array.from(out);
}
