/**
 * Who found each finding, in every object that lists findings one by one: a box the reader drew (box
 * file `finder` = reader) beside the algorithm's must not pass for the algorithm's. Checked with
 * independent readers: DCMTK's dsrdump reads the report's "Found by" items, pydicom the segmentation's
 * segments and frames and the presentation state's layers, dciodvfy validates all three; the report
 * and the segmentation read back as findings keep who found what.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, twinFile } from '../helpers/cli-harness';
import { dciodvfy, runTool } from '../helpers/dicom-tools';
import { pydicomOnSources } from '../helpers/pydicom-sources';
import { dsrdumpGroups } from '../helpers/dsrdump-groups';

const SERIES = '2.25.111600668640973016802625042172064724545';
const SOURCE = join(REPO, 'assets', 'sample', 'abdomen-ct', 'series-1');
const IMAGES = ['IM0011', 'IM0012', 'IM0013'];
/** the reader drew the box on slice 11; the algorithm found those on 12 and 13 (one finder left empty) */
const BOXES = [
  'series_instance_uid,instance_number,x1,y1,x2,y2,label,id,finder',
  `${SERIES},11,179,148,189,158,kidney lesion,drawn,reader`,
  `${SERIES},12,174,143,194,163,kidney lesion,found1,algorithm`,
  `${SERIES},13,172,141,196,165,kidney lesion,found2,`,
].join('\n');

let dir: string;

function convert(name: string, extra: string[]): void {
  const run = runCli(['convert', join(dir, 'in'), '--out', join(dir, name), '--quiet', ...extra], {
    timeoutMs: 120_000,
  });
  expect(run.stderr, name).toBe('');
  expect(run.code, name).toBe(0);
}

/** Each measurement group's Tracking Identifier and "Found by" (dsrdump). */
const foundBy = (report: string): string[][] => dsrdumpGroups(report, ['id', 'finder']);

/** Runs a pydicom `script` on `object` and the source slices; its printed JSON. */
const pydicomJson = (script: string, object: string): unknown =>
  pydicomOnSources(
    script,
    object,
    IMAGES.map((name) => join(dir, 'in', name)),
  );

/** pydicom: each segment's number, algorithm type and name, and the instance numbers its frames come from. */
const SEGMENTS = `
segments = [[int(s.SegmentNumber), s.SegmentAlgorithmType, s.get('SegmentAlgorithmName', '')] for s in ds.SegmentSequence]
frames = [[int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber),
           by_uid[f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID]]
          for f in ds.PerFrameFunctionalGroupsSequence]
print(json.dumps({'segments': segments, 'frames': frames}))
`;

/** pydicom: the presentation state's layers (name, description) and each annotated slice's layer. */
const LAYERS = `
layers = [[l.GraphicLayer, l.GraphicLayerDescription] for l in ds.GraphicLayerSequence]
annotated = sorted([by_uid[a.ReferencedImageSequence[0].ReferencedSOPInstanceUID], a.GraphicLayer]
                   for a in ds.GraphicAnnotationSequence)
print(json.dumps({'layers': layers, 'annotated': annotated}))
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-found-by-'));
  mkdirSync(join(dir, 'in'));
  for (const name of IMAGES) copyFileSync(join(SOURCE, name), join(dir, 'in', name));
  writeFileSync(join(dir, 'boxes.csv'), `${BOXES}\n`);
  const twins = ['--twin', 'sr,seg,gsps', '--seg-boxes', '--algorithm', 'KidneyNet'];
  convert('first', ['--boxes', join(dir, 'boxes.csv'), ...twins]);
  // The report read back as findings: the second run's report must say the same of each.
  convert('again', [
    '--boxes',
    twinFile(join(dir, 'first', 'in'), 'report-'),
    '--twin',
    'sr',
    '--algorithm',
    'KidneyNet',
  ]);
  // The presentation state read back as findings (no labels burned: the layers carry them).
  convert('from-gsps', [
    '--boxes',
    twinFile(join(dir, 'first', 'in'), 'presentation-state-'),
    '--twin',
    'sr',
    '--algorithm',
    'KidneyNet',
  ]);
  // A run naming no algorithm, and its segmentation read back as findings (naming none either).
  convert('unnamed', ['--boxes', join(dir, 'boxes.csv'), '--twin', 'seg', '--seg-boxes']);
  convert('from-seg', ['--masks', twinFile(join(dir, 'unnamed', 'in'), 'segmentation-'), '--twin', 'sr']);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('who found each finding', () => {
  it("the report says 'reader' for the drawn box and 'algorithm' for the others (dsrdump, dciodvfy)", () => {
    const report = twinFile(join(dir, 'first', 'in'), 'report-');
    expect(foundBy(report)).toEqual([
      ['drawn', 'reader'],
      ['found1', 'algorithm'],
      ['found2', 'algorithm'],
    ]);
    expect(dciodvfy(report).errors).toEqual([]);
  });

  it("the segmentation keeps the reader's box in a MANUAL segment of its own (pydicom, dciodvfy)", () => {
    const folder = join(dir, 'first', 'in');
    const seg = twinFile(folder, 'segmentation-');
    const read = pydicomJson(SEGMENTS, seg) as { segments: [number, string, string][]; frames: number[][] };
    const manual = read.segments.find((s) => s[1] === 'MANUAL');
    const automatic = read.segments.find((s) => s[1] === 'AUTOMATIC');
    expect(manual?.[2]).toBe('');
    expect(automatic?.[2]).toBe('KidneyNet');
    const slicesOf = (segment: number | undefined): number[] =>
      read.frames
        .filter(([s]) => s === segment)
        .map(([, slice]) => slice ?? 0)
        .sort((a, b) => a - b);
    expect(slicesOf(manual?.[0])).toEqual([11]);
    expect(slicesOf(automatic?.[0])).toEqual([12, 13]);
    expect(dciodvfy(seg).errors).toEqual([]);
  });

  it("the presentation state draws the reader's box on a layer of its own (pydicom, dciodvfy)", () => {
    const gsps = twinFile(join(dir, 'first', 'in'), 'presentation-state-');
    expect(pydicomJson(LAYERS, gsps)).toEqual({
      layers: [
        ['READER KIDNEY LE', 'kidney lesion (drawn by the reader)'],
        ['KIDNEY LESION', 'kidney lesion'],
        ['AI NOTICE', 'AI notice, as on the burned-in copy'],
      ],
      // the AI notice only where the copy carries it: not on slice 11, whose one box the reader drew
      annotated: [
        [11, 'READER KIDNEY LE'],
        [12, 'AI NOTICE'],
        [12, 'KIDNEY LESION'],
        [13, 'AI NOTICE'],
        [13, 'KIDNEY LESION'],
      ],
    });
    expect(dciodvfy(gsps).errors).toEqual([]);
  });

  it('the report read back as findings keeps who found each one', () => {
    expect(foundBy(twinFile(join(dir, 'again', 'in'), 'report-'))).toEqual([
      ['drawn', 'reader'],
      ['found1', 'algorithm'],
      ['found2', 'algorithm'],
    ]);
  });

  it("a run naming no algorithm still writes the algorithm's boxes AUTOMATIC ('unnamed algorithm'), never MANUAL (pydicom, dciodvfy)", () => {
    const seg = twinFile(join(dir, 'unnamed', 'in'), 'segmentation-');
    const read = pydicomJson(SEGMENTS, seg) as { segments: [number, string, string][] };
    expect(read.segments.map(([, type, name]) => [type, name])).toEqual([
      ['AUTOMATIC', 'unnamed algorithm'],
      ['MANUAL', ''],
    ]);
    expect(dciodvfy(seg).errors).toEqual([]);
  });

  it('the segmentation read back as findings keeps who found each one and names no algorithm it did not name', () => {
    const report = twinFile(join(dir, 'from-seg', 'in'), 'report-');
    expect(foundBy(report).map(([, finder]) => finder)).toEqual(['reader', 'algorithm', 'algorithm']);
    const dump = runTool('dsrdump', [report]).stdout;
    expect(dump).toContain('"Device Observer Name")="DICOM Ink"');
    expect(dump).not.toContain('unnamed algorithm');
  });

  it("the presentation state read back as findings keeps the reader's box the reader's, with its own label", () => {
    expect(dsrdumpGroups(twinFile(join(dir, 'from-gsps', 'in'), 'report-'), ['finding', 'finder'])).toEqual([
      ['kidney lesion', 'reader'],
      ['kidney lesion', 'algorithm'],
      ['kidney lesion', 'algorithm'],
    ]);
  });
});
