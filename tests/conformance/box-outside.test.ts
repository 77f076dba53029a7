/**
 * A box that lies wholly outside the image it names is no finding of that image: nothing of it can be
 * drawn, and a report, key image, segmentation or presentation state naming it would point at pixels
 * that do not exist. It is listed as not placed (exit 3), counted nowhere as burned in, and the image's
 * copy is as without it. Checked on the sample with every twin, by DCMTK (dcmdump, dsrdump) and pydicom.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, REPO, runCli, twinFile } from '../helpers/cli-harness';
import { dcmdump, pydicomRead, runTool } from '../helpers/dicom-tools';
import { dsrdumpGroups } from '../helpers/dsrdump-groups';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const SERIES = '2.25.111600668640973016802625042172064724545';
const HEADER = 'series_instance_uid,instance_number,frame,x1,y1,x2,y2,label,score';
const INSIDE = `${SERIES},11,1,179,148,189,158,kidney lesion,0.93`;
/** Slice 12 is 256 x 256: this box starts past its last column and row. */
const OUTSIDE = `${SERIES},12,1,600,600,620,640,far lesion,0.80`;

let dir: string;
let run: CliResult;

function convert(name: string, rows: string[]): CliResult {
  const boxes = join(dir, `${name}.csv`);
  writeFileSync(boxes, `${[HEADER, ...rows].join('\n')}\n`);
  const args = ['convert', SAMPLE, '--out', join(dir, name), '--boxes', boxes, '--window', 'abdomen'];
  return runCli([...args, '--labels', '--twin', 'all', '--seg-boxes', '--algorithm', 'KidneyNet']);
}

const series = (name: string): string => join(dir, name, 'abdomen-ct', 'series-1');
const twin = (name: string, prefix: string): string => twinFile(series(name), prefix);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-outside-'));
  run = convert('with-outside', [INSIDE, OUTSIDE]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a box wholly outside its image', () => {
  it('is listed as not placed (exit 3) and not counted as burned in; no label is said to be left out', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^24 files converted \(24 frames, 1 box burned in\)/);
    expect(run.stdout).toContain(
      'Boxes outside their image, not drawn (1):\n  with-outside.csv:3: lies entirely outside the 256 x 256 image, so nothing of it is drawn',
    );
    expect(run.stdout).not.toContain('Labels not drawn');
  });

  it("leaves the image's copy as without it: the same pixels, no AI notice, no box in its derivation", () => {
    const plain = convert('inside-only', [INSIDE]);
    expect(plain.code, plain.stdout).toBe(0);
    const copy = join(series('with-outside'), 'IM0012');
    const withOutside = pydicomRead(copy);
    const without = pydicomRead(join(series('inside-only'), 'IM0012'));
    expect(withOutside.shape).toEqual([256, 256, 3]);
    expect(withOutside.pixels.equals(without.pixels)).toBe(true);
    const derivation = (file: string): string | undefined => dcmdump(file).top.get('0008,2111')?.value;
    expect(derivation(copy)).toMatch(/; 0 boxes burned in$/);
    expect(derivation(copy)).toBe(derivation(join(series('inside-only'), 'IM0012')));
  });

  it('is in no twin: the report, key images, segmentation and presentation state name slice 11 only', () => {
    expect(run.stdout).toMatch(/Wrote presentation state .* \(1 finding, 24 images\)/);
    for (const kind of ['structured report', 'segmentation', 'key object selection'])
      expect(run.stdout).toMatch(new RegExp(`Wrote ${kind} .* \\(1 finding, 1 images\\)`));
    expect(dsrdumpGroups(twin('with-outside', 'report-'), ['finding'])).toEqual([['kidney lesion']]);
    const uid = (file: string): string | undefined => dcmdump(file).top.get('0008,0018')?.value;
    const source = uid(join(SAMPLE, 'series-1', 'IM0011'));
    const copy = uid(join(series('with-outside'), 'IM0011'));
    expect(referencedBy(twin('with-outside', 'key-images-'), 'ContentSequence')).toEqual([copy]);
    expect(referencedBy(twin('with-outside', 'presentation-state-'), 'GraphicAnnotationSequence')).toEqual([
      source,
    ]);
    expect(referencedBy(twin('with-outside', 'segmentation-'), 'PerFrameFunctionalGroupsSequence')).toEqual([
      source,
    ]);
  });
});

/** pydicom: the distinct Referenced SOP Instance UIDs anywhere under the top-level sequence `keyword`. */
function referencedBy(file: string, keyword: string): string[] {
  const script = [
    'import sys, pydicom',
    'ds = pydicom.dcmread(sys.argv[1])',
    'found = []',
    'def walk(items):',
    '    for item in items:',
    '        for element in item:',
    "            if element.keyword == 'ReferencedSOPInstanceUID' and element.value not in found:",
    '                found.append(element.value)',
    "            if element.VR == 'SQ':",
    '                walk(element.value)',
    'walk(ds.get(sys.argv[2], []))',
    "print('\\n'.join(found))",
  ].join('\n');
  const result = runTool('/usr/bin/python3', ['-c', script, file, keyword]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim().split('\n').filter(Boolean);
}
