import { describe, expect, it } from 'vitest';
import { groupedLines } from '../../../src/main/cli/grouped-lines';

describe('groupedLines: long message lists in the summary stay short', () => {
  it('one entry per reason is listed as before: origin: reason', () => {
    expect(groupedLines([{ origin: 'b.csv:2', reason: 'x1 is not a number' }])).toEqual([
      '  b.csv:2: x1 is not a number',
    ]);
  });

  it('entries sharing a reason are one line with the count and the first three', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({
      origin: `b.csv:${i + 2}`,
      reason: 'no input image has SOP Instance UID 1.2.3',
    }));
    expect(groupedLines(entries)).toEqual([
      '  100000 boxes: no input image has SOP Instance UID 1.2.3',
      '    b.csv:2',
      '    b.csv:3',
      '    b.csv:4',
      '    ... and 99997 more',
    ]);
  });

  it('at most 10 reasons are listed, then a count of the rest', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({
      origin: `b.csv:${i + 2}`,
      reason: `uid ${i}`,
    }));
    const lines = groupedLines(entries, 'rows');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('  b.csv:2: uid 0');
    expect(lines[10]).toBe('  ... and 99990 more for other reasons (see --report for all)');
  });
});
