import { describe, expect, it } from 'vitest';
import { trackingIdentifier } from '../../../src/main/twin/measurement-report';

describe("a report finding's Tracking Identifier made from its label", () => {
  it('is the label and the number when both fit 64 characters', () => {
    expect(trackingIdentifier('kidney lesion', 2)).toBe('kidney lesion 2');
    expect(trackingIdentifier('x'.repeat(62), 1)).toBe(`${'x'.repeat(62)} 1`);
  });

  it('shortens the label, never the number, so findings 1 and 10 of one long label stay apart', () => {
    const label = 'y'.repeat(62);
    const first = trackingIdentifier(label, 1);
    const tenth = trackingIdentifier(label, 10);
    expect(Array.from(tenth)).toHaveLength(64);
    expect(tenth.endsWith(' 10')).toBe(true);
    expect(first.endsWith(' 1')).toBe(true);
    expect(tenth).not.toBe(first);
    expect(trackingIdentifier('z'.repeat(200), 123)).toBe(`${'z'.repeat(60)} 123`);
  });

  it('counts characters, not UTF-16 units, and leaves no space doubled before the number', () => {
    const emoji = '🩻'.repeat(70);
    expect(trackingIdentifier(emoji, 3)).toBe(`${'🩻'.repeat(62)} 3`);
    expect(trackingIdentifier(`${'a'.repeat(61)} tail`, 7)).toBe(`${'a'.repeat(61)} 7`);
  });
});
