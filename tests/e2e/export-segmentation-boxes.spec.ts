/**
 * Boxes and the segmentation in the app (issue 24): with only box findings, "+ segmentation" writes no
 * segmentation and the dialog says why and what to tick (no silent nothing); with "Boxes too" ticked, the
 * SEG holds each box as a filled rectangle on its slice (pydicom reads the frames; dciodvfy 0 errors).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dciodvfy } from '../helpers/dicom-tools';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { exportSeries, importSampleBoxes, SAMPLE_BOXES, twinItems } from './support/sample-export';

const sample = sampleStudyApp('segmentation-boxes');

function segmentations(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith('segmentation-'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Each frame's foreground bounding box [x1, y1, x2, y2] (x2, y2 exclusive), as pydicom reads the SEG. */
function frameBoxes(file: string): number[][] {
  const script = [
    'import json, sys, pydicom, numpy as np',
    'd = pydicom.dcmread(sys.argv[1])',
    'a = d.pixel_array.reshape((-1, d.Rows, d.Columns))',
    'out = []',
    'for f in a:',
    '    r, c = np.nonzero(f)',
    '    out.append([int(c.min()), int(r.min()), int(c.max()) + 1, int(r.max()) + 1, int(len(r))])',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
  ) as number[][];
}

test('"+ segmentation" with only boxes says why nothing was written; "Boxes too" writes them as rectangles', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await sample.open(page);
  await waitForWholeSample(page);
  await importSampleBoxes(page);
  const first = path.join(sample.work, 'out-1');
  const dialog = await exportSeries(page, first, 'seg');
  const notes = dialog.getByRole('list', { name: 'Notes' });
  await expect(notes).toContainText('No segmentation written: the findings are boxes');
  await expect(notes).toContainText('tick “Boxes too” under Also write');
  await expect(notes).not.toContainText('--seg-boxes');
  expect(segmentations(first)).toEqual([]);

  const second = path.join(sample.work, 'out-2');
  await dialog.getByLabel('Output folder').fill(second);
  const boxesToo = dialog.getByLabel('Boxes too (each a filled rectangle in the segmentation)');
  await dialog.getByLabel('Also write').selectOption('both');
  await expect(boxesToo).toHaveCount(0); // offered only with a segmentation
  await dialog.getByLabel('Also write').selectOption('all');
  await boxesToo.check();
  await dialog.getByRole('button', { name: 'Export again' }).click();
  const twins = twinItems(dialog);
  await expect(twins.filter({ hasText: 'Wrote segmentation' })).toHaveCount(1, { timeout: 120_000 });
  await expect(dialog.getByRole('list', { name: 'Notes' })).toHaveCount(0);
  const [seg] = segmentations(second);
  expect(seg).toBeDefined();
  expect(dciodvfy(seg ?? '').errors).toEqual([]);

  // The rectangles are the box file's, one frame per box (frames go in slice-position order, so compare sorted).
  const rows = readFileSync(SAMPLE_BOXES, 'utf8').trim().split('\n').slice(1);
  const byCorner = (a: number[], b: number[]): number =>
    (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0);
  const expected = rows.map((row) => row.split(',').slice(3, 7).map(Number)).sort(byCorner);
  const found = frameBoxes(seg ?? '').sort(byCorner);
  expect(found).toHaveLength(expected.length);
  for (const [index, [x1, y1, x2, y2]] of expected.entries()) {
    const [fx1, fy1, fx2, fy2, count] = found[index] ?? [];
    expect([fx1, fy1]).toEqual([x1, y1]);
    // a box file's x2/y2 may be the last pixel column or the one after it: either way, filled whole
    expect([x2, (x2 ?? 0) + 1]).toContain(fx2);
    expect([y2, (y2 ?? 0) + 1]).toContain(fy2);
    expect(count).toBe(((fx2 ?? 0) - (fx1 ?? 0)) * ((fy2 ?? 0) - (fy1 ?? 0)));
  }
});
