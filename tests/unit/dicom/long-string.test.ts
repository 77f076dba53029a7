import { describe, expect, it } from 'vitest';
import {
  longerThanLongString,
  longStringEndingWith,
  toLongString,
} from '../../../src/shared/dicom/long-string';

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

  it('ends a series description with its tag whole, the text before it shortened by characters', () => {
    const tag = '[DICOM Ink RGB W400/L50]';
    expect(longStringEndingWith('Abdomen CT', tag)).toBe(`Abdomen CT ${tag}`);
    expect(longStringEndingWith(undefined, tag)).toBe(tag);
    expect(longStringEndingWith('   ', tag)).toBe(tag);
    // 39 characters of room before the tag and its space; a space at the cut is not left before it
    const cut = longStringEndingWith(`${'a'.repeat(38)} bcdef`, tag);
    expect(cut).toBe(`${'a'.repeat(38)} ${tag}`);
    // emoji count one each and are never split
    const emoji = longStringEndingWith('🩻'.repeat(50), tag);
    expect(Array.from(emoji)).toHaveLength(64);
    expect(emoji).toBe(`${'🩻'.repeat(39)} ${tag}`);
    // a tag of 64 characters or more is all there is
    expect(longStringEndingWith('CT', 'x'.repeat(70))).toBe('x'.repeat(64));
  });
});
