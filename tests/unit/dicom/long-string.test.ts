import { describe, expect, it } from 'vitest';
import { longerThanLongString, toLongString } from '../../../src/shared/dicom/long-string';

describe('Long String (LO) values', () => {
  it('keeps a text of 64 characters whole and cuts a longer one to its first 64', () => {
    const text = 'a'.repeat(64);
    expect(toLongString(text)).toBe(text);
    expect(longerThanLongString(text)).toBe(false);
    expect(toLongString(`${text}bc`)).toBe(text);
    expect(longerThanLongString(`${text}b`)).toBe(true);
  });

  it('counts characters, not UTF-16 units: 40 emoji are within LO and 70 are cut between two of them', () => {
    const forty = '🩻'.repeat(40);
    expect(forty.length).toBe(80);
    expect(longerThanLongString(forty)).toBe(false);
    expect(toLongString(forty)).toBe(forty);
    const cut = toLongString('🩻'.repeat(70));
    expect(Array.from(cut)).toEqual(Array<string>(64).fill('🩻'));
    expect(toLongString('病変'.repeat(40))).toBe('病変'.repeat(32));
  });
});
