/**
 * The presentation state shows what the burned-in copy shows (issue 21 point 5), checked with pydicom on
 * the real CLI's outputs: on the sample a box and a mask outline of the same label mark the same lesion
 * on six slices, in two colours, and the copy has room for only one label of each pair. The presentation
 * state's texts are the copy's labels, in the copy's label strips (the others left out, as the copy
 * leaves them out); each graphic is on a layer of the colour the copy draws it in.
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
let compared: { texts: string[]; colours: number[][]; mismatches: string[] };

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
    expect(compared.texts).toHaveLength(6);
  });

  it("puts each text in the copy's label strip, in the colour the copy draws it", () => {
    expect(compared.mismatches.filter((m) => m.startsWith('text'))).toEqual([]);
  });

  it('gives the red boxes and the orange mask outlines a layer each, in the colour the copy draws them', () => {
    expect(compared.colours).toEqual([
      [230, 159, 0],
      [255, 0, 0],
    ]);
    expect(compared.mismatches).toEqual([]);
  });
});
