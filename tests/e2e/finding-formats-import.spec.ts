/**
 * Box formats other than our CSV/JSON, imported in the app (browser mode) through the CLI's importers:
 * 3D boxes in patient mm, COCO and a YOLO folder. Expected pixels are worked out by hand from the sample's
 * geometry (first pixel centre -189.2578 mm, Pixel Spacing 1.4844 mm, slices 5 mm apart from z = -2.5
 * downwards) and the formats' rules, never by DICOM Ink.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listedBoxes, waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('formats');
const { work } = sample;
const SERIES_UID = '2.25.111600668640973016802625042172064724545';

test.describe.configure({ mode: 'serial' });

async function open(page: Page): Promise<void> {
  await sample.open(page);
  await waitForWholeSample(page);
}

const report = (page: Page) => page.getByRole('status').filter({ hasText: 'Imported' });

test('a 3D box in LPS mm lands on every slice it crosses, on the pixel centres inside it', async ({
  page,
}) => {
  const file = path.join(work, 'boxes3d.csv');
  writeFileSync(
    file,
    `series_instance_uid,x1_mm,y1_mm,z1_mm,x2_mm,y2_mm,z2_mm,label\n${SERIES_UID},70,24,-50,98,52,-80,kidney lesion\n`,
  );
  await open(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(file);
  // z from -50 to -80 holds the slices at -52.5 ... -77.5: six. Columns whose centres lie in 70..98 mm:
  // (70 + 189.2578) / 1.4844 = 174.65 -> 175 up to (98 + 189.2578) / 1.4844 = 193.52 -> 193; rows in
  // 24..52 mm: (24 + 189.2578) / 1.4844 = 143.67 -> 144 up to (52 + 189.2578) / 1.4844 = 162.53 -> 162.
  await expect(report(page)).toContainText('Imported 6 boxes from boxes3d.csv.');
  const boxes = await listedBoxes(page);
  expect(boxes).toHaveLength(6);
  for (const box of boxes) expect(box).toMatch(/kidney lesion 175,144 – 193,162$/);
});

test('COCO by file name and a YOLO folder put the same rectangle on the same image', async ({ page }) => {
  const coco = path.join(work, 'detections.json');
  writeFileSync(
    coco,
    JSON.stringify({
      images: [{ id: 1, file_name: 'series-1/IM0013' }],
      categories: [{ id: 1, name: 'coco lesion' }],
      annotations: [{ image_id: 1, category_id: 1, bbox: [140, 120, 32, 31], score: 0.93 }],
    }),
  );
  // The same rectangle in YOLO: edges 140..172 and 120..151 of a 256x256 image, as centre and size.
  const yolo = path.join(work, 'yolo');
  mkdirSync(yolo);
  writeFileSync(path.join(yolo, 'classes.txt'), 'yolo lesion\n');
  writeFileSync(path.join(yolo, 'IM0013.txt'), `0 ${156 / 256} ${135.5 / 256} ${32 / 256} ${31 / 256}\n`);
  await open(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(coco);
  await expect(report(page)).toContainText('Imported 1 box from detections.json.');
  await page.getByLabel('Import a YOLO folder').setInputFiles(yolo);
  await expect(report(page)).toContainText('Imported 1 box from yolo.');
  const boxes = await listedBoxes(page);
  // bbox [140, 120, 32, 31] covers columns 140-171 and rows 120-150.
  expect(boxes.filter((b) => b.includes('coco lesion'))).toEqual([
    expect.stringMatching(/coco lesion · 0\.93 140,120 – 171,150$/),
  ]);
  expect(boxes.filter((b) => b.includes('yolo lesion'))).toEqual([
    expect.stringMatching(/yolo lesion 140,120 – 171,150$/),
  ]);
  // Both on IM0013's slice (the 3D boxes of the test before are still in the folder's session).
  const slices = boxes.filter((b) => /coco|yolo/.test(b)).map((b) => /^Slice (\d+)/.exec(b)?.[1]);
  expect(slices).toHaveLength(2);
  expect(slices[0]).toBe(slices[1]);
});
