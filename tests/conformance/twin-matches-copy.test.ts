/**
 * The presentation state shows what the burned-in copy shows (issue 21 point 5), checked with pydicom on
 * the real CLI's outputs: on the sample a box and a mask outline of the same label mark the same lesion
 * on six slices, in two colours, and the copy has room for only one label of each pair. The presentation
 * state's texts are the copy's labels, in the copy's label strips (the others left out, as the copy
 * leaves them out); each graphic is on a layer of the colour the copy draws it in. The AI notice the copy
 * carries on each image with a finding is in the presentation state too, its text in the copy's notice strip.
 * (dcmp2pgm renders a presentation state's window but not its graphics or texts, so pydicom compares them.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';

const SAMPLE = join(REPO, 'assets', 'sample');
let dir: string;
let compared: { texts: [string, string][]; layers: Record<string, number[]>; mismatches: string[] };

/** The texts of the findings' layers (not the notice's). */
const labelTexts = (): string[] =>
  compared.texts.filter(([layer]) => layer !== 'AI NOTICE').map(([, t]) => t);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-twin-copy-'));
  const out = join(dir, 'out');
  const run = runCli([
    'convert',
    join(SAMPLE, 'abdomen-ct'),
    '--out',
    out,
    '--boxes',
    join(SAMPLE, 'boxes.csv'),
    '--masks',
    join(SAMPLE, 'lesion-mask.nii.gz'),
    '--labels',
    '--twin',
    'gsps',
    '--quiet',
  ]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('Labels not drawn (6):');
  const series = join(out, 'abdomen-ct', 'series-1');
  const [gsps] = readdirSync(series).filter((n) => n.startsWith('presentation-state-'));
  const script = join(REPO, 'tests', 'helpers', 'gsps_vs_copy.py');
  compared = JSON.parse(
    execFileSync('/usr/bin/python3', [script, join(series, gsps ?? ''), out], { encoding: 'utf8' }),
  ) as typeof compared;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('presentation state and burned-in copy', () => {
  it("has exactly the copy's labels: 12 findings, 6 labels the copy had no room for are left out", () => {
    expect(labelTexts()).toHaveLength(6);
  });

  it("shows the copy's AI notice on each image with a finding, on a white layer of its own, in the copy's notice strip", () => {
    const notices = compared.texts.filter(([layer]) => layer === 'AI NOTICE').map(([, t]) => t);
    expect(notices).toEqual(Array<string>(6).fill('AI: findings - not reviewed'));
    expect(compared.layers['AI NOTICE']).toEqual([255, 255, 255]);
    expect(compared.mismatches.filter((m) => m.includes('AI: '))).toEqual([]);
  });

  it("puts each text in the copy's label strip, in the colour the copy draws it", () => {
    expect(compared.mismatches.filter((m) => m.startsWith('text'))).toEqual([]);
  });

  it('gives the red boxes and the orange mask outlines a layer each, in the colour the copy draws them', () => {
    const findingLayers = Object.entries(compared.layers).filter(([name]) => name !== 'AI NOTICE');
    expect(findingLayers.map(([, colour]) => colour).sort()).toEqual([
      [230, 159, 0],
      [255, 0, 0],
    ]);
    expect(compared.mismatches).toEqual([]);
  });
});
