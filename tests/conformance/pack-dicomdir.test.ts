/**
 * `dicom-ink pack --dicomdir` as a user runs it (issue 10, media): the converted sample plus an SR and a
 * presentation state become a General Purpose media folder whose DICOMDIR dciodvfy, DCMTK (dcmdump,
 * dcmmkdir --update) and pydicom's FileSet accept, listing every instance; the packed files are untouched.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { convertSample, SAMPLE, SLICES } from '../helpers/delivery-fixture';
import { dciodvfy, runTool } from '../helpers/dicom-tools';

let dir: string;
let out: string;
let media: string;
let inputsBefore: Map<string, string>;
const INSTANCES = SLICES + 2;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function hashes(folder: string): Map<string, string> {
  return new Map(
    filesUnder(folder).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );
}

/** Record types in file order, from DCMTK's dump of the DICOMDIR. */
function dcmtkRecords(dicomdir: string): { types: string[]; fileIds: string[] } {
  const run = runTool('dcmdump', [dicomdir]);
  expect(run.status, run.stderr).toBe(0);
  const types = [...run.stdout.matchAll(/"Directory Record" ([A-Z ]+?) #=/g)].map((m) => m[1] ?? '');
  const fileIds = [...run.stdout.matchAll(/refFileID="([^"]+)"/g)].map((m) => m[1] ?? '');
  return { types, fileIds };
}

function count(list: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of list) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-dicomdir-'));
  out = join(dir, 'study-burned');
  const [first] = convertSample(out);
  execFileSync('/usr/bin/python3', [
    join(REPO, 'tests', 'helpers', 'media_extras.py'),
    first ?? '',
    join(out, 'extras'),
  ]);
  inputsBefore = hashes(out);
  media = join(dir, 'study-cd');
  const run = runCli(['pack', out, '--dicomdir', media]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(`${INSTANCES} files written to DICOMDIR ${media}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dicom-ink pack --dicomdir', () => {
  it('copies every instance under an 8-character upper-case File ID, beside one DICOMDIR', () => {
    const files = filesUnder(media).map((f) => relative(media, f).split(sep));
    expect(files).toHaveLength(INSTANCES + 1);
    expect(files).toContainEqual(['DICOMDIR']);
    for (const parts of files.filter((p) => p[0] !== 'DICOMDIR')) {
      expect(parts.length).toBeLessThanOrEqual(8);
      for (const part of parts) expect(part).toMatch(/^[A-Z0-9_]{1,8}$/);
    }
    // built beside the target and renamed into place: nothing else is left in the parent
    expect(readdirSync(dir).sort()).toEqual(['study-burned', 'study-cd']);
  });

  it('leaves the packed files as they were', () => {
    expect(hashes(out)).toEqual(inputsBefore);
  });

  it('has a DICOMDIR dciodvfy finds no error in', () => {
    const check = dciodvfy(join(media, 'DICOMDIR'));
    expect(check.output).toContain('BasicDirectory');
    expect(check.errors).toEqual([]);
  });

  it('lists every instance for DCMTK, with SR and presentation records of their own', () => {
    const { types, fileIds } = dcmtkRecords(join(media, 'DICOMDIR'));
    expect(count(types)).toEqual({
      PATIENT: 1,
      STUDY: 1,
      SERIES: 3,
      IMAGE: SLICES,
      'SR DOCUMENT': 1,
      PRESENTATION: 1,
    });
    expect(new Set(fileIds).size).toBe(INSTANCES);
    for (const id of fileIds) expect(existsSync(join(media, ...id.split('\\')))).toBe(true);
  });

  it('is accepted by dcmmkdir --update, which finds every file already referenced', () => {
    const copy = join(dir, 'dcmtk-copy');
    cpSync(media, copy, { recursive: true });
    try {
      const before = dcmtkRecords(join(copy, 'DICOMDIR')).types.length;
      const run = runTool('dcmmkdir', ['--update', '+D', join(copy, 'DICOMDIR'), '+id', copy, '+r', 'DICOM']);
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/^E:/m);
      expect(dcmtkRecords(join(copy, 'DICOMDIR')).types.length).toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("lists every instance in pydicom's FileSet, each loading with the SOP Instance UID its record names", () => {
    const script = [
      'import sys, json',
      'from pydicom.fileset import FileSet',
      'fs = FileSet(sys.argv[1])',
      'rows = []',
      'for inst in fs:',
      '    ds = inst.load()',
      '    rows.append([inst.DirectoryRecordType, ds.SOPInstanceUID == inst.ReferencedSOPInstanceUIDInFile])',
      'print(json.dumps({"id": fs.ID, "rows": rows}))',
    ].join('\n');
    const listed = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, join(media, 'DICOMDIR')], { encoding: 'utf8' }),
    ) as { id: string; rows: [string, boolean][] };
    expect(listed.id).toBe('STUDY_CD');
    expect(listed.rows).toHaveLength(INSTANCES);
    expect(listed.rows.every(([, matches]) => matches)).toBe(true);
    expect(count(listed.rows.map(([type]) => type))).toEqual({
      IMAGE: SLICES,
      'SR DOCUMENT': 1,
      PRESENTATION: 1,
    });
  });

  it('refuses a second pack into the folder without --overwrite, and replaces it with --overwrite', () => {
    const stamp = statSync(join(media, 'DICOMDIR')).mtimeMs;
    const again = runCli(['pack', out, '--dicomdir', media]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${media} is not empty`);
    expect(again.stderr).toContain('--overwrite');
    expect(statSync(join(media, 'DICOMDIR')).mtimeMs).toBe(stamp);
    const replaced = runCli(['pack', out, '--dicomdir', media, '--overwrite']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(dciodvfy(join(media, 'DICOMDIR')).errors).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['study-burned', 'study-cd']);
  });

  it('refuses a DICOMDIR folder inside the packed folder', () => {
    const inside = runCli(['pack', out, '--dicomdir', join(out, 'cd')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('must lie outside');
    expect(existsSync(join(out, 'cd'))).toBe(false);
  });
});

describe('dicom-ink convert --dicomdir', () => {
  it('writes the outputs into a media folder as they are converted; a rerun needs --overwrite', () => {
    const converted = join(dir, 'converted');
    const cd = join(dir, 'converted-cd');
    const first = runCli(['convert', SAMPLE, '--out', converted, '--dicomdir', cd, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${SLICES} files written to DICOMDIR ${cd}`);
    expect(count(dcmtkRecords(join(cd, 'DICOMDIR')).types)).toEqual({
      PATIENT: 1,
      STUDY: 1,
      SERIES: 1,
      IMAGE: SLICES,
    });
    expect(dciodvfy(join(cd, 'DICOMDIR')).errors).toEqual([]);
    const again = runCli(['convert', SAMPLE, '--out', converted, '--dicomdir', cd, '--quiet']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${cd} is not empty`);
  });
});
