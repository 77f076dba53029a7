/**
 * A label that fits nowhere without covering another finding is left out of the pixels (label-layout.ts);
 * the real CLI says so per image and box, in the summary and in the --report, instead of dropping it
 * silently. On the bundled sample a box and a mask outline mark the same lesion on six slices.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';

const SAMPLE = join(REPO, 'assets', 'sample');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-unplaced-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MASK_ORIGIN = 'lesion-mask.nii.gz label 1 on series-1/IM0012';
const NO_ROOM =
  'no room to place it without covering another finding or leaving the image; the box is drawn without its label';

describe('labels that fit nowhere', () => {
  it('are listed per box and image in the summary and the report, and the run still exits 0', () => {
    const report = join(dir, 'both.jsonl');
    const run = runCli([
      'convert',
      join(SAMPLE, 'abdomen-ct'),
      '--out',
      join(dir, 'both'),
      '--boxes',
      join(SAMPLE, 'boxes.csv'),
      '--masks',
      join(SAMPLE, 'lesion-mask.nii.gz'),
      '--labels',
      '--report',
      report,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Labels not drawn (6):');
    const im12 = join(SAMPLE, 'abdomen-ct', 'series-1', 'IM0012');
    // The box's label goes above the box's outline; the mask outline around the same lesion has no room left.
    expect(run.stdout).toContain(`  ${MASK_ORIGIN}: label 'kidney lesion' on ${im12}: ${NO_ROOM}`);

    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const outcome = lines.find((l) => l.type === 'outcome' && l.input === im12);
    expect(outcome?.warnings).toContainEqual({
      kind: 'label-unplaced',
      origin: MASK_ORIGIN,
      frame: 1,
      label: 'kidney lesion',
      text: NO_ROOM,
    });
    const end = lines.at(-1) as {
      type: string;
      placement: { unplacedLabels: unknown[]; unplacedLabelCount: number };
    };
    expect(end.type).toBe('end');
    expect(end.placement.unplacedLabelCount).toBe(6);
    expect(end.placement.unplacedLabels).toContainEqual({
      origin: MASK_ORIGIN,
      input: im12,
      frame: 1,
      label: 'kidney lesion',
      text: NO_ROOM,
    });
  }, 120_000);

  it('are not reported when every label has room (the boxes alone)', () => {
    const run = runCli([
      'convert',
      join(SAMPLE, 'abdomen-ct'),
      '--out',
      join(dir, 'boxes-only'),
      '--boxes',
      join(SAMPLE, 'boxes.csv'),
      '--labels',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Labels not drawn');
  }, 120_000);
});
