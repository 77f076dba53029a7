/** `dicom-ink info` on a folder: series with counts, transfer syntaxes and non-images, not EISDIR. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, runCli } from '../helpers/cli-harness';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-info-'));
  copyCorpus('dp_CT1_UNC.explicit_little_endian.dcm', join(dir, 'study', 'ct', 'IM1'));
  copyCorpus('dp_CT1_UNC.implicit_little_endian.dcm', join(dir, 'study', 'ct', 'IM2'));
  copyCorpus('emri_small_RLE.dcm', join(dir, 'study', 'mr', 'IM1'));
  copyCorpus('dp_report_dfl', join(dir, 'study', 'report'));
  writeFileSync(join(dir, 'study', 'notes.txt'), 'not an image\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dicom-ink info <folder>', () => {
  it('summarises the series, counts, transfer syntaxes and the files that are not images', () => {
    const run = runCli(['info', join(dir, 'study')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Folder:   ${join(dir, 'study')}`);
    expect(run.stdout).toMatch(/^Files:\s+5 \(3 images in 2 series of 2 studies; 2 not images\)$/m);
    expect(run.stdout).toMatch(/^ {2}CT #1: 2 images, 512 x 512$/m);
    expect(run.stdout).toMatch(/^ {2}MR #\d+: 1 image, 10 frames, 64 x 64$/m);
    expect(run.stdout).toMatch(/^ {2}Explicit VR Little Endian \(1\.2\.840\.10008\.1\.2\.1\): 1 image$/m);
    expect(run.stdout).toMatch(/^ {2}Implicit VR Little Endian \(1\.2\.840\.10008\.1\.2\): 1 image$/m);
    expect(run.stdout).toMatch(/^ {2}RLE Lossless .*: 1 image$/m);
    expect(run.stdout).toMatch(/^ {2}1 file: .*SR is not an image/m);
    expect(run.stdout).toMatch(/^ {2}1 file: not a DICOM file/m);
  });

  it('marks series written by DICOM Ink', () => {
    const out = join(dir, 'out');
    expect(runCli(['convert', join(dir, 'study', 'ct'), '--out', out, '--no-verify']).code).toBe(0);
    const run = runCli(['info', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: 2 images, 512 x 512, 2 written by DICOM Ink$/m);
  });

  it('exits 1 with the reason for a folder without images or a missing path', () => {
    const textOnly = join(dir, 'text-only');
    mkdirSync(textOnly);
    writeFileSync(join(textOnly, 'a.txt'), 'x');
    const none = runCli(['info', textOnly]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^Files:\s+1 \(0 images in 0 series of 0 studies; 1 not an image\)$/m);
    const missing = join(dir, 'missing');
    const run = runCli(['info', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`dicom-ink: ${missing} does not exist or cannot be read; check the path\n`);
  });
});
