/**
 * Findings on the frames of a multi-frame image keep their frames through every twin and back: boxes on
 * frames 2, 5 and 9 of a 10-frame Enhanced MR (the corpus's emri_small.dcm) are written as a
 * presentation state, report and segmentation; DCMTK's dsrdump and pydicom read the frames each object
 * names; each object given back as findings must land them on the same frames (a segmentation read back
 * once put them all on frame 1). A segmentation that names a multi-frame source without its frame is
 * refused with the reason.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, twinFile } from '../helpers/cli-harness';
import { dciodvfy, runTool } from '../helpers/dicom-tools';
import { dsrdumpGroups } from '../helpers/dsrdump-groups';

const SOURCE = join(REPO, 'tests', 'fixtures', 'corpus', 'emri_small.dcm');
const BOXES = [
  'file,frame,x1,y1,x2,y2,label,score,finder',
  'emri_small.dcm,2,10,10,20,20,alpha,0.9,',
  'emri_small.dcm,5,30,30,40,45,beta,,reader',
  'emri_small.dcm,9,5,40,25,60,gamma,0.7,',
].join('\n');
/** label, frame and who found it, as the box file says */
const EXPECTED = [
  ['alpha', 2, 'algorithm'],
  ['beta', 5, 'reader'],
  ['gamma', 9, 'algorithm'],
];

let dir: string;

function convert(name: string, extra: string[]): ReturnType<typeof runCli> {
  return runCli(['convert', join(dir, 'in'), '--out', join(dir, name), '--quiet', ...extra], {
    timeoutMs: 120_000,
  });
}

/** Each measurement group's finding, source frame and "Found by" (dsrdump). */
function reportedFrames(report: string): (string | number)[][] {
  return dsrdumpGroups(report, ['finding', 'frame', 'finder']).map(([label, frame, finder]) => [
    label ?? '',
    Number(frame),
    finder ?? '',
  ]);
}

/** pydicom: the source frame each presentation-state annotation and segmentation frame names. */
const NAMED_FRAMES = `
import json, sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
if 'SegmentSequence' in ds:
    frames = [int(f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedFrameNumber)
              for f in ds.PerFrameFunctionalGroupsSequence]
else:
    # the findings' annotations (each frame with a finding also has one for the AI notice)
    frames = [int(a.ReferencedImageSequence[0].ReferencedFrameNumber) for a in ds.GraphicAnnotationSequence
              if a.GraphicLayer != 'AI NOTICE']
print(json.dumps(sorted(frames)))
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-multiframe-twins-'));
  mkdirSync(join(dir, 'in'));
  copyFileSync(SOURCE, join(dir, 'in', 'emri_small.dcm'));
  writeFileSync(join(dir, 'boxes.csv'), `${BOXES}\n`);
  const twins = '--twin gsps,sr,seg --seg-boxes --algorithm FrameNet'.split(' ');
  const first = convert('first', ['--boxes', join(dir, 'boxes.csv'), ...twins]);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findings on frames of a multi-frame image', () => {
  it('each object names the frames the box file gave (dsrdump, pydicom, dciodvfy)', () => {
    const folder = join(dir, 'first', 'in');
    expect(reportedFrames(twinFile(folder, 'report-'))).toEqual(EXPECTED);
    for (const prefix of ['presentation-state-', 'segmentation-']) {
      const object = twinFile(folder, prefix);
      const run = runTool('/usr/bin/python3', ['-c', NAMED_FRAMES, object]);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout), prefix).toEqual([2, 5, 9]);
      expect(dciodvfy(object).errors, prefix).toEqual([]);
    }
  });

  it.each(['presentation-state-', 'report-', 'segmentation-'])(
    '%s*.dcm given back as findings lands each on its own frame',
    (prefix) => {
      const object = twinFile(join(dir, 'first', 'in'), prefix);
      const flag = prefix === 'segmentation-' ? '--masks' : '--boxes';
      const run = convert(`from-${prefix}`, [flag, object, '--twin', 'sr', '--algorithm', 'FrameNet']);
      expect(run.code, run.stderr).toBe(0);
      expect(reportedFrames(twinFile(join(dir, `from-${prefix}`, 'in'), 'report-'))).toEqual(EXPECTED);
    },
  );

  it('a segmentation naming the multi-frame source without its frame is refused, saying so', () => {
    const seg = twinFile(join(dir, 'first', 'in'), 'segmentation-');
    const stripped = join(dir, 'no-frame-numbers.dcm');
    const strip = runTool('/usr/bin/python3', [
      '-c',
      `import sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
for f in ds.PerFrameFunctionalGroupsSequence:
    del f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedFrameNumber
ds.save_as(sys.argv[2])`,
      seg,
      stripped,
    ]);
    expect(strip.stderr).toBe('');
    const run = convert('no-frame-numbers', ['--masks', stripped]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'it references emri_small.dcm, a 10-frame image, without naming its frame (Referenced Frame Number)',
    );
  });
});
