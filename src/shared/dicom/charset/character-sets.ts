/**
 * The character sets Specific Character Set (0008,0005) may name (PS3.3 C.12.1.1.2, PS3.5 6.1) and
 * the code elements each puts in G0 or G1. The code tables are built once, when first used, from the
 * platform's WHATWG TextDecoder (Node and every browser have it), so no table is shipped: each byte
 * (or byte pair) is decoded once and the result kept both ways.
 */

/** One graphic character set: how it is designated (ISO 2022 escape) and its characters. */
export interface CodeElement {
  /** the escape sequence designating it, as the bytes after ESC (e.g. '-L', '$B', '$)C') */
  escape: string;
  /** G0: 7-bit bytes (0x21-0x7E); G1: bytes with the high bit set */
  slot: 'G0' | 'G1';
  /** bytes per character */
  width: 1 | 2;
  /** code (one byte, or byte1 << 8 | byte2, both without the high bit) -> character */
  decode: Map<number, string>;
  /** character -> code */
  encode: Map<string, number>;
}

function table(pairs: Iterable<[number, string]>): Pick<CodeElement, 'decode' | 'encode'> {
  const decode = new Map<number, string>();
  const encode = new Map<string, number>();
  for (const [code, char] of pairs) {
    // U+FFFD: the decoder's word for "no character here"; the Private Use Area holds vendor extensions.
    if (char === '\ufffd' || /[\ue000-\uf8ff]/.test(char)) continue;
    decode.set(code, char);
    if (!encode.has(char)) encode.set(char, code);
  }
  return { decode, encode };
}

/** The right half (0xA0-0xFF) of an 8-bit set, decoded with `label`; codes are stored without the high bit. */
function* rightHalf(label: string): Generator<[number, string]> {
  const decoder = new TextDecoder(label);
  for (let byte = 0xa0; byte <= 0xff; byte++) {
    yield [byte & 0x7f, decoder.decode(new Uint8Array([byte]))];
  }
}

/** Rows `rows` of a 94 x 94 set, decoded as EUC pairs (both bytes | 0x80, after `prefix`) with `label`. */
function* doubleByte(label: string, rows: readonly [number, number][], prefix: number[] = []) {
  const decoder = new TextDecoder(label);
  for (const [first, last] of rows) {
    for (let row = first; row <= last; row++) {
      for (let cell = 1; cell <= 94; cell++) {
        const b1 = row + 0x20;
        const b2 = cell + 0x20;
        const char = decoder.decode(new Uint8Array([...prefix, b1 | 0x80, b2 | 0x80]));
        if ([...char].length === 1) yield [(b1 << 8) | b2, char] as [number, string];
      }
    }
  }
}

/** JIS X 0201 katakana (G1, 0xA1-0xDF): U+FF61 onwards. */
function* halfWidthKatakana(): Generator<[number, string]> {
  for (let byte = 0xa1; byte <= 0xdf; byte++) yield [byte & 0x7f, String.fromCharCode(0xff61 + byte - 0xa1)];
}

/** Latin-1's right half is the code points themselves (TextDecoder's "iso-8859-1" is windows-1252). */
function* latin1(): Generator<[number, string]> {
  for (let byte = 0xa0; byte <= 0xff; byte++) yield [byte & 0x7f, String.fromCharCode(byte)];
}

type Builder = () => Iterable<[number, string]>;

interface ElementSpec {
  escape: string;
  slot: 'G0' | 'G1';
  width: 1 | 2;
  build: Builder;
}

const single = (final: string, build: Builder): ElementSpec => ({
  escape: `-${final}`,
  slot: 'G1',
  width: 1,
  build,
});

/** PS3.3 Table C.12-3/C.12-4 single-byte sets by IR number: ISO 2022 final byte and characters. */
const SINGLE_BYTE: Readonly<Record<string, ElementSpec>> = {
  '100': single('A', latin1),
  '101': single('B', () => rightHalf('iso-8859-2')),
  '109': single('C', () => rightHalf('iso-8859-3')),
  '110': single('D', () => rightHalf('iso-8859-4')),
  '144': single('L', () => rightHalf('iso-8859-5')),
  '127': single('G', () => rightHalf('iso-8859-6')),
  '126': single('F', () => rightHalf('iso-8859-7')),
  '138': single('H', () => rightHalf('iso-8859-8')),
  // WHATWG's iso-8859-9 is windows-1254, whose right half is ISO 8859-9's.
  '148': single('M', () => rightHalf('iso-8859-9')),
  '203': single('b', () => rightHalf('iso-8859-15')),
  // windows-874's right half is TIS 620-2533 (positions TIS 620 leaves empty decode to U+FFFD).
  '166': single('T', () => rightHalf('windows-874')),
  '13': { escape: ')I', slot: 'G1', width: 1, build: halfWidthKatakana },
};

/**
 * PS3.3 Table C.12-5 multi-byte sets with code extensions. JIS X 0208 rows 1-8 and 16-84 (the
 * standard's; WHATWG adds vendor rows), KS X 1001 rows 1-93, GB 2312 rows 1-87.
 */
const MULTI_BYTE: Readonly<Record<string, ElementSpec>> = {
  '87': {
    escape: '$B',
    slot: 'G0',
    width: 2,
    build: () =>
      doubleByte('euc-jp', [
        [1, 8],
        [16, 84],
      ]),
  },
  '159': { escape: '$(D', slot: 'G0', width: 2, build: () => doubleByte('euc-jp', [[1, 94]], [0x8f]) },
  '149': { escape: '$)C', slot: 'G1', width: 2, build: () => doubleByte('euc-kr', [[1, 93]]) },
  '58': { escape: '$)A', slot: 'G1', width: 2, build: () => doubleByte('gbk', [[1, 87]]) },
};

const built = new Map<string, CodeElement>();

function codeElement(key: string, spec: ElementSpec): CodeElement {
  const cached = built.get(key);
  if (cached) return cached;
  const element = { escape: spec.escape, slot: spec.slot, width: spec.width, ...table(spec.build()) };
  built.set(key, element);
  return element;
}

/** The code element an escape sequence (the bytes after ESC) designates, whatever was declared. */
export function elementByEscape(escape: string): CodeElement | undefined {
  const specs = { ...SINGLE_BYTE, ...MULTI_BYTE };
  const found = Object.entries(specs).find(([, spec]) => spec.escape === escape);
  return found ? codeElement(found[0], found[1]) : undefined;
}

/** One defined term of (0008,0005), resolved. */
export type CharacterSetTerm =
  /** ASCII only (ISO_IR 6, the default repertoire; an empty first value) */
  | { kind: 'ascii'; term: string; extensions: boolean }
  /** ASCII in G0 and one set in G1 (or G0, for JIS X 0208/0212) */
  | { kind: 'element'; term: string; extensions: boolean; element: () => CodeElement }
  /** a set whose bytes are decoded whole and that allows no code extensions: ISO_IR 192, GB18030, GBK */
  | { kind: 'whole'; term: string; decoder: string };

/** A defined term of PS3.3 C.12.1.1.2, or undefined when it is not one this knows. */
export function characterSetTerm(raw: string): CharacterSetTerm | undefined {
  const term = raw.trim().toUpperCase();
  if (term === '' || term === 'ISO_IR 6' || term === 'ISO 2022 IR 6') {
    return { kind: 'ascii', term, extensions: term.startsWith('ISO 2022') };
  }
  if (term === 'ISO_IR 192') return { kind: 'whole', term, decoder: 'utf-8' };
  if (term === 'GB18030') return { kind: 'whole', term, decoder: 'gb18030' };
  if (term === 'GBK') return { kind: 'whole', term, decoder: 'gbk' };
  const match = /^(ISO_IR|ISO 2022 IR) (\d+)$/.exec(term);
  if (!match) return undefined;
  const extensions = match[1] === 'ISO 2022 IR';
  const number = match[2] as string;
  const singleSpec = SINGLE_BYTE[number];
  if (singleSpec)
    return { kind: 'element', term, extensions, element: () => codeElement(number, singleSpec) };
  const multiSpec = extensions ? MULTI_BYTE[number] : undefined;
  if (multiSpec) return { kind: 'element', term, extensions, element: () => codeElement(number, multiSpec) };
  return undefined;
}

/** The terms of a (0008,0005) value ('\'-separated; an empty value is the default repertoire). */
export function characterSetTerms(value: string | undefined): (CharacterSetTerm | undefined)[] {
  return (value ?? '').split('\\').map(characterSetTerm);
}
