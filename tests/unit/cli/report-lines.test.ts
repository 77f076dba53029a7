import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReport } from '../../../src/main/cli/report-lines';
import { defaultConvertSettings } from '../../../src/main/convert/convert-settings';
import type { FileOutcome } from '../../../src/main/convert/outcome';
import type { ConversionJob, ConversionSummary } from '../../../src/main/export/job';
import { tallyOf } from '../../../src/main/export/outcome-tally';

const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-report-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const job: ConversionJob = { inputs: ['/in'], outDir: '/out', settings: defaultConvertSettings() };

const outcomes: FileOutcome[] = [
  {
    status: 'converted',
    input: '/in/a',
    output: '/out/in/a',
    frames: 1,
    boxesDrawn: 1,
    matchedBoxOrigins: ['b.csv:2'],
    warnings: [
      { kind: 'box-clipped', origin: 'b.csv:2', outside: false, text: 'extends past the right edge' },
    ],
  },
  { status: 'skipped', input: '/in/b', reason: 'already converted', existingOutput: '/out/in/b' },
];

function linesOf(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the --report JSON Lines', () => {
  it('has a start line, one line per outcome as it comes, delivery lines and an end line with the placement', () => {
    const path = join(dir, 'run.jsonl');
    const report = openReport(path, job);
    report.outcome(outcomes[0] as FileOutcome);
    // Written at once, not at the end: a kill -9 now keeps it.
    expect(linesOf(path).map((l) => l.type)).toEqual(['start', 'outcome']);
    report.outcome(outcomes[1] as FileOutcome);
    report.delivery({ target: 'zip', status: 'completed' });
    const summary: ConversionSummary = {
      status: 'completed',
      outcomes: [],
      tally: tallyOf(outcomes),
      boxErrors: [{ origin: 'b.csv:3', reason: 'x1 is not a number' }],
      unmatchedBoxes: ['b.csv:4'],
      inputNotes: ['input /in/a is the same as /in; its files are converted once'],
      placement: {
        boxesAlreadyThere: ['b.csv:5'],
        clippedBoxes: [{ origin: 'b.csv:6', text: 'outside the 64 x 64 image', outside: true }],
        presetMisfits: [{ seriesInstanceUid: '1.2.3', text: 'not CT', images: 2 }],
        unplacedLabels: [
          { origin: 'b.csv:7', input: '/in/a', frame: 1, label: 'lesion 0.93', text: 'no room to place it' },
        ],
        unplacedLabelCount: 1,
        unmatchedReasons: { 'b.csv:4': 'no input file is x' },
      },
      elapsedMs: 1234,
    };
    report.end(summary);
    report.close();
    const lines = linesOf(path);
    expect(lines.map((l) => l.type)).toEqual(['start', 'outcome', 'outcome', 'delivery', 'end']);
    expect(lines[1]?.warnings).toEqual([
      { kind: 'box-clipped', origin: 'b.csv:2', outside: false, text: 'extends past the right edge' },
    ]);
    expect(lines[2]?.existingOutput).toBe('/out/in/b');
    const end = lines[4];
    expect(end?.status).toBe('completed');
    expect(end?.totals).toEqual({ converted: 1, skipped: 1, failed: 0 });
    expect(end?.inputNotes).toEqual(summary.inputNotes);
    expect(end?.boxErrors).toEqual(summary.boxErrors);
    expect(end?.unmatchedBoxes).toEqual(['b.csv:4']);
    // a bad row, a row matching nothing, a box wholly outside: what exit code 3 counts
    expect(end?.findingsNotPlaced).toBe(3);
    expect(end?.placement).toEqual(summary.placement);
  });

  it('ends with the reason when the run could not start', () => {
    const path = join(dir, 'failed.jsonl');
    const report = openReport(path, job);
    report.end({ status: 'failed', cause: 'output', reason: 'cannot write to the output folder /out' });
    report.close();
    expect(linesOf(path).at(-1)).toEqual({
      type: 'end',
      status: 'failed',
      cause: 'output',
      reason: 'cannot write to the output folder /out',
    });
  });
});
