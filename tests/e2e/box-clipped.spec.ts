/**
 * A box that reaches past its image in the box file is clipped to the image; the app says so instead of
 * clipping silently: in the import report (in the CLI's words), on the box in the list and in the
 * inspector, and after a reload (the mark is saved in the session). Moving the box inside clears the mark.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dragImage, listedBoxes, waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS } from './support/pixels';

const sample = sampleStudyApp('clipped');
const { work } = sample;
const SERIES = '2.25.111600668640973016802625042172064724545';
const CSV = path.join(work, 'edge.csv');

test.beforeAll(async () => {
  // The sample's slices are 256 x 256: this box reaches 44 pixels past the right edge.
  writeFileSync(
    CSV,
    `series_instance_uid,instance_number,frame,x1,y1,x2,y2,label\n${SERIES},1,1,220,100,299,140,rim\n`,
  );
});

test('a box past the image edge is reported at import, marked on the box, and unmarked once moved inside', async ({
  page,
}) => {
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(CSV);
  const report = page.getByRole('status').filter({ hasText: 'Imported' });
  await expect(report).toContainText('Imported 1 box from edge.csv.');
  await expect(report).toContainText('1 imported box reaches past the image and is clipped to it');
  await expect(report.getByRole('list', { name: 'Boxes clipped to the image' })).toHaveText(
    'edge.csv:2 extends past the right edge of the 256 x 256 image, so it is clipped',
  );
  const item = page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('rim · clipped at the right edge');
  await expect(item).toContainText('220,100 – 255,140');

  // Saved with the box: still marked after a reload.
  await page.reload();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await expect(item).toContainText('clipped at the right edge');

  await item.click();
  const inspector = page.getByRole('region', { name: 'Selected box' });
  await expect(inspector.getByRole('note')).toContainText(
    'Clipped: in its box file this box reaches past the right edge of the image',
  );

  // Moved 60 pixels to the left, inside the image: the mark goes, from the list and the inspector (and the
  // finding, moved by the reader, is now `edited`: issue 23).
  await dragImage(page, [237.5, 120.5], [177.5, 120.5]);
  await expect
    .poll(() => listedBoxes(page))
    .toEqual([expect.stringMatching(/· rim · edited 160,100 – 195,140$/)]);
  await expect(inspector.getByRole('note')).toHaveCount(0);
});
