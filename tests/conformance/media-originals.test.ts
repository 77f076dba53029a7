/**
 * Media a recipient can use (issue 21 points 2 and 7, issue 20 point 8), checked with PixelMed's
 * CheckAllUIDReferencesResolve, DCMTK's dcmdump and pydicom's FileSet:
 * - `convert --twin --zip/--dicomdir` and `pack --originals` carry the originals the presentation state
 *   and report refer to, byte for byte, so no reference is left unresolved; `--no-originals` leaves them
 *   out and names what will not resolve; `pack` without either refuses and writes nothing.
 * - File IDs follow Instance Number, so `convert --dicomdir` and `pack --dicomdir` of the same files
 *   write the same DICOMDIR, byte for byte.
 * - A STUDY record's Study Date/Time come from what the study's files hold (never today when a file has
 *   a date), and the summary says what was filled.
 * - Files of one study with two Patient IDs are filed under each patient, and the summary says so.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { SAMPLE, SAMPLE_SERIES, SLICES } from '../helpers/delivery-fixture';
import { runTool } from '../helpers/dicom-tools';
import { unresolvedReferences } from '../helpers/pixelmed';

const BOXES = join(REPO, 'assets', 'sample', 'boxes.csv');
const PYTHON = '/usr/bin/python3';
let dir: string;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** relative path -> SHA-256 of every file under `folder` */
function tree(folder: string): Record<string, string> {
  return Object.fromEntries(filesUnder(folder).map((f) => [relative(folder, f), sha(f)]));
}

/** The directory records of a DICOMDIR as DCMTK dumps them: type and the keys this test reads. */
function records(dicomdir: string): { type: string; keys: Record<string, string> }[] {
  const run = runTool('dcmdump', [dicomdir]);
  expect(run.status, run.stderr).toBe(0);
  const list: { type: string; keys: Record<string, string> }[] = [];
  for (const line of run.stdout.split('\n')) {
    const type = /\[([A-Z ]+)\] +# +\d+, 1 DirectoryRecordType/.exec(line);
    if (type) list.push({ type: type[1] ?? '', keys: {} });
    const key =
      /\(\w{4},\w{4}\) \w\w \[([^\]]*)\] +# +\d+, \d+ (PatientID|StudyDate|StudyTime|StudyInstanceUID|InstanceNumber)$/.exec(
        line,
      );
    const last = list[list.length - 1];
    if (key && last) last.keys[key[2] ?? ''] = key[1] ?? '';
  }
  return list;
}

function convertWithTwins(out: string, media: string, extra: string[] = []): ReturnType<typeof runCli> {
  mkdirSync(media, { recursive: true });
  const run = runCli([
    'convert',
    SAMPLE,
    '--out',
    out,
    '--window',
    'abdomen',
    '--boxes',
    BOXES,
    '--labels',
    '--twin',
    'both',
    '--dicomdir',
    join(media, 'cd'),
    '--zip',
    join(media, 'out.zip'),
    '--quiet',
    ...extra,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

function unzip(zip: string, into: string): void {
  execFileSync(PYTHON, [
    '-c',
    'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
    zip,
    into,
  ]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-media-originals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('media with twins carry the originals they refer to', () => {
  let out: string;
  let media: string;
  beforeAll(() => {
    out = join(dir, 'out');
    media = join(dir, 'with');
    convertWithTwins(out, media);
  });

  it('convert --dicomdir: PixelMed finds every reference resolved, the originals byte for byte with IMAGE records', () => {
    expect(unresolvedReferences(join(media, 'cd'))).toEqual([]);
    const packed = new Set(Object.values(tree(join(media, 'cd'))));
    for (const original of filesUnder(SAMPLE_SERIES)) expect(packed.has(sha(original)), original).toBe(true);
    const types = records(join(media, 'cd', 'DICOMDIR')).map((r) => r.type);
    expect(types.filter((t) => t === 'IMAGE')).toHaveLength(2 * SLICES);
  });

  it('convert --zip: the originals under originals/, byte for byte, every reference resolved', () => {
    const unzipped = join(dir, 'unzipped');
    unzip(join(media, 'out.zip'), unzipped);
    expect(unresolvedReferences(unzipped)).toEqual([]);
    for (const original of filesUnder(SAMPLE_SERIES)) {
      const inside = join(unzipped, 'originals', 'abdomen-ct', relative(SAMPLE, original));
      expect(sha(inside), inside).toBe(sha(original));
    }
  });

  it('numbers DICOMDIR files by Instance Number, whatever order the conversion finished them in', () => {
    const images = records(join(media, 'cd', 'DICOMDIR')).filter((r) => r.type === 'IMAGE');
    const numbers = images.map((r) => Number(r.keys.InstanceNumber));
    const series = [numbers.slice(0, SLICES), numbers.slice(SLICES)];
    for (const list of series) expect(list).toEqual([...list].sort((a, b) => a - b));
  });

  it('pack without --originals refuses, naming the choices, and writes nothing', () => {
    const target = join(dir, 'pack-refused', 'cd');
    const run = runCli(['pack', out, '--dicomdir', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refer to 24 instances it does not hold');
    expect(run.stderr).toContain('--originals <folder');
    expect(run.stderr).toContain('--no-originals');
    expect(existsSync(target)).toBe(false);
  });

  it('pack --originals writes the same media as convert --dicomdir, byte for byte', () => {
    const packed = join(dir, 'packed', 'cd');
    const run = runCli(['pack', out, '--dicomdir', packed, '--originals', SAMPLE]);
    expect(run.code, run.stderr).toBe(0);
    expect(unresolvedReferences(packed)).toEqual([]);
    expect(tree(packed)).toEqual(tree(join(media, 'cd')));
  });

  it('--no-originals leaves them out and names the twins whose references will not resolve', () => {
    const without = join(dir, 'without');
    const run = convertWithTwins(join(dir, 'out-without'), without, ['--no-originals']);
    expect(run.stderr).toMatch(
      /warning: --no-originals: abdomen-ct\/series-1\/presentation-state-\d+\.dcm refers to 24 instances/,
    );
    expect(run.stderr).toMatch(
      /warning: --no-originals: abdomen-ct\/series-1\/report-\d+\.dcm refers to 6 instances/,
    );
    // the copies' 24 source references, the presentation state's 24 and the report's 6
    expect(unresolvedReferences(join(without, 'cd'))).toHaveLength(54);
    const packed = runCli([
      'pack',
      join(dir, 'out-without'),
      '--dicomdir',
      join(dir, 'packed-without'),
      '--no-originals',
    ]);
    expect(packed.code, packed.stderr).toBe(0);
    expect(packed.stderr).toMatch(
      /warning: --no-originals: .*presentation-state-\d+\.dcm refers to 24 instances/,
    );
  });
});

describe('DICOMDIR records from what the files hold', () => {
  function variant(name: string): string {
    const folder = join(dir, name);
    execFileSync(PYTHON, [
      join(REPO, 'tests', 'helpers', 'media_variants.py'),
      SAMPLE_SERIES,
      join(folder, 'series-1'),
      name,
    ]);
    return folder;
  }

  it("fills a STUDY record's Study Date/Time from the files' Acquisition Date/Time, not today, and says so", () => {
    const source = variant('no-study-date');
    const run = runCli(['pack', source, '--dicomdir', join(dir, 'no-date-cd')]);
    expect(run.code, run.stderr).toBe(0);
    const study = records(join(dir, 'no-date-cd', 'DICOMDIR')).find((r) => r.type === 'STUDY');
    expect(study?.keys).toMatchObject({ StudyDate: '20240115', StudyTime: '093105' });
    expect(run.stdout).toContain(
      'has no Study Date: its DICOMDIR record (where Study Date/Time are Type 1) holds 20240115 093105, its Acquisition Date/Time',
    );
  });

  it('files a study whose files name two patients under each patient (pydicom FileSet agrees), and says so', () => {
    const source = variant('two-patients');
    const media = join(dir, 'two-patients-cd');
    const run = runCli(['pack', source, '--dicomdir', media]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('spans 2 patients (PHANTOM-0001, PHANTOM-0002)');
    const list = records(join(media, 'DICOMDIR'));
    expect(list.filter((r) => r.type === 'PATIENT').map((r) => r.keys.PatientID)).toEqual([
      'PHANTOM-0001',
      'PHANTOM-0002',
    ]);
    expect(new Set(list.filter((r) => r.type === 'STUDY').map((r) => r.keys.StudyInstanceUID)).size).toBe(1);
    const script = [
      'import sys, json',
      'from pydicom.fileset import FileSet',
      'fs = FileSet(sys.argv[1])',
      'rows = {}',
      "for pid in ['PHANTOM-0001', 'PHANTOM-0002']:",
      '    rows[pid] = sorted({inst.load().PatientID for inst in fs.find(PatientID=pid)})',
      'print(json.dumps(rows))',
    ].join('\n');
    const found = JSON.parse(
      execFileSync(PYTHON, ['-c', script, join(media, 'DICOMDIR')], { encoding: 'utf8' }),
    ) as Record<string, string[]>;
    expect(found).toEqual({ 'PHANTOM-0001': ['PHANTOM-0001'], 'PHANTOM-0002': ['PHANTOM-0002'] });
  });
});
