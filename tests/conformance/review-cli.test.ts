/**
 * Issue 23: the reader's verdicts in a box file's `review` column decide what every output says, checked
 * with independent readers: pydicom reads the burned-in pixels, dcmdump the presentation state's
 * polylines, DCMTK's dsrdump the report's tree and Verification Flag, dciodvfy validates both twins.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, twinFile } from '../helpers/cli-harness';
import { dciodvfy, pydicomRead, runTool } from '../helpers/dicom-tools';
import { pixelDataBytes } from '../helpers/pixel-data';

const SERIES = '2.25.111600668640973016802625042172064724545';
const SOURCE = join(REPO, 'assets', 'sample', 'abdomen-ct', 'series-1');
const IMAGES = ['IM0011', 'IM0012', 'IM0013'];
const HEADER = 'series_instance_uid,instance_number,x1,y1,x2,y2,label,score,id,review';
/** one accepted, one rejected, one unreviewed box, each on its own slice */
const MIXED = [
  HEADER,
  `${SERIES},11,179,148,189,158,kidney lesion,0.93,f1,accepted`,
  `${SERIES},12,174,143,194,163,kidney lesion,0.91,f2,rejected`,
  `${SERIES},13,172,141,196,165,cyst,0.5,f3,`,
].join('\n');
const ALL_REVIEWED = MIXED.replace(/,f3,$/, ',f3,edited');

let dir: string;
const input = (): string => join(dir, 'in');
const out = (name: string): string => join(dir, name, 'in');

function convert(name: string, extra: string[]): ReturnType<typeof runCli> {
  return runCli(['convert', input(), '--out', join(dir, name), '--quiet', ...extra], { timeoutMs: 120_000 });
}

/** The RGB of pixel (x, y) as pydicom reads it. */
function pixel(file: string, x: number, y: number): number[] {
  const image = pydicomRead(file);
  const columns = image.shape[1] ?? 0;
  const at = (y * columns + x) * 3;
  return [...image.pixels.subarray(at, at + 3)];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-review-'));
  mkdirSync(input());
  for (const name of IMAGES) copyFileSync(join(SOURCE, name), join(input(), name));
  writeFileSync(join(dir, 'mixed.csv'), `${MIXED}\n`);
  writeFileSync(join(dir, 'reviewed.csv'), `${ALL_REVIEWED}\n`);
  for (const [name, args] of [
    ['mixed', ['--boxes', join(dir, 'mixed.csv'), '--twin', 'both']],
    ['plain', []],
    ['verified', ['--boxes', join(dir, 'reviewed.csv'), '--twin', 'sr', '--reviewer', 'DOE^JANE']],
  ] as const) {
    const run = convert(name, [...args]);
    expect(run.stderr, name).toBe('');
    expect(run.code, name).toBe(0);
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('convert honours the review column', () => {
  it('burns in the accepted and the unreviewed box, not the rejected one (pydicom)', () => {
    const red = [255, 0, 0];
    // Outlines lie just outside the box by default: the pixel diagonally before its top-left corner.
    expect(pixel(join(out('mixed'), 'IM0011'), 178, 147)).toEqual(red);
    expect(pixel(join(out('mixed'), 'IM0013'), 171, 140)).toEqual(red);
    const rejected = pydicomRead(join(out('mixed'), 'IM0012'));
    const plain = pydicomRead(join(out('plain'), 'IM0012'));
    expect(rejected.pixels.equals(plain.pixels)).toBe(true);
  });

  it('draws the two shown boxes as polylines in the presentation state, and no more', () => {
    const dump = runTool('dcmdump', ['+L', '+P', '0070,0022', twinFile(out('mixed'), 'presentation-state-')]);
    const polylines = dump.stdout
      .trim()
      .split('\n')
      .map((line) => /FL ([^#]*)#/.exec(line)?.[1]?.trim());
    expect(polylines).toEqual([
      '179\\148\\190\\148\\190\\159\\179\\159\\179\\148',
      '172\\141\\197\\141\\197\\166\\172\\166\\172\\141',
    ]);
  });

  it('reports all three findings with their review state and ids, UNVERIFIED (dsrdump)', () => {
    const dump = runTool('dsrdump', [twinFile(out('mixed'), 'report-')]);
    expect(dump.stderr).toBe('');
    expect(dump.stdout).toContain('Verification Flag   : UNVERIFIED');
    const states = [...dump.stdout.matchAll(/TEXT:\(,,"Review state"\)="(\w+)"/g)].map((m) => m[1]);
    expect(states).toEqual(['accepted', 'rejected', 'unreviewed']);
    const ids = [...dump.stdout.matchAll(/"Tracking Identifier"\)="(\w+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['f1', 'f2', 'f3']);
    expect(dump.stdout).not.toContain('Person Observer Name');
  });

  it('with every finding reviewed and --reviewer: VERIFIED by that reader, who is the observer', () => {
    const report = twinFile(out('verified'), 'report-');
    const dump = runTool('dsrdump', [report]);
    expect(dump.stdout).toContain('Verification Flag   : VERIFIED');
    expect(dump.stdout).toMatch(/Verifying Observers : \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, DOE\^JANE, UNKNOWN/);
    expect(dump.stdout).toContain('<has obs context PNAME:(,,"Person Observer Name")="DOE^JANE">');
    expect(dump.stdout).toContain('"Person Observer\'s Role in this Procedure")=(121098,DCM,"Verifying")');
  });

  it('a reviewer with a finding left unreviewed: UNVERIFIED, the reader still named as observer', () => {
    const run = convert('named', [
      '--boxes',
      join(dir, 'mixed.csv'),
      '--twin',
      'sr',
      '--reviewer',
      'DOE^JANE',
    ]);
    expect(run.code).toBe(0);
    const dump = runTool('dsrdump', [twinFile(out('named'), 'report-')]).stdout;
    expect(dump).toContain('Verification Flag   : UNVERIFIED');
    expect(dump).toContain('"Person Observer Name")="DOE^JANE"');
  });

  it('dciodvfy finds no error in the report and the presentation state', () => {
    for (const file of [
      twinFile(out('mixed'), 'report-'),
      twinFile(out('mixed'), 'presentation-state-'),
      twinFile(out('verified'), 'report-'),
    ]) {
      const validation = dciodvfy(file);
      expect(validation.errors, `${basename(file)}:\n${validation.errors.join('\n')}`).toEqual([]);
    }
  });

  it('--require-review with an unreviewed row: exit 2, nothing written, the count and series named', () => {
    const run = convert('refused', ['--boxes', join(dir, 'mixed.csv'), '--twin', 'both', '--require-review']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`1 finding is unreviewed (1 in series ${SERIES})`);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });

  it('--require-review with every row reviewed converts', () => {
    const run = convert('required', ['--boxes', join(dir, 'reviewed.csv'), '--require-review']);
    expect(run.code).toBe(0);
  });

  it('a bad --reviewer is a usage error', () => {
    const run = convert('bad', ['--reviewer', 'DOE\\JANE']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--reviewer: the reviewer name "DOE\\JANE" holds a backslash');
  });

  it('the report read back as --boxes restores the verdicts: byte-identical pixels', () => {
    const run = convert('back', ['--boxes', twinFile(out('mixed'), 'report-')]);
    expect(run.code).toBe(0);
    for (const name of IMAGES) {
      const same = pixelDataBytes(join(out('back'), name)).equals(pixelDataBytes(join(out('mixed'), name)));
      expect(same, name).toBe(true);
    }
  });

  it('review-summary counts what the box file and the report hold', () => {
    const expected = {
      labels: [
        { label: 'cyst', counts: { accepted: 0, rejected: 0, edited: 0, unreviewed: 1, total: 1 } },
        { label: 'kidney lesion', counts: { accepted: 1, rejected: 1, edited: 0, unreviewed: 0, total: 2 } },
      ],
      total: { accepted: 1, rejected: 1, edited: 0, unreviewed: 1, total: 3 },
    };
    for (const file of [join(dir, 'mixed.csv'), twinFile(out('mixed'), 'report-')]) {
      const run = runCli(['review-summary', file, '--json']);
      expect(run.code, file).toBe(0);
      const summary = JSON.parse(run.stdout) as typeof expected & {
        findings: { id: string; review: string }[];
      };
      expect({ labels: summary.labels, total: summary.total }).toEqual(expected);
      expect(summary.findings.map((f) => [f.id, f.review])).toEqual([
        ['f1', 'accepted'],
        ['f2', 'rejected'],
        ['f3', 'unreviewed'],
      ]);
    }
    const text = runCli(['review-summary', join(dir, 'mixed.csv')]).stdout;
    expect(text.trim().split('\n').at(-1)).toMatch(/^total\s+1\s+1\s+0\s+1\s+3$/);
  });
});
