/**
 * The output revision (src/main/versions/output-revision.ts) goes into every version key, so a build
 * that writes other bytes for the same export makes a new version instead of new content under UIDs an
 * earlier build already sent. This test keeps it honest: it converts the bundled sample with boxes (a
 * reader's, a rejected and an edited one among them), the mask and every twin, fingerprints every file written (SHA-256, with the dates and times that record
 * when a twin was written blanked) and compares with tests/fixtures/output-fingerprint.json. A change
 * that alters any output fails here until OUTPUT_REVISION is bumped and the fingerprint recorded again:
 *
 *   RECORD_OUTPUT_FINGERPRINT=1 npx vitest run tests/conformance/output-revision.test.ts
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDicom, type DataSet } from 'dicom-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_REVISION } from '../../src/main/versions/output-revision';
import { REPO, runCli } from '../helpers/cli-harness';

const RECORD = join(REPO, 'tests', 'fixtures', 'output-fingerprint.json');
const SAMPLE = join(REPO, 'assets', 'sample');
/** Beside the sample's boxes and mask: a reader's box with a long label, a rejected one, another script. */
const MORE_BOXES = [
  'series_instance_uid,instance_number,x1,y1,x2,y2,label,score,finder,review',
  `2.25.111600668640973016802625042172064724545,5,60,60,90,90,${'reader finding '.repeat(4)},,reader,accepted`,
  '2.25.111600668640973016802625042172064724545,6,100,100,130,120,Läsion 病変,0.4,,rejected',
  '2.25.111600668640973016802625042172064724545,7,100,100,130,120,Läsion 病変,0.8,,edited',
].join('\n');
const EXPORT = [
  join(SAMPLE, 'abdomen-ct'),
  ...['--boxes', join(SAMPLE, 'boxes.csv'), '--masks', join(SAMPLE, 'lesion-mask.nii.gz')],
  ...'--window abdomen --labels --twin all --seg-boxes --algorithm KidneyNet --algorithm-version 2.1'.split(
    ' ',
  ),
  '--quiet',
];
const HOW_TO_RECORD = 'RECORD_OUTPUT_FINGERPRINT=1 npx vitest run tests/conformance/output-revision.test.ts';

/** Instance Creation, Content and Presentation Creation Date and Time: when a twin was written. */
const WHEN_WRITTEN = ['00080012', '00080013', '00080023', '00080033', '00700082', '00700083'].map(
  (tag) => `x${tag}`,
);

/** Overwrites, in place and at any depth, the values that say when the object was written. */
function blankWhenWritten(dataSet: DataSet, bytes: Buffer): void {
  for (const [tag, element] of Object.entries(dataSet.elements)) {
    if (WHEN_WRITTEN.includes(tag)) bytes.fill(0x20, element.dataOffset, element.dataOffset + element.length);
    for (const item of element.items ?? []) if (item.dataSet) blankWhenWritten(item.dataSet, bytes);
  }
}

function fileFingerprint(path: string): string {
  const bytes = readFileSync(path);
  if (bytes.subarray(128, 132).toString('latin1') === 'DICM') blankWhenWritten(parseDicom(bytes), bytes);
  return createHash('sha256').update(bytes).digest('hex');
}

let dir: string | undefined;
afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('the output revision', () => {
  it('is bumped whenever what DICOM Ink writes for one export changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'dicom-ink-output-revision-'));
    const out = join(dir, 'out');
    const more = join(dir, 'more-boxes.csv');
    writeFileSync(more, `${MORE_BOXES}\n`);
    const run = runCli(['convert', ...EXPORT, '--boxes', more, '--out', out], { timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)))
      .sort();
    // 24 copies, a presentation state, report, segmentation, key images and the version registry
    expect(files).toHaveLength(29);
    const listing = files.map((file) => `${file} ${fileFingerprint(join(out, file))}\n`).join('');
    const fingerprint = createHash('sha256').update(listing).digest('hex');
    if (process.env.RECORD_OUTPUT_FINGERPRINT === '1') {
      writeFileSync(RECORD, `${JSON.stringify({ revision: OUTPUT_REVISION, fingerprint }, null, 2)}\n`);
      console.log(`recorded revision ${OUTPUT_REVISION}: ${fingerprint}`);
      return;
    }
    const record = JSON.parse(readFileSync(RECORD, 'utf8')) as { revision: number; fingerprint: string };
    expect(
      record.revision,
      `OUTPUT_REVISION is ${OUTPUT_REVISION} but the fingerprint was recorded for ${record.revision}: ${HOW_TO_RECORD}`,
    ).toBe(OUTPUT_REVISION);
    expect(
      fingerprint,
      `what DICOM Ink writes for this export changed: bump OUTPUT_REVISION (src/main/versions/output-revision.ts), then ${HOW_TO_RECORD} (when only the sample or this test's export changed, record again without bumping)\n${listing}`,
    ).toBe(record.fingerprint);
  });
});
