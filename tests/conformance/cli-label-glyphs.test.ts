/**
 * Issue 25 point 2: `convert --labels` says which label characters the label font lacks (drawn as
 * hollow boxes) in its summary and its --report, and says nothing when every character has a glyph.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';

const SOURCE = join(REPO, 'assets', 'sample', 'abdomen-ct', 'series-1', 'IM0001');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'label-glyphs-'));
  mkdirSync(join(dir, 'in'));
  copyFileSync(SOURCE, join(dir, 'in', 'a.dcm'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function convert(
  rows: string[],
  out: string,
): { stdout: string; report: { placement: Record<string, unknown> } } {
  writeFileSync(join(dir, 'boxes.csv'), ['file,frame,x1,y1,x2,y2,label,score', ...rows].join('\n'));
  const report = join(dir, `${out}.json`);
  const run = runCli([
    'convert',
    join(dir, 'in'),
    '--out',
    join(dir, out),
    '--boxes',
    join(dir, 'boxes.csv'),
    '--labels',
    '--report',
    report,
  ]);
  expect(run.code, run.stderr).toBe(0);
  // The --report is JSON Lines; its end line holds the placement of the findings.
  const lines = readFileSync(report, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { type: string; placement: Record<string, unknown> });
  const end = lines.find((line) => line.type === 'end');
  if (!end) throw new Error('the report has no end line');
  return { stdout: run.stdout, report: end };
}

describe('label characters without a glyph', () => {
  it('are named in the summary and the report', () => {
    const { stdout, report } = convert(
      ['a.dcm,1,20,20,60,60,結節 😀,', 'a.dcm,1,120,120,160,160,очаг,0.9'],
      'out-1',
    );
    expect(stdout).toContain('Labels with characters the label font lacks (1):');
    expect(stdout).toContain(
      "boxes.csv:2: label '結節 😀' has characters the label font lacks, drawn as hollow boxes: U+1F600 😀",
    );
    expect(report.placement.labelsWithoutGlyphs).toEqual([
      { origin: 'boxes.csv:2', label: '結節 😀', missing: ['U+1F600 😀'] },
    ]);
  });

  it('are not mentioned when every character has one', () => {
    const { stdout, report } = convert(
      ['a.dcm,1,20,20,60,60,結節,', 'a.dcm,1,120,120,160,160,Läsion grün,'],
      'out-2',
    );
    expect(stdout).not.toContain('label font lacks');
    expect(report.placement.labelsWithoutGlyphs).toBeUndefined();
  });
});
