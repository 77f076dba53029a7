/**
 * A pipeline must not pass silently, and must not convert its own outputs or a file twice: the real CLI
 * on small folders, checking exit codes and the summary's words.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, listTree, runCli } from '../helpers/cli-harness';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
let dir: string;
let study: string;

function boxFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-pipeline-'));
  study = join(dir, 'study');
  copyCorpus(CT, join(study, 'ct', 'IM1'));
  copyCorpus('emri_small.dcm', join(study, 'mr', 'IM1'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findings asked for', () => {
  it('none usable (a header xmin,ymin,...): nothing is converted, the reason in one line, exit 2', () => {
    const boxes = boxFile('xmin.csv', ['file,xmin,ymin,xmax,ymax', 'ct/IM1,1,2,30,40']);
    const out = join(dir, 'none-usable');
    const run = runCli(['convert', study, '--out', out, '--boxes', boxes]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(
      /^dicom-ink: no usable finding in .*xmin\.csv, so nothing was converted: xmin\.csv:1: no usable header row/,
    );
    expect(listTree(out)).toEqual([]);
  });

  it('a ;-separated file is named as such', () => {
    const boxes = boxFile('semi.csv', ['file;x1;y1;x2;y2', 'ct/IM1;1;2;30;40']);
    const run = runCli(['convert', study, '--out', join(dir, 'semi'), '--boxes', boxes]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('separated by ";": box files are comma-separated CSV');
  });

  it('some rows not placed: converts, lists each with its line and reason, exit 3', () => {
    const boxes = boxFile('some.csv', [
      'file,frame,x1,y1,x2,y2,label',
      'ct/IM1,1,10,10,50,50,kept',
      'ct/IM1,1,abc,10,50,50,bad',
      'missing.dcm,1,1,1,5,5,nowhere',
      'mr/IM1,11,1,1,5,5,noframe',
      'ct/IM1,1,600,600,700,700,outside',
    ]);
    const run = runCli(['convert', study, '--out', join(dir, 'some'), '--boxes', boxes]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^2 files converted/);
    expect(run.stdout).toMatch(/^ {2}some\.csv:3: column x1: "abc" is not a number$/m);
    expect(run.stdout).toMatch(/^ {2}some\.csv:4: no input file is missing\.dcm$/m);
    expect(run.stdout).toMatch(
      /^ {2}some\.csv:5: no input file is mr\/IM1 \(or that image has no frame 11\)$/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}some\.csv:6: lies entirely outside the 512 x 512 image, so nothing of it is drawn$/m,
    );
  });

  it('boxes past the edge are drawn clipped and listed; all placed: exit 0', () => {
    const boxes = boxFile('edge.csv', ['file,x1,y1,x2,y2', 'IM1,500,500,530,520']);
    const run = runCli(['convert', join(study, 'ct'), '--out', join(dir, 'edge'), '--boxes', boxes]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Boxes past the image edge, drawn clipped (1):');
    expect(run.stdout).toContain(
      '  edge.csv:2: extends past the right and bottom edges of the 512 x 512 image, so it is clipped',
    );
  });

  it('a rerun with the same findings finds its outputs there; other findings are another version', () => {
    const boxes = boxFile('rerun.csv', ['file,x1,y1,x2,y2', 'ct/IM1,10,10,50,50']);
    const out = join(dir, 'rerun');
    expect(runCli(['convert', study, '--out', out, '--boxes', boxes]).code).toBe(0);
    // The same command again: the outputs equal what it would write, so its rows are drawn in them.
    const again = runCli(['convert', study, '--out', out, '--boxes', boxes]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already converted: the existing output matches');
    expect(again.stdout).not.toContain('matched no input');
    expect(again.stdout).not.toContain('Boxes that matched an image whose output was already there');
    // Another box on the same image is another version (issue 22): refused in this folder, so it never
    // holds two versions, unless --overwrite writes it over the earlier one.
    const moved = boxFile('moved.csv', ['file,x1,y1,x2,y2', 'ct/IM1,60,60,90,90']);
    const other = runCli(['convert', study, '--out', out, '--boxes', moved]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(
      /holds version v1 [0-9A-F]{6}, 1 finding .* make version v2 [0-9A-F]{6}, 1 finding/,
    );
    const replaced = runCli(['convert', study, '--out', out, '--boxes', moved, '--overwrite']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/^Version v2 [0-9A-F]{6}, 1 finding in /m);
  });
});

describe('a CT preset on a series that is not CT in HU', () => {
  it('is warned about once per series in the summary', () => {
    const run = runCli(['convert', study, '--out', join(dir, 'lung'), '--window', 'lung']);
    expect(run.code).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('Warning: series'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /\(1 image\): the lung preset is a CT window in Hounsfield units, but this series is MR, not CT/,
    );
  });
});

describe('the output folder', () => {
  it('when it cannot be written, is said in one line before anything starts, exit 2', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const run = runCli(['convert', study, '--out', join(blocker, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `dicom-ink: cannot write to the output folder ${join(blocker, 'out')} (a file is in the way of the folder); nothing was converted. Choose another --out or make it writable\n`,
    );
  });
});

describe('our own outputs and overlapping inputs', () => {
  it('skips images DICOM Ink wrote, with the reason, unless --include-derived', () => {
    const input = join(dir, 'with-outputs');
    copyCorpus(CT, join(input, 'IM1'));
    expect(runCli(['convert', input, '--out', join(input, 'burned')]).code).toBe(0);
    const second = runCli(['convert', input, '--out', join(dir, 'second'), '--window', 'abdomen']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^1 file converted .* 1 skipped/);
    expect(second.stdout).toContain('1 file: a DICOM Ink output');
    expect(listTree(join(dir, 'second'))).toEqual([VERSIONS_FILE_NAME, 'with-outputs/IM1']);
    const forced = runCli(['convert', input, '--out', join(dir, 'third'), '--include-derived']);
    expect(forced.stdout).toMatch(/^2 files converted/);
  });

  it('converts a folder and its sub-folder once, and says so', () => {
    const out = join(dir, 'overlap');
    const run = runCli(['convert', study, join(study, 'ct'), join(study, 'ct', 'IM1'), '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 files converted/);
    expect(run.stdout).toContain(`Note: input ${join(study, 'ct')} is inside input ${study}`);
    expect(listTree(out)).toEqual([VERSIONS_FILE_NAME, 'study/ct/IM1', 'study/mr/IM1']);
  });

  it('uses the same layout for one input and for two', () => {
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    mkdirSync(join(dir, 'other'));
    copyCorpus(CT, join(dir, 'other', 'IM9'));
    runCli(['convert', study, '--out', one]);
    runCli(['convert', study, join(dir, 'other'), '--out', two]);
    expect(listTree(one)).toEqual([VERSIONS_FILE_NAME, 'study/ct/IM1', 'study/mr/IM1']);
    expect(listTree(two)).toEqual([VERSIONS_FILE_NAME, 'other/IM9', 'study/ct/IM1', 'study/mr/IM1']);
  });
});
