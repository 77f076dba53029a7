/**
 * Our outputs against the field's tools: the gray channel of a converted CT equals DCMTK's own rendering
 * of the SOURCE with the same window (dcm2pnm +Ww C W) within one gray level (PS3.3 C.11.2.1.2.1), and
 * dciodvfy finds no errors in outputs of clean inputs.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, runCli } from '../helpers/cli-harness';
import { dciodvfy, dcm2pnm, runTool } from '../helpers/dicom-tools';

const CT_FILES = [
  'dp_CT1_UNC.explicit_little_endian.dcm',
  'dp_CT1_UNC.implicit_little_endian.dcm',
  '693_UNCR.dcm',
  'dp_CT1_UNC.fragmented_bot_jpeg_ls.80.dcm',
];
const WINDOWS: [center: number, width: number][] = [
  [40, 400],
  [-600, 1500],
  [35.5, 81],
];
// 693_UNCR.dcm is left out: its source already lacks attributes dciodvfy requires (DeidentificationMethod, FrameOfReferenceUID).
const CLEAN = [
  ...CT_FILES.filter((name) => name !== '693_UNCR.dcm'),
  'emri_small.dcm',
  'SC_rgb.dcm',
  'US1_UNCR.dcm',
  'MR-SIEMENS-DICOM-WithOverlays.dcm',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-dcmtk-'));
  for (const name of new Set([...CLEAN, ...CT_FILES])) copyCorpus(name, join(dir, 'in', name));
  mkdirSync(join(dir, 'raw'));
  // dcm2pnm here has no JPEG-LS decoder: DCMTK renders GDCM's uncompressed copy of compressed sources.
  for (const name of CT_FILES) {
    const run = runTool('gdcmconv', ['--raw', join(dir, 'in', name), join(dir, 'raw', name)]);
    if (run.status !== 0) throw new Error(`gdcmconv failed on ${name}: ${run.stderr}`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('agreement with DCMTK', () => {
  for (const [center, width] of WINDOWS) {
    it(`renders CT with center ${center} width ${width} within one gray level of dcm2pnm +Ww`, () => {
      const out = join(dir, `w${center}_${width}`);
      const inputs = CT_FILES.map((name) => join(dir, 'in', name));
      const run = runCli([
        'convert',
        ...inputs,
        '--out',
        out,
        `--window-center=${center}`,
        `--window-width=${width}`,
        '--quiet',
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      for (const name of CT_FILES) {
        const [reference] = dcm2pnm(join(dir, 'raw', name), ['+Ww', String(center), String(width)]);
        const [ours] = dcm2pnm(join(out, name));
        expect(reference?.channels).toBe(1);
        expect(ours?.channels).toBe(3);
        if (!reference || !ours) return;
        expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
        let worst = 0;
        let grayMismatch = 0;
        for (let i = 0; i < reference.data.length; i++) {
          const r = ours.data[i * 3] ?? -1;
          worst = Math.max(worst, Math.abs(r - (reference.data[i] ?? 0)));
          if (r !== ours.data[i * 3 + 1] || r !== ours.data[i * 3 + 2]) grayMismatch++;
        }
        expect(worst, name).toBeLessThanOrEqual(1);
        expect(grayMismatch, name).toBe(0);
      }
    });
  }
});

describe('dciodvfy on outputs of clean inputs', () => {
  it('reports no errors for CT, MR multi-frame, RGB and ultrasound outputs', () => {
    const out = join(dir, 'auto');
    const run = runCli(['convert', ...CLEAN.map((name) => join(dir, 'in', name)), '--out', out]);
    expect(run.code).toBe(0);
    for (const name of CLEAN) {
      const result = dciodvfy(join(out, name));
      expect(result.errors, `${name}\n${result.output}`).toEqual([]);
    }
  });
});
