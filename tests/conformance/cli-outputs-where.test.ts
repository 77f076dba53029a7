/**
 * Where the outputs went, said and documented (issue 25, points 12-13): the summary names the output
 * folder, which holds `<input folder>/<series folder>/<file>` (the layout the app's export shares), and
 * `convert --help` says that --masks takes DICOM SEG as well as NIfTI.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-outputs-where-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('where the outputs went', () => {
  it('the summary names the output folder, holding <input folder>/<series folder>/<file>', () => {
    const out = path.join(work, 'out');
    const run = runCli(['convert', path.join(REPO, 'assets/sample/abdomen-ct'), '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^24 files converted/);
    expect(lines[1]).toBe(`Outputs in ${out}`);
    expect(existsSync(path.join(out, 'abdomen-ct', 'series-1', 'IM0001'))).toBe(true);
  }, 120_000);

  it('convert --help says --masks takes NIfTI and DICOM SEG', () => {
    const help = runCli(['convert', '--help']);
    expect(help.code).toBe(0);
    // The help wraps its lines: compare the words.
    const words = help.stdout.replace(/\s+/g, ' ');
    expect(words).toContain(
      '--masks <file> label masks to outline (repeatable): NIfTI-1/2 (.nii or .nii.gz) or DICOM SEG,',
    );
  });
});
