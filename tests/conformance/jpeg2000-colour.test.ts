/**
 * Issue 8, point 2: JPEG 2000 files labelled YBR_RCT / YBR_ICT. What the codestream's COD marker says
 * wins (ITU-T T.800 A.6.1): with MCT on the decoder has already inverted the transform, with MCT off the
 * components were never transformed; either way they are R, G, B and no further YBR conversion is
 * applied. Fixtures: opj_compress with MCT on and off (and a JP2-wrapped codestream), wrapped by pydicom;
 * references: GDCM's `gdcmconv --raw` and pydicom.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { REPO, runCli } from '../helpers/cli-harness';
import { pydicomRead, runTool } from '../helpers/dicom-tools';

const VARIANTS = ['rct-mct-on', 'rct-mct-off', 'rct-jp2-mct-on', 'ict-mct-on', 'ict-mct-off'];
const ROWS = 32;
const COLUMNS = 48;

let dir: string;
let truth: Buffer;
beforeAll(async () => {
  await initCodecs();
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-j2k-colour-'));
  const made = runTool('/usr/bin/python3', [
    join(REPO, 'tests', 'helpers', 'jpeg2000_colour_fixtures.py'),
    dir,
  ]);
  if (made.status !== 0) throw new Error(`fixtures: ${made.stderr}`);
  const ppm = readFileSync(join(dir, 'source.ppm'));
  truth = ppm.subarray(ppm.length - ROWS * COLUMNS * 3);
  mkdirSync(join(dir, 'gdcm'));
  for (const name of VARIANTS) {
    const run = runTool('gdcmconv', ['--raw', join(dir, `${name}.dcm`), join(dir, 'gdcm', `${name}.dcm`)]);
    if (run.status !== 0) throw new Error(`gdcmconv failed on ${name}: ${run.stderr}`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Largest difference between two sample arrays of the same length. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

describe('JPEG 2000 YBR_RCT / YBR_ICT: the codestream decides, no second colour conversion', () => {
  for (const name of VARIANTS) {
    it(`${name}: decodes to the same RGB as gdcmconv --raw and pydicom`, async () => {
      const gdcm = pydicomRead(join(dir, 'gdcm', `${name}.dcm`));
      expect(gdcm.photometric).toBe('RGB');
      expect(pydicomRead(join(dir, `${name}.dcm`)).pixels.equals(gdcm.pixels)).toBe(true);
      const read = await readDicomFile(join(dir, `${name}.dcm`));
      if (!read.ok) throw new Error(read.reason);
      const frame = read.image.decodeFrame(0);
      expect(frame.photometric).toBe('RGB');
      // The same OpenJPEG arithmetic: exact for the reversible path, within one level for ICT's floats.
      expect(worst(frame.data, gdcm.pixels)).toBeLessThanOrEqual(name.startsWith('rct') ? 0 : 1);
      if (name.startsWith('rct')) expect(Buffer.from(frame.data).equals(truth)).toBe(true);
    });
  }

  it('converts every variant to an RGB output whose pixels are GDCM’s decoding (red stays red)', () => {
    const out = join(dir, 'out');
    const run = runCli(['convert', ...VARIANTS.map((n) => join(dir, `${n}.dcm`)), '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const name of VARIANTS) {
      const output = pydicomRead(join(out, `${name}.dcm`));
      const gdcm = pydicomRead(join(dir, 'gdcm', `${name}.dcm`));
      expect(worst(output.pixels, gdcm.pixels), name).toBeLessThanOrEqual(name.startsWith('rct') ? 0 : 1);
      // The red bar (rows 4-11, columns 4-11) is red.
      const at = (8 * COLUMNS + 8) * 3;
      expect([...output.pixels.subarray(at, at + 3)], name).toEqual(
        name.startsWith('rct') ? [255, 0, 0] : [...gdcm.pixels.subarray(at, at + 3)],
      );
    }
  });
});
