/**
 * Value Representations this writer emits (PS3.5 6.2) and the facts the encoder needs about each:
 * how a value is padded to even length and how wide the length field is.
 */

/** VRs whose value is character text (PS3.5 6.2); multiple values are joined with a backslash. */
export type TextVr =
  | 'AE'
  | 'AS'
  | 'CS'
  | 'DA'
  | 'DS'
  | 'DT'
  | 'IS'
  | 'LO'
  | 'LT'
  | 'PN'
  | 'SH'
  | 'ST'
  | 'TM'
  | 'UC'
  | 'UI'
  | 'UR'
  | 'UT';
/** VRs whose values are fixed-size binary numbers; AT holds tags as (group << 16 | element). */
export type NumberVr = 'AT' | 'FD' | 'FL' | 'SL' | 'SS' | 'UL' | 'US';
/** VRs whose value is an opaque byte string. */
export type BytesVr = 'OB' | 'OW' | 'UN';
export type Vr = TextVr | NumberVr | BytesVr | 'SQ';

/**
 * PS3.5 7.1.2: these VRs have two reserved bytes and a 32-bit length in Explicit VR; every other VR
 * has a 16-bit length.
 */
const LONG_LENGTH: ReadonlySet<Vr> = new Set<Vr>(['OB', 'OW', 'UN', 'SQ', 'UT', 'UC', 'UR']);

export function hasLongLength(vr: Vr): boolean {
  return LONG_LENGTH.has(vr);
}

/** PS3.5 6.2: UI is padded with a trailing NUL, OB/UN with 0x00, other text with a space. */
export function paddingByte(vr: Vr): number {
  return vr === 'UI' || vr === 'OB' || vr === 'UN' || vr === 'OW' ? 0x00 : 0x20;
}

/** Bytes per value of a numeric VR (PS3.5 Table 6.2-1). */
export function numberWidth(vr: NumberVr): number {
  switch (vr) {
    case 'US':
    case 'SS':
      return 2;
    case 'UL':
    case 'SL':
    case 'FL':
    case 'AT':
      return 4;
    case 'FD':
      return 8;
  }
}

/**
 * Maximum characters of one value (PS3.5 Table 6.2-1). Copied source values are never cut to it (an
 * over-long value is the source's, and cutting it loses data). Undefined: no limit that a 32-bit
 * length cannot hold.
 */
const MAX_CHARS: Partial<Record<TextVr, number>> = {
  AE: 16,
  AS: 4,
  CS: 16,
  DA: 8,
  DS: 16,
  DT: 26,
  IS: 12,
  LO: 64,
  LT: 10240,
  PN: 64 * 3 + 2,
  SH: 16,
  ST: 1024,
  TM: 14,
  UI: 64,
};

export function maxChars(vr: TextVr): number | undefined {
  return MAX_CHARS[vr];
}

/** VRs whose text may hold several values separated by '\' (LT, ST, UT, UR are single-valued). */
export function isMultiValuedText(vr: TextVr): boolean {
  return vr !== 'LT' && vr !== 'ST' && vr !== 'UT' && vr !== 'UR';
}
