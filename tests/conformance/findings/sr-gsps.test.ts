/**
 * Measurements made in a viewer come in as boxes: a TID 1500 Structured Report shaped like OHIF's and
 * highdicom's, and a Grayscale Softcopy Presentation State with polylines, an ellipse, a circle, a point,
 * DISPLAY-unit graphics and texts, both written by pydicom (tests/helpers/annotation_objects.py) over the
 * phantom series. The boxes Python expects (each graphic's bounding pixels, found by sampling its
 * outline) are checked twice: against every output pixel by the rectangle oracle (phantom_findings.py),
 * and, with labels and scores burned in, against the same boxes given as a CSV, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-harness';
import { differingRgbPixels } from '../../helpers/pixel-data';

const PYTHON = '/usr/bin/python3';
const PHANTOM = join(__dirname, 'phantom_findings.py');
const OBJECTS = join(__dirname, '..', '..', 'helpers', 'annotation_objects.py');
const WINDOW = ['--window-center', '40', '--window-width', '400', '--jobs', '1', '--quiet'];

type Row = [string, number, number, number, number, string, number | null, string?];
interface Expected {
  rows: Row[];
  unplaced: { graphic: number; reason: string }[];
}

function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, [script, ...args], { encoding: 'utf8' });
}

let dir: string;
let series: string;
const expected: Record<'sr' | 'gsps' | 'oblique', Expected> = {
  sr: { rows: [], unplaced: [] },
  gsps: { rows: [], unplaced: [] },
  oblique: { rows: [], unplaced: [] },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-sr-gsps-'));
  series = join(dir, 'axial');
  python(PHANTOM, 'series', series, 'axial');
  python(PHANTOM, 'series', join(dir, 'oblique'), 'oblique', '--oblique');
  for (const kind of ['sr', 'gsps'] as const)
    expected[kind] = JSON.parse(python(OBJECTS, kind, series, join(dir, `${kind}.dcm`))) as Expected;
  expected.oblique = JSON.parse(
    python(OBJECTS, 'sr', join(dir, 'oblique'), join(dir, 'oblique.dcm')),
  ) as Expected;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rectsOracle(
  folder: string,
  out: string,
  rows: readonly Row[],
  colour: string,
): { errors: number; expectedPixels: number } {
  const byFile: Record<string, number[][]> = {};
  for (const [file, x1, y1, x2, y2] of rows) (byFile[file] ??= []).push([x1, y1, x2, y2]);
  return JSON.parse(python(PHANTOM, 'rects-oracle', folder, out, JSON.stringify(byFile), '1', colour)) as {
    errors: number;
    expectedPixels: number;
  };
}

function csv(rows: readonly Row[]): string {
  const lines = rows.map(([file, x1, y1, x2, y2, label, score, colour]) =>
    [file, 1, x1, y1, x2, y2, `"${label}"`, score ?? '', colour ?? ''].join(','),
  );
  return ['file,frame,x1,y1,x2,y2,label,score,color', ...lines].join('\n');
}

const CASES = [
  ['a TID 1500 SR (OHIF and highdicom measurement groups)', 'sr', 'ff0000'],
  [
    'a GSPS (graphic objects, compound rectangle, DISPLAY units, text objects, layer colour)',
    'gsps',
    '00ff00',
  ],
] as const;

describe('--boxes takes a Structured Report or a presentation state', () => {
  for (const [name, kind, colour] of CASES) {
    it(`${name}: each graphic's bounding box on its image, 0 placement errors; unplaceable graphics listed, exit 3`, () => {
      const out = join(dir, `out-${kind}`);
      const run = runCli([
        'convert',
        series,
        '--out',
        out,
        '--boxes',
        join(dir, `${kind}.dcm`),
        '--thickness',
        '1',
        ...WINDOW,
      ]);
      const { rows, unplaced } = expected[kind];
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(`${rows.length} box(es) placed, ${unplaced.length} graphic(s) not placed`);
      const report = run.stdout + run.stderr;
      for (const { graphic, reason } of unplaced)
        expect(report).toMatch(new RegExp(`${kind}\\.dcm graphic ${graphic}: [^\\n]*${reason}`));
      const result = rectsOracle(series, out, rows, colour);
      console.log(
        `placement errors, ${kind}: ${result.errors} px of ${result.expectedPixels} outline px, ${rows.length} graphics`,
      );
      expect(result.expectedPixels).toBeGreaterThan(200);
      expect(result.errors).toBe(0);
    });

    it(`${name}: labels and scores burn exactly as the same boxes given as CSV`, () => {
      const boxesCsv = join(dir, `${kind}-expected.csv`);
      writeFileSync(boxesCsv, csv(expected[kind].rows));
      const fromDicom = join(dir, `labels-${kind}`);
      const fromCsv = join(dir, `labels-${kind}-csv`);
      const a = runCli([
        'convert',
        series,
        '--out',
        fromDicom,
        '--boxes',
        join(dir, `${kind}.dcm`),
        '--labels',
        ...WINDOW,
      ]);
      const b = runCli(['convert', series, '--out', fromCsv, '--boxes', boxesCsv, '--labels', ...WINDOW]);
      expect(a.code).toBe(3);
      expect(b.code).toBe(0);
      const files = readdirSync(join(fromCsv, 'axial'));
      expect(files).toHaveLength(12);
      const differing = files.map((f) =>
        differingRgbPixels(join(fromDicom, 'axial', f), join(fromCsv, 'axial', f)),
      );
      expect(differing).toEqual(files.map(() => 0));
    });
  }
});

describe('SCOORD3D in patient mm is placed through the image planes', () => {
  it('a TID 1500 SR on an oblique series (rotated 30 and 20 degrees, non-square pixels): 0 placement errors', () => {
    const oblique = join(dir, 'oblique');
    const out = join(dir, 'out-oblique');
    const run = runCli([
      'convert',
      oblique,
      '--out',
      out,
      '--boxes',
      join(dir, 'oblique.dcm'),
      '--thickness',
      '1',
      ...WINDOW,
    ]);
    const { rows, unplaced } = expected.oblique;
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`${rows.length} box(es) placed, ${unplaced.length} graphic(s) not placed`);
    expect(rows.find((r) => r[5] === 'in plane')).toBeDefined();
    const result = rectsOracle(oblique, out, rows, 'ff0000');
    console.log(
      `placement errors, SR on the oblique series: ${result.errors} px of ${result.expectedPixels}`,
    );
    expect(result.errors).toBe(0);
  });
});

describe('a DICOM object that holds no findings is refused as --boxes', () => {
  it('a CT slice given as --boxes: exit 2, nothing written, the message names what it is', () => {
    const slice = join(series, readdirSync(series)[0] ?? '');
    const run = runCli(['convert', series, '--out', join(dir, 'refused'), '--boxes', slice, ...WINDOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /IM0001\.dcm is a DICOM object CT Image Storage \(SOP Class 1\.2\.840\.10008\.5\.1\.4\.1\.1\.2\), not findings: give a Structured Report \(TID 1500\), a presentation state \(GSPS\)/,
    );
    expect(() => readdirSync(join(dir, 'refused', 'axial'))).toThrow();
  });
});
