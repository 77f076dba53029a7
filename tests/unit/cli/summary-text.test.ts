import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/main/cli/progress-display';
import { presetsText } from '../../../src/main/cli/presets-command';
import { summaryText } from '../../../src/main/cli/summary-text';
import type { FileOutcome } from '../../../src/main/convert/outcome';
import type { ConversionReport } from '../../../src/main/export/job';
import { tallyOf } from '../../../src/main/export/outcome-tally';

const outcomes: FileOutcome[] = [
  {
    status: 'converted',
    input: '/in/a',
    output: '/out/a',
    frames: 2,
    boxesDrawn: 3,
    matchedBoxOrigins: [],
  },
  { status: 'skipped', input: '/in/readme.txt', reason: 'not a DICOM file' },
  { status: 'skipped', input: '/in/notes.txt', reason: 'not a DICOM file' },
  { status: 'failed', input: '/in/cut.dcm', reason: 'pixel data is truncated' },
];

const report: ConversionReport = {
  outcomes: [],
  tally: tallyOf(outcomes),
  boxErrors: [{ origin: 'boxes.csv:4', reason: 'x1 is not a number' }],
  unmatchedBoxes: ['boxes.csv:7'],
  elapsedMs: 1500,
};

describe('summaryText', () => {
  it('gives totals, each failure, skips grouped by reason, bad box rows and unmatched boxes', () => {
    expect(summaryText(report, { quiet: false, cancelled: false }).split('\n')).toEqual([
      '1 file converted (2 frames, 3 boxes burned in), 2 skipped, 1 failed in 1.5 s',
      'Failed (1):',
      '  /in/cut.dcm: pixel data is truncated',
      'Skipped (2):',
      '  2 files: not a DICOM file',
      '    /in/notes.txt',
      '    /in/readme.txt',
      'Box rows not used (1):',
      '  boxes.csv:4: x1 is not a number',
      'Boxes that matched no input image and frame (1):',
      '  boxes.csv:7',
    ]);
  });

  it('leaves the skip list out when quiet and marks a cancelled run', () => {
    const text = summaryText(report, { quiet: true, cancelled: true });
    expect(text.startsWith('Cancelled: 1 file converted')).toBe(true);
    expect(text).not.toContain('Skipped');
    expect(text).toContain('/in/cut.dcm: pixel data is truncated');
  });
});

describe('summaryText failures', () => {
  it('groups failures by reason, as skips are, with examples', () => {
    const failed: FileOutcome[] = [
      ...['a', 'b', 'c'].map((name) => ({
        status: 'failed' as const,
        input: `/in/${name}`,
        reason: 'could not write the output (EACCES)',
      })),
      { status: 'failed', input: '/in/cut.dcm', reason: 'pixel data is truncated' },
    ];
    const failures: ConversionReport = {
      ...report,
      tally: tallyOf(failed),
      boxErrors: [],
      unmatchedBoxes: [],
    };
    expect(summaryText(failures, { quiet: false, cancelled: false }).split('\n').slice(1)).toEqual([
      'Failed (4):',
      '  3 files: could not write the output (EACCES)',
      '    /in/a',
      '    /in/b',
      '    /in/c',
      '  /in/cut.dcm: pixel data is truncated',
    ]);
  });

  it('on a large run lists 10 examples per reason and counts the rest', () => {
    const many: FileOutcome[] = Array.from({ length: 250 }, (_, i) => ({
      status: 'failed',
      input: `/in/${i}`,
      reason: 'pixel data is truncated',
    }));
    const text = summaryText(
      { outcomes: [], tally: tallyOf(many), boxErrors: [], unmatchedBoxes: [], elapsedMs: 1000 },
      { quiet: true, cancelled: false },
    ).split('\n');
    expect(text.slice(1, 4)).toEqual(['Failed (250):', '  250 files: pixel data is truncated', '    /in/0']);
    expect(text).toHaveLength(3 + 10 + 1);
    expect(text.at(-1)).toBe('    ... and 240 more (see --report for all)');
  });
});

describe('summaryText order', () => {
  it('is the same text whatever order the workers finished the files in', () => {
    const finished: FileOutcome[] = [
      ...Array.from({ length: 8 }, (_, i) => ({
        status: 'skipped' as const,
        input: `/in/t${(i * 5) % 8}.txt`,
        reason: 'not a DICOM file',
      })),
      { status: 'skipped', input: '/in/x.dcm', reason: 'Double Float Pixel Data is not supported' },
      { status: 'skipped', input: '/in/y.dcm', reason: 'an earlier output of DICOM Ink' },
      { status: 'failed', input: '/in/b.dcm', reason: 'pixel data is truncated' },
      { status: 'failed', input: '/in/a.dcm', reason: 'pixel data is truncated' },
      { status: 'failed', input: '/in/c.dcm', reason: 'disk full' },
    ];
    const textOf = (order: readonly FileOutcome[]): string =>
      summaryText(
        { outcomes: [], tally: tallyOf(order), boxErrors: [], unmatchedBoxes: [], elapsedMs: 1000 },
        { quiet: false, cancelled: false },
      );
    const text = textOf(finished);
    expect(textOf([...finished].reverse())).toBe(text);
    expect(textOf([...finished.slice(5), ...finished.slice(0, 5)])).toBe(text);
    expect(text.split('\n').slice(1)).toEqual([
      'Failed (3):',
      '  2 files: pixel data is truncated',
      '    /in/a.dcm',
      '    /in/b.dcm',
      '  /in/c.dcm: disk full',
      'Skipped (10):',
      '  8 files: not a DICOM file',
      '    /in/t0.txt',
      '    /in/t1.txt',
      '    /in/t2.txt',
      '    /in/t3.txt',
      '    /in/t4.txt',
      '    ... and 3 more (see --report for all)',
      '  1 file: Double Float Pixel Data is not supported',
      '    /in/x.dcm',
      '  1 file: an earlier output of DICOM Ink',
      '    /in/y.dcm',
    ]);
  });
});

describe('progressLine', () => {
  it('shows a bar, the count against the total and the rate', () => {
    expect(progressLine({ done: 50, total: 200, converted: 49, skipped: 0, failed: 1, elapsedMs: 500 })).toBe(
      '[########......................] 50/200 files  100 files/s  1 failed',
    );
    expect(progressLine({ done: 7, converted: 7, skipped: 0, failed: 0, elapsedMs: 1000 })).toBe(
      '7 files  7 files/s',
    );
  });
});

describe('presetsText', () => {
  it('lists each preset with its width, center and cited source', () => {
    const lines = presetsText().split('\n');
    expect(lines[0]).toMatch(/^preset\s+width\s+center\s+source$/);
    const abdomen = lines.find((l) => l.startsWith('abdomen'));
    expect(abdomen).toMatch(/^abdomen\s+400\s+50\s+Radiopaedia/);
    expect(lines.find((l) => l.startsWith('lung'))).toMatch(/^lung\s+1500\s+-600\s/);
  });
});
