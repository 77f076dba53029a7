import { hash } from 'node:crypto';

/**
 * UIDs derived lately, by the text hashed: every slice of a series derives the same Series Instance
 * UID, which is then hashed once. Cleared when full, so memory stays small whatever the run.
 */
const recent = new Map<string, string>();
const RECENT_KEPT = 64;

/**
 * Deterministic UIDs in the 2.25 form (PS3.5 B.2): "2.25." followed by the decimal value of a
 * 128-bit UUID. The UUID is a name-based one (RFC 9562 5.8, version 8) made from a SHA-256 of the
 * parts, so the same source and settings always give the same UID (a PACS replaces rather than
 * duplicates on re-export), and any change in the parts gives a new one. Length: at most 5 + 39 = 44
 * characters, within the 64 of PS3.5 9.1; a decimal BigInt has no leading zero.
 */
export function deriveUid(...parts: string[]): string {
  // Length-prefixed parts: ('ab', 'c') and ('a', 'bc') must not collide.
  const named = parts.map((part) => `${Buffer.byteLength(part)}:${part};`).join('');
  const known = recent.get(named);
  if (known !== undefined) return known;
  const bytes = hash('sha256', named, 'buffer').subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC variant (10xx)
  const uid = `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString(10)}`;
  if (recent.size >= RECENT_KEPT) recent.clear();
  recent.set(named, uid);
  return uid;
}

/** PS3.5 9.1: digits and dots, components without leading zeros, at most 64 characters. */
export function isValidUid(uid: string): boolean {
  return uid.length > 0 && uid.length <= 64 && /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/.test(uid);
}
