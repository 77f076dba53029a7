/**
 * What our twins keep when read back as --boxes (issue 21 point 6), as the README states it:
 * - the presentation state gives the export back byte for byte: boxes in a custom colour with a
 *   lower-case label, and a box and a mask outline of one label in two colours (one graphic layer per
 *   label and colour; each mask's outlines a Graphic Group read back as the region they bound);
 * - the report keeps geometry, label and score but no colour (TID 1500 has none): its boxes come back in
 *   the default colour, "lesion"/"nodule" as their SNOMED CT meanings "Lesion"/"Nodule", and a mask as
 *   its bounding box.
 * Pixels compared with pydicom.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, twinFile } from '../../helpers/cli-harness';
import { differingRgbPixels } from '../../helpers/pixel-data';

const SAMPLE = join(__dirname, '..', '..', '..', 'assets', 'sample');
const STUDY = join(SAMPLE, 'abdomen-ct');
const COMMON = ['--window', 'abdomen', '--labels', '--jobs', '1', '--quiet'];
const SLICES = Array.from({ length: 24 }, (_, i) => `IM${String(i + 1).padStart(4, '0')}`);

let dir: string;

/** The sample's boxes.csv with every label replaced and a colour column added. */
function boxFile(name: string, label: string | undefined, color: string | undefined): string {
  const [header, ...rows] = readFileSync(join(SAMPLE, 'boxes.csv'), 'utf8').trim().split('\n');
  const lines = [
    `${header ?? ''}${color ? ',color' : ''}`,
    ...rows.map((row) => {
      const cells = row.split(',');
      if (label !== undefined) cells[7] = label;
      return `${cells.join(',')}${color ? `,${color}` : ''}`;
    }),
  ];
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function convert(out: string, extra: string[]): string {
  const run = runCli(['convert', STUDY, '--out', out, ...extra, ...COMMON]);
  expect(run.code, run.stderr).toBe(0);
  return join(out, 'abdomen-ct', 'series-1');
}

const differing = (a: string, b: string): number[] =>
  SLICES.map((n) => differingRgbPixels(join(a, n), join(b, n)));

/** The colours (not gray) each slice holds, by pydicom. */
function colours(series: string): Record<string, number[][]> {
  const script = [
    'import sys, os, json',
    'from pydicom import dcmread',
    'out = {}',
    'for n in sorted(os.listdir(sys.argv[1])):',
    "    if not n.startswith('IM'): continue",
    '    px = dcmread(os.path.join(sys.argv[1], n)).pixel_array.reshape(-1, 3)',
    '    cols = {tuple(int(c) for c in p) for p in px if not (p[0] == p[1] == p[2])}',
    '    if cols: out[n] = sorted(cols)',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, series], { encoding: 'utf8' })) as Record<
    string,
    number[][]
  >;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-twin-keeps-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('boxes in a custom colour with a lower-case label, through each twin', () => {
  let first: string;
  beforeAll(() => {
    first = convert(join(dir, 'first'), [
      '--boxes',
      boxFile('green.csv', 'lesion', '00ff00'),
      '--twin',
      'both',
    ]);
  });

  it('the presentation state gives them back byte for byte (colour and label as written)', () => {
    const again = convert(join(dir, 'gsps'), ['--boxes', twinFile(first, 'presentation-state-')]);
    expect(differing(first, again)).toEqual(SLICES.map(() => 0));
  });

  it('the report gives them back in the default colour, labelled "Lesion": byte for byte that export', () => {
    const again = convert(join(dir, 'sr'), ['--boxes', twinFile(first, 'report-')]);
    const expected = convert(join(dir, 'default'), ['--boxes', boxFile('default.csv', 'Lesion', undefined)]);
    expect(differing(expected, again)).toEqual(SLICES.map(() => 0));
    expect(differing(first, again).filter((n) => n > 0)).toHaveLength(6);
  });
});

describe('a box and a mask outline of one label in two colours', () => {
  let first: string;
  beforeAll(() => {
    first = convert(join(dir, 'mixed'), [
      '--boxes',
      boxFile('kidney-green.csv', undefined, '00ff00'),
      '--masks',
      join(SAMPLE, 'lesion-mask.nii.gz'),
      '--twin',
      'both',
    ]);
  });

  it('the presentation state gives them back byte for byte: both colours, the mask as its region', () => {
    const again = convert(join(dir, 'mixed-gsps'), ['--boxes', twinFile(first, 'presentation-state-')]);
    expect(Object.keys(colours(first))).toHaveLength(6);
    expect(colours(again)).toEqual(colours(first));
    expect(differing(first, again)).toEqual(SLICES.map(() => 0));
  });

  it('the report gives the mask back as its bounding box: only the six slices with a mask differ', () => {
    const again = convert(join(dir, 'mixed-sr'), ['--boxes', twinFile(first, 'report-')]);
    const counts = differing(first, again);
    expect(SLICES.filter((_, i) => (counts[i] ?? 0) > 0)).toEqual(Object.keys(colours(first)));
  });
});
