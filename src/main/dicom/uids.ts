import { createHash } from 'node:crypto';

/**
 * Deterministic UIDs in the 2.25 form (PS3.5 B.2): "2.25." followed by the decimal value of a
 * 128-bit UUID. The UUID is a name-based one (RFC 9562 5.8, version 8) made from a SHA-256 of the
 * parts, so the same source and settings always give the same UID (a PACS replaces rather than
 * duplicates on re-export), and any change in the parts gives a new one. Length: at most 5 + 39 = 44
 * characters, within the 64 of PS3.5 9.1; a decimal BigInt has no leading zero.
 */
export function deriveUid(...parts: string[]): string {
  const hash = createHash('sha256');
  // Length-prefixed parts: ('ab', 'c') and ('a', 'bc') must not collide.
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:${part};`);
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC variant (10xx)
  return `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString(10)}`;
}

/** PS3.5 9.1: digits and dots, components without leading zeros, at most 64 characters. */
export function isValidUid(uid: string): boolean {
  return uid.length > 0 && uid.length <= 64 && /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/.test(uid);
}
