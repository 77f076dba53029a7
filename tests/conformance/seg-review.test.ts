/**
 * A segmentation says the reader's verdict on each finding it stores, as the report does: the
 * algorithm's findings are split into segments by review state, each described ("AI finding, not
 * reviewed", "... accepted by the reader", "... edited by the reader"), an edited one SEMIAUTOMATIC (the
 * algorithm's result changed by a person), the reader's own MANUAL; a rejected finding is not stored.
 * Read with pydicom, validated with dciodvfy; read back as findings, the verdicts come with them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, twinFile } from '../helpers/cli-harness';
import { dciodvfy } from '../helpers/dicom-tools';
import { dsrdumpGroups } from '../helpers/dsrdump-groups';
import { pydicomOnSources } from '../helpers/pydicom-sources';

const SERIES = '2.25.111600668640973016802625042172064724545';
const SOURCE = join(REPO, 'assets', 'sample', 'abdomen-ct', 'series-1');
const IMAGES = ['IM0011', 'IM0012', 'IM0013', 'IM0014', 'IM0015'];
const BOXES = [
  'series_instance_uid,instance_number,x1,y1,x2,y2,label,review,finder',
  `${SERIES},11,179,148,189,158,kidney lesion,,`,
  `${SERIES},12,174,143,194,163,kidney lesion,accepted,`,
  `${SERIES},13,172,141,196,165,kidney lesion,edited,`,
  `${SERIES},14,172,141,196,165,kidney lesion,rejected,`,
  `${SERIES},15,173,142,195,164,kidney lesion,,reader`,
].join('\n');

let dir: string;
let seg: string;

/** pydicom: per segment (by its first slice) its label, description, algorithm type and name, and the instance numbers of its frames. */
const SEGMENTS = `
slices = {}
for f in ds.PerFrameFunctionalGroupsSequence:
    n = int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
    slices.setdefault(n, []).append(by_uid[f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID])
rows = [[s.SegmentLabel, s.get('SegmentDescription', ''), s.SegmentAlgorithmType,
         s.get('SegmentAlgorithmName', ''), sorted(slices.get(int(s.SegmentNumber), []))]
        for s in ds.SegmentSequence]
print(json.dumps(sorted(rows, key=lambda row: row[4])))
`;

/** Converts the slices into `name` under the test's folder, naming the algorithm KidneyNet. */
function convert(name: string, extra: string[]): void {
  const args = ['convert', join(dir, 'in'), '--out', join(dir, name), '--quiet', '--algorithm', 'KidneyNet'];
  const run = runCli([...args, ...extra], { timeoutMs: 120_000 });
  expect(run.stderr, name).toBe('');
  expect(run.code, name).toBe(0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-seg-review-'));
  mkdirSync(join(dir, 'in'));
  for (const name of IMAGES) copyFileSync(join(SOURCE, name), join(dir, 'in', name));
  writeFileSync(join(dir, 'boxes.csv'), `${BOXES}\n`);
  convert('out', ['--boxes', join(dir, 'boxes.csv'), '--twin', 'seg', '--seg-boxes']);
  seg = twinFile(join(dir, 'out', 'in'), 'segmentation-');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a segmentation of reviewed findings', () => {
  it('keeps each review state in a segment of its own that says it; the rejected finding is not stored (pydicom)', () => {
    const sources = IMAGES.map((name) => join(dir, 'in', name));
    expect(pydicomOnSources(SEGMENTS, seg, sources)).toEqual([
      ['kidney lesion', 'AI finding, not reviewed', 'AUTOMATIC', 'KidneyNet', [11]],
      ['kidney lesion', 'AI finding, accepted by the reader', 'AUTOMATIC', 'KidneyNet', [12]],
      ['kidney lesion', 'AI finding, edited by the reader', 'SEMIAUTOMATIC', 'KidneyNet', [13]],
      ['kidney lesion', 'Drawn by the reader', 'MANUAL', '', [15]],
    ]);
  });

  it('passes dciodvfy with 0 errors', () => {
    expect(dciodvfy(seg).errors).toEqual([]);
  });

  it("read back as findings, keeps each finding's verdict: the report written from it says them (dsrdump)", () => {
    convert('back', ['--masks', seg, '--twin', 'sr']);
    expect(dsrdumpGroups(twinFile(join(dir, 'back', 'in'), 'report-'), ['review', 'finder'])).toEqual([
      ['unreviewed', 'algorithm'],
      ['accepted', 'algorithm'],
      ['edited', 'algorithm'],
      ['unreviewed', 'reader'],
    ]);
  });
});
