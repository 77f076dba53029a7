/**
 * NIfTI masks through the real CLI, checked pixel by pixel against an independent oracle: a phantom CT
 * series (non-square pixels, instance numbers against position) and its label volume written by nibabel in
 * the layouts real tools write; the oracle (pydicom + nibabel + numpy, phantom_findings.py) maps every
 * output pixel back to a mask voxel and computes the outline itself. Placement errors (pixels that differ
 * from the oracle) must be 0 for every geometry; masks that do not fit are refused with what differs.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-harness';
import { dciodvfy } from '../../helpers/dicom-tools';

const SCRIPT = join(__dirname, 'phantom_findings.py');
const PYTHON = '/usr/bin/python3';

interface OracleResult {
  slices: number;
  slicesWithFindings: number;
  expectedPixels: number;
  errors: number;
  perSlice: Record<string, number>;
}

function python(...args: string[]): string {
  return execFileSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8' });
}

function oracle(
  series: string,
  out: string,
  mask: string,
  thickness: number,
  style = 'outline',
): OracleResult {
  // The oracle finds the series folder's outputs under --out/<its name>/ (the output layout rule).
  return JSON.parse(python('oracle', series, out, mask, String(thickness), '--style', style)) as OracleResult;
}

const WINDOW = ['--window-center', '40', '--window-width', '400', '--jobs', '1', '--quiet'];

let dir: string;
let axial: string;
let oblique: string;
let masks: string;
let obliqueMasks: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-masks-'));
  axial = join(dir, 'axial');
  oblique = join(dir, 'oblique');
  masks = join(dir, 'masks');
  obliqueMasks = join(dir, 'oblique-masks');
  python('series', axial, 'axial');
  python('series', oblique, 'oblique', '--oblique');
  python('masks', axial, masks);
  python('masks', oblique, obliqueMasks);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GEOMETRIES = [
  ['ITK-like (SimpleITK / nnU-Net / MONAI: DICOM index order, sform + qform, gzip, uint8)', 'itk.nii.gz'],
  ['dcm2niix-like (rows flipped, int16, gzip)', 'dcm2niix.nii.gz'],
  ['axes permuted (slice, column, row), NIfTI-2, int32, sform only', 'permuted.nii'],
  ['slice order reversed along the normal, qform only, uint16, uncompressed', 'reversed.nii'],
] as const;

describe('a NIfTI mask lands on exactly the pixels the geometry gives (oracle: nibabel + pydicom + numpy)', () => {
  for (const [name, file] of GEOMETRIES) {
    it(`${name}: 0 placement errors`, () => {
      const out = join(dir, `out-${file}`);
      const run = runCli([
        'convert',
        axial,
        '--out',
        out,
        '--masks',
        join(masks, file),
        '--thickness',
        '2',
        ...WINDOW,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/placed on series .* on 8 slices/);
      const result = oracle(axial, out, join(masks, file), 2);
      console.log(
        `placement errors, ${file}: ${result.errors} px of ${result.expectedPixels} outline px on ${result.slicesWithFindings} slices`,
      );
      expect(result.slices).toBe(12);
      expect(result.slicesWithFindings).toBe(8);
      expect(result.expectedPixels).toBeGreaterThan(500);
      expect(result.errors).toBe(0);
    });
  }

  it('an oblique series (rotated 30 and 20 degrees) with a dcm2niix-like mask, thickness 3: 0 placement errors', () => {
    const out = join(dir, 'out-oblique');
    const mask = join(obliqueMasks, 'dcm2niix.nii.gz');
    const run = runCli(['convert', oblique, '--out', out, '--masks', mask, '--thickness', '3', ...WINDOW]);
    expect(run.code).toBe(0);
    const result = oracle(oblique, out, mask, 3);
    console.log(`placement errors, oblique dcm2niix-like: ${result.errors} px of ${result.expectedPixels}`);
    expect(result.expectedPixels).toBeGreaterThan(500);
    expect(result.errors).toBe(0);
  });

  it('--mask-style box draws one box per 8-connected part of each label on each slice', () => {
    const out = join(dir, 'out-box');
    const mask = join(masks, 'permuted.nii');
    const run = runCli([
      'convert',
      axial,
      '--out',
      out,
      '--masks',
      mask,
      '--mask-style',
      'box',
      '--thickness',
      '1',
      ...WINDOW,
    ]);
    expect(run.code).toBe(0);
    const result = oracle(axial, out, mask, 1, 'box');
    expect(result.expectedPixels).toBeGreaterThan(100);
    expect(result.errors).toBe(0);
  });

  it('the oracle itself fails on a misplaced outline (the off-by-one mask against the right output)', () => {
    const result = oracle(axial, join(dir, 'out-itk.nii.gz'), join(masks, 'off-by-one.nii.gz'), 2);
    expect(result.errors).toBeGreaterThan(100);
  });
});

describe('the bundled sample', () => {
  it("assets/sample/lesion-mask.nii.gz outlines the sample's kidney lesion on its 6 slices: 0 placement errors", () => {
    const out = join(dir, 'out-sample');
    const series = join(__dirname, '..', '..', '..', 'assets', 'sample', 'abdomen-ct', 'series-1');
    const mask = join(__dirname, '..', '..', '..', 'assets', 'sample', 'lesion-mask.nii.gz');
    const run = runCli([
      'convert',
      join(series, '..'),
      '--out',
      out,
      '--masks',
      mask,
      '--thickness',
      '2',
      ...WINDOW,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('6 outlines on 6 slices; labels 1=kidney lesion');
    const result = oracle(series, join(out, 'abdomen-ct'), mask, 2);
    expect(result.slicesWithFindings).toBe(6);
    expect(result.errors).toBe(0);
  });
});

describe('DICOM SEG: frames on their source images, segment labels and recommended colours', () => {
  const variants = [
    ['BINARY, frames placed by ReferencedSOPInstanceUID', []],
    [
      'FRACTIONAL (in at >= half the maximum), frames placed by plane position only',
      ['--fractional', '--no-refs'],
    ],
  ] as const;
  for (const [name, flags] of variants) {
    it(`${name}: 0 placement errors, CIELab red and green`, () => {
      const seg = join(dir, `seg-${flags.length}.dcm`);
      python('seg', axial, seg, ...flags);
      const out = join(dir, `out-seg-${flags.length}`);
      const run = runCli(['convert', axial, '--out', out, '--masks', seg, '--thickness', '2', ...WINDOW]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('9 of 9 frames placed (9 outlines; segments 1=kidney, 2=tumour)');
      // another tool's MANUAL segments stay the algorithm's: the AI notice must not drop off them
      expect(run.stdout).toContain("segments 1, 2 say MANUAL, but only DICOM Ink's own");
      const result = JSON.parse(python('seg-oracle', axial, out, '2')) as OracleResult;
      console.log(`placement errors, SEG ${name}: ${result.errors} px of ${result.expectedPixels}`);
      expect(result.expectedPixels).toBeGreaterThan(500);
      expect(result.errors).toBe(0);
      const burned = join(out, 'axial', 'IM0001.dcm');
      expect(dciodvfy(burned).errors).toEqual([]);
    });
  }

  it('a SEG of another series is refused with the frame and why', () => {
    const seg = join(dir, 'seg-0.dcm');
    const run = runCli(['convert', oblique, '--out', join(dir, 'refused-seg'), '--masks', seg, ...WINDOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /seg-0\.dcm fits no opened series, so nothing is drawn from it: seg-0\.dcm frame 1: segment 1: it references SOP Instance [0-9.]+, which is not among the inputs/,
    );
  });
});

describe('a mask that fits no opened series is refused, exit 2, nothing written', () => {
  const refusals = [
    [
      'one voxel off in origin',
      'off-by-one.nii.gz',
      () => axial,
      /origin differs by 1\.00 voxels \(0\.7 mm\) along the series columns/,
    ],
    [
      'row and column spacing swapped',
      'swapped-spacing.nii.gz',
      () => axial,
      /spacing differs: mask axis 1 steps 0\.8 mm, the series columns 0\.7 mm/,
    ],
    [
      'the mask of another series (oblique input)',
      'itk.nii.gz',
      () => oblique,
      /orientation differs by \d+\.\d degrees/,
    ],
  ] as const;
  for (const [name, file, input, message] of refusals) {
    it(name, () => {
      const out = join(dir, `refused-${file}-${name.length}`);
      const run = runCli(['convert', input(), '--out', out, '--masks', join(masks, file), ...WINDOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${file} fits no opened series, so nothing is drawn from it; the nearest is series "phantom`,
      );
      expect(run.stderr).toMatch(message);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
  }
});

describe('labels', () => {
  it('--mask-labels chooses the labels drawn and names them; the sidecar JSON names the rest', () => {
    const out = join(dir, 'out-labels');
    const run = runCli([
      'convert',
      axial,
      '--out',
      out,
      '--masks',
      join(masks, 'itk.nii.gz'),
      '--mask-labels',
      '2=lesion:ff0000',
      ...WINDOW,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('labels 2=lesion');
    expect(run.stdout).not.toContain('1=kidney');
    const named = runCli([
      'convert',
      axial,
      '--out',
      join(dir, 'out-named'),
      '--masks',
      join(masks, 'itk.nii.gz'),
      ...WINDOW,
    ]);
    expect(named.stdout).toContain('labels 1=kidney, 2=tumour');
  });

  it("a JSON sidecar's algorithm names the copies' algorithm; a flag wins field by field (pydicom)", () => {
    const folder = join(dir, 'with-algorithm');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(masks, 'itk.nii.gz'), join(folder, 'seg.nii.gz'));
    const sidecar = { 1: 'kidney', algorithm: { name: 'MaskNet', version: 1.5, manufacturer: 'Mask Labs' } };
    writeFileSync(join(folder, 'seg.json'), JSON.stringify(sidecar));
    const out = join(dir, 'out-algorithm');
    const run = runCli([
      'convert',
      axial,
      '--out',
      out,
      '--masks',
      join(folder, 'seg.nii.gz'),
      '--algorithm-version',
      '2.0',
      ...WINDOW,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const read = `
import json, os, sys, pydicom
seen = set()
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.startswith('.'):
            continue
        ds = pydicom.dcmread(os.path.join(root, name))
        item = ds.ContributingEquipmentSequence[0]
        seen.add(json.dumps([item.Manufacturer, item.ManufacturerModelName, item.SoftwareVersions], separators=(',', ':')))
print(json.dumps(sorted(seen)))
`;
    const seen = JSON.parse(execFileSync(PYTHON, ['-c', read, out], { encoding: 'utf8' })) as string[];
    expect(seen).toEqual([JSON.stringify(['Mask Labs', 'MaskNet', '2.0'])]);
  });

  it('a bad --mask-labels is a usage error naming the entry', () => {
    const run = runCli([
      'convert',
      axial,
      '--out',
      join(dir, 'x'),
      '--masks',
      join(masks, 'itk.nii.gz'),
      '--mask-labels',
      '1=a:zz',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"1=a:zz" is not VALUE[=NAME][:RRGGBB]');
  });
});
