/**
 * A finding label longer than the 64 characters a Long String holds: the report's finding code, the
 * segmentation's segment label and the presentation state's group label hold its first 64 characters
 * (cut between characters), and the run says so, naming the label, instead of cutting it silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, REPO, runCli, twinFile } from '../helpers/cli-harness';
import { runTool } from '../helpers/dicom-tools';
import { dsrdumpGroups } from '../helpers/dsrdump-groups';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const SERIES = '2.25.111600668640973016802625042172064724545';
/** 70 characters: a finding as a model might describe it. */
const LONG = 'left kidney lesion, 18 mm, enhancing, suspicious for renal cell cancer';
const SHORT = 'kidney lesion';

let dir: string;
let run: CliResult;
let series: string;

const twin = (prefix: string): string => twinFile(series, prefix);

/** pydicom: each Segment Label of a segmentation, and each Graphic Group Label of a presentation state. */
function labelsOf(file: string): string[] {
  const script = [
    'import sys, pydicom',
    'ds = pydicom.dcmread(sys.argv[1])',
    "items = ds.get('SegmentSequence') or ds.get('GraphicGroupSequence') or []",
    "print('\\n'.join(str(i.get('SegmentLabel') or i.get('GraphicGroupLabel')) for i in items))",
  ].join('\n');
  const result = runTool('/usr/bin/python3', ['-c', script, file]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trimEnd().split('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-long-labels-'));
  expect(LONG).toHaveLength(70);
  const boxes = join(dir, 'boxes.csv');
  writeFileSync(
    boxes,
    [
      'series_instance_uid,instance_number,x1,y1,x2,y2,label',
      `${SERIES},11,179,148,189,158,"${LONG}"`,
      `${SERIES},12,174,143,194,163,${SHORT}`,
      '',
    ].join('\n'),
  );
  const out = join(dir, 'out');
  run = runCli(['convert', SAMPLE, '--out', out, '--boxes', boxes, '--twin', 'all', '--seg-boxes']);
  series = join(out, 'abdomen-ct', 'series-1');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a label longer than 64 characters', () => {
  it('is named in the run summary with where it was cut and what to do; the run still succeeds', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `A finding label is longer than the 64 characters DICOM allows there, so the report's finding codes, ` +
        `the segmentation's segment labels and the presentation state's group labels and layer descriptions ` +
        `hold only its first 64: "${LONG}". Shorten the label in the findings file to keep it whole in every object.`,
    );
  });

  it('is its first 64 characters in the report, the segmentation and the presentation state', () => {
    // its 64th character is a space, which DICOM readers take for padding
    const cut = LONG.slice(0, 64).trimEnd();
    expect(dsrdumpGroups(twin('report-'), ['finding'])).toEqual([[cut], [SHORT]]);
    expect(labelsOf(twin('segmentation-')).sort()).toEqual([SHORT, cut]);
    expect(labelsOf(twin('presentation-state-'))).toEqual([cut, SHORT]);
  });

  it("keeps the finding's number whole in its Tracking Identifier, shortening the label before it", () => {
    // 62 characters of the label (the 62nd is no space), a space and the number: 64 in all
    expect(dsrdumpGroups(twin('report-'), ['id'])).toEqual([[`${LONG.slice(0, 62)} 1`], [`${SHORT} 2`]]);
  });

  it('is not mentioned when every label fits', () => {
    const boxes = join(dir, 'short.csv');
    writeFileSync(
      boxes,
      `series_instance_uid,instance_number,x1,y1,x2,y2,label\n${SERIES},11,1,1,9,9,${SHORT}\n`,
    );
    const short = runCli(['convert', SAMPLE, '--out', join(dir, 'short'), '--boxes', boxes, '--twin', 'all']);
    expect(short.code, short.stdout).toBe(0);
    expect(short.stdout).not.toContain('longer than the 64 characters');
  });
});
