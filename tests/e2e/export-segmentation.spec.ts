/**
 * The Export dialog's "Also write" offers the segmentation (issue 24): the sample's NIfTI lesion mask,
 * imported in the app and exported with "+ segmentation", gives a DICOM SEG valid for dciodvfy whose
 * frames are the frames of the CLI's `--twin seg` from the same mask (pixel for pixel, as pydicom reads both).
 */
import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dciodvfy } from '../helpers/dicom-tools';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { exportSeries, twinItems } from './support/sample-export';

const sample = sampleStudyApp('segmentation');
const { work, study } = sample;
const MASK = path.resolve('assets/sample/lesion-mask.nii.gz');
const SIDECAR = path.resolve('assets/sample/lesion-mask.json');

function segmentations(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith('segmentation-'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Frames, segment labels and packed pixels of a SEG, as pydicom reads them. */
function readSeg(file: string): { frames: number; labels: string[]; pixels: string } {
  const script = [
    'import json, sys, pydicom',
    'd = pydicom.dcmread(sys.argv[1])',
    "print(json.dumps({'frames': int(d.NumberOfFrames), 'labels': [str(s.SegmentLabel) for s in d.SegmentSequence],",
    "  'pixels': d.pixel_array.tobytes().hex()}))",
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as {
    frames: number;
    labels: string[];
    pixels: string;
  };
}

test('an export with "+ segmentation" writes the mask as a DICOM SEG, the same as the CLI writes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import masks (NIfTI').setInputFiles([MASK, SIDECAR]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('6 mask outlines');

  const out = path.join(work, 'out');
  const twins = twinItems(await exportSeries(page, out, 'seg'));
  await expect(twins).toHaveCount(1);
  await expect(twins.first()).toContainText('Wrote segmentation');
  await expect(twins.first()).toContainText('6 findings on 6 images');

  const [fromApp] = segmentations(out);
  expect(fromApp).toBeDefined();
  expect(dciodvfy(fromApp ?? '').errors).toEqual([]);

  const cliOut = path.join(work, 'cli');
  const cli = spawnSync(process.execPath, [
    'bin/dicom-ink.cjs',
    'convert',
    study,
    '--out',
    cliOut,
    '--masks',
    MASK,
    '--twin',
    'seg',
    '--quiet',
  ]);
  expect(cli.status).toBe(0);
  const [fromCli] = segmentations(cliOut);
  const app = readSeg(fromApp ?? '');
  const reference = readSeg(fromCli ?? '');
  expect(app.frames).toBe(6);
  expect(app.labels).toEqual(['kidney lesion']);
  expect(app).toEqual(reference);
});
