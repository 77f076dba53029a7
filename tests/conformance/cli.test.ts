/**
 * The real CLI (bin/dicom-ink.cjs) on a folder of corpus files plus a text file, an SR and a truncated
 * image: every image converts, non-images are skipped with reasons, the bad file fails alone, inputs are
 * untouched, the --out inside the input is not rescanned, nothing is overwritten without --overwrite.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, corpusFile, hashTree, listTree, readReport, runCli } from '../helpers/cli-harness';
import type { ReportDocument } from '../helpers/cli-harness';
import { dcmdump } from '../helpers/dicom-tools';
import { readDicomFile } from '../../src/main/dicom/read-dicom';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
let dir: string;
let input: string;
let out: string;
/** where the study's outputs go: --out/<input folder name>/ */
let mirrored: string;
let boxes: string;
let first: ReturnType<typeof runCli>;
let report: ReportDocument;
let inputHashes: Map<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-cli-'));
  input = join(dir, 'study');
  copyCorpus(CT, join(input, CT));
  copyCorpus('dp_CT1_UNC.implicit_little_endian.dcm', join(input, 'series2', 'IM0001'));
  copyCorpus('emri_small_RLE.dcm', join(input, 'mr', 'emri_small_RLE.dcm'));
  copyCorpus('SC_rgb.dcm', join(input, 'SC_rgb.dcm'));
  copyCorpus('dp_report_dfl', join(input, 'report_dfl'));
  writeFileSync(join(input, 'notes.txt'), 'not an image\n');
  const ct = readFileSync(corpusFile(CT));
  writeFileSync(join(input, 'truncated.dcm'), ct.subarray(0, Math.floor(ct.length * 0.6)));
  boxes = join(dir, 'boxes.csv');
  writeFileSync(
    boxes,
    [
      'file,frame,x1,y1,x2,y2,label,score,color',
      `${CT},1,100,120,200,220,lesion,0.9,`,
      `${CT},1,abc,120,200,220,bad,0.9,`,
      'missing.dcm,1,1,1,5,5,nowhere,0.9,',
      'mr/emri_small_RLE.dcm,2,10,10,30,30,spot,0.8,00ff00',
      'mr/emri_small_RLE.dcm,11,10,10,30,30,noframe,0.8,',
      `${CT},1,300,300,320,320,weak,0.1,`,
    ].join('\n'),
  );
  out = join(input, 'burned');
  mirrored = join(out, 'study');
  inputHashes = hashTree(input);
  first = runCli([...sameSettings(), '--report', join(dir, 'report.json'), '--jobs', '2']);
  report = readReport(join(dir, 'report.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first run's input, output, window and boxes: later runs repeat them to test reruns. */
function sameSettings(): string[] {
  return ['convert', input, '--out', out, '--window', 'abdomen', '--boxes', boxes, '--min-score', '0.5'];
}

function outcome(name: string): ReportDocument['outcomes'][number] | undefined {
  return report.outcomes.find((o) => o.input === join(input, name));
}

describe('dicom-ink convert on a mixed folder', () => {
  it('exits 1 because one image failed, after converting every other image', () => {
    expect(first.stderr).not.toContain('unexpected error');
    expect(first.code).toBe(1);
    expect(report.totals).toEqual({ converted: 4, skipped: 2, failed: 1 });
    expect(report.outcomes).toHaveLength(7);
  });

  it('mirrors the input folder under --out/<its name>/, keeping file names', () => {
    expect(listTree(mirrored)).toEqual([CT, 'SC_rgb.dcm', 'mr/emri_small_RLE.dcm', 'series2/IM0001'].sort());
    // the mirrored folder, and the output root's version registry
    expect(listTree(out)).toEqual([VERSIONS_FILE_NAME, ...listTree(mirrored).map((p) => `study/${p}`)]);
    expect(outcome('series2/IM0001')).toMatchObject({
      status: 'converted',
      output: join(mirrored, 'series2', 'IM0001'),
      frames: 1,
    });
    expect(outcome('mr/emri_small_RLE.dcm')).toMatchObject({
      status: 'converted',
      frames: 10,
      boxesDrawn: 1,
    });
  });

  it('skips the SR and the text file with reasons and fails the truncated file with one', () => {
    expect(outcome('report_dfl')?.status).toBe('skipped');
    expect(outcome('report_dfl')?.reason).toMatch(/SR is not an image/);
    expect(outcome('notes.txt')?.status).toBe('skipped');
    expect(outcome('notes.txt')?.reason).toMatch(/not.*DICOM/i);
    expect(outcome('truncated.dcm')?.status).toBe('failed');
    expect(outcome('truncated.dcm')?.reason?.length).toBeGreaterThan(20);
    expect(first.stdout).toContain(
      `${join(input, 'truncated.dcm')}: ${outcome('truncated.dcm')?.reason ?? ''}`,
    );
  });

  it('reports the bad box row by line, the unmatched rows, and draws only boxes at or above --min-score', () => {
    expect(report.boxErrors).toHaveLength(1);
    expect(report.boxErrors[0]?.origin).toBe('boxes.csv:3');
    expect(report.unmatchedBoxes.sort()).toEqual(['boxes.csv:4', 'boxes.csv:6']);
    expect(outcome(CT)).toMatchObject({ status: 'converted', boxesDrawn: 1 });
    expect(first.stdout).toContain('boxes.csv:3');
    expect(first.stdout).toContain('Boxes that matched no input image and frame (2):');
  });

  it('burns the box outline in red, 4 pixels wide just outside the box, and leaves the box itself gray', async () => {
    const read = await readDicomFile(join(mirrored, CT));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const rgb = read.image.decodeFrame(0).data;
    const columns = read.image.header.pixel.columns;
    const at = (x: number, y: number): number[] => [
      ...rgb.subarray((y * columns + x) * 3, (y * columns + x) * 3 + 3),
    ];
    // The box is x 100..200: the outline covers columns 96..99, every pixel of the box stays visible.
    expect(at(96, 150)).toEqual([255, 0, 0]);
    expect(at(99, 150)).toEqual([255, 0, 0]);
    expect(at(95, 150)).not.toEqual([255, 0, 0]);
    const inside = at(100, 150);
    expect(inside[0]).toBe(inside[1]);
    expect(inside[1]).toBe(inside[2]);
    const weak = at(300, 300);
    expect(weak[0]).toBe(weak[1]);
  });

  it('leaves every input byte-identical', () => {
    const after = hashTree(input);
    for (const [path, hash] of inputHashes) expect(after.get(path), path).toBe(hash);
  });

  it('does not rescan an --out inside the input, and skips outputs an earlier run already made', () => {
    const before = hashTree(out);
    const mtime = statSync(join(mirrored, CT)).mtimeMs;
    const again = runCli([...sameSettings(), '--report', join(dir, 'again.json')]);
    const second = readReport(join(dir, 'again.json'));
    expect(again.code).toBe(1);
    expect(second.outcomes.some((o) => o.input.startsWith(out))).toBe(false);
    expect(second.totals).toEqual({ converted: 0, skipped: 6, failed: 1 });
    expect(
      second.outcomes.filter((o) => o.reason === 'already converted: the existing output matches'),
    ).toHaveLength(4);
    expect(hashTree(out)).toEqual(before);
    expect(statSync(join(mirrored, CT)).mtimeMs).toBe(mtime);
  });

  it('rewrites identical bytes with --overwrite and the same settings (deterministic UIDs)', () => {
    const before = hashTree(out);
    const again = runCli([...sameSettings(), '--overwrite', '--quiet']);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^4 files converted/);
    expect(hashTree(out)).toEqual(before);
  });

  it('gives new SOP and series UIDs for a different window, in the same study', () => {
    const other = join(dir, 'lung');
    const run = runCli(['convert', join(input, CT), '--out', other, '--window', 'lung']);
    expect(run.code).toBe(0);
    const abdomen = dcmdump(join(mirrored, CT)).top;
    const lung = dcmdump(join(other, CT)).top;
    const source = dcmdump(join(input, CT)).top;
    expect(lung.get('0008,0018')?.value).not.toBe(abdomen.get('0008,0018')?.value);
    expect(lung.get('0020,000e')?.value).not.toBe(abdomen.get('0020,000e')?.value);
    expect(lung.get('0020,000d')?.value).toBe(source.get('0020,000d')?.value);
    expect(lung.get('0008,2111')?.value).toContain('lung preset (center -600 width 1500)');
  });
});

describe('dicom-ink convert exit codes and usage', () => {
  it('exits 0 when every input image converts, for file inputs', () => {
    const target = join(dir, 'good');
    const run = runCli([
      'convert',
      corpusFile(CT),
      corpusFile('emri_small.dcm'),
      '--out',
      target,
      '--no-verify',
    ]);
    expect(run.code).toBe(0);
    expect(listTree(target)).toEqual([VERSIONS_FILE_NAME, CT, 'emri_small.dcm']);
  });

  it('exits 2 with the reason and where the help is on usage errors', () => {
    const noOut = runCli(['convert', corpusFile(CT)]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe('dicom-ink: --out <dir> is required\nsee `dicom-ink convert --help`\n');
    const unknown = runCli(['convert', corpusFile(CT), '--out', join(dir, 'x'), '--window', 'spleen']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown window "spleen"');
    const missing = runCli(['convert', join(dir, 'nope'), '--out', join(dir, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`input ${join(dir, 'nope')} does not exist`);
    const missingBoxes = runCli([
      'convert',
      corpusFile(CT),
      '--out',
      join(dir, 'x'),
      '--boxes',
      join(dir, 'nope.csv'),
    ]);
    expect(missingBoxes.code).toBe(2);
    expect(missingBoxes.stderr).toContain('could not read the box file');
    expect(runCli([]).code).toBe(2);
    expect(runCli(['frobnicate']).stderr).toContain('unknown command "frobnicate"');
  });

  it('prints help, version and presets', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('dicom-ink convert <input>... --out <dir>');
    expect(runCli(['convert', '--help']).stdout).toContain('--no-verify');
    const version = runCli(['--version']);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    );
    const presets = runCli(['presets']);
    expect(presets.code).toBe(0);
    expect(presets.stdout).toMatch(/^abdomen\s+400\s+50\s+Radiopaedia/m);
  });
});

describe('dicom-ink info', () => {
  it('shows transfer syntax, SOP class, photometric, bits, size, frames, rescale and LUT presence', () => {
    const run = runCli(['info', corpusFile(CT)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Transfer syntax:\s+Explicit VR Little Endian \(1\.2\.840\.10008\.1\.2\.1\)/);
    expect(run.stdout).toMatch(/SOP class:\s+CT Image Storage \(1\.2\.840\.10008\.5\.1\.4\.1\.1\.2\)/);
    expect(run.stdout).toMatch(/Photometric:\s+MONOCHROME2/);
    expect(run.stdout).toMatch(/Bits:\s+allocated 16, stored 16, high bit 15/);
    expect(run.stdout).toMatch(/Pixel values:\s+signed/);
    expect(run.stdout).toMatch(/Size:\s+512 x 512/);
    expect(run.stdout).toMatch(/Frames:\s+1/);
    expect(run.stdout).toMatch(/Rescale:\s+slope 1 intercept -1024/);
    expect(run.stdout).toMatch(/VOI LUT:\s+absent/);
  });

  it('explains a file that is not DICOM and exits 1', () => {
    mkdirSync(join(dir, 'misc'), { recursive: true });
    writeFileSync(join(dir, 'misc', 'a.txt'), 'hello');
    const run = runCli(['info', join(dir, 'misc', 'a.txt')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'misc', 'a.txt')}: `);
  });
});
