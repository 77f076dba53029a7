/**
 * Issue 25 point 2: a label character the label font has no glyph for is drawn as a hollow box, and
 * the app says so: the box list marks the box and the inspector names the character. A label in
 * another script that the font covers is not marked.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('glyphs');
const SERIES = '2.25.111600668640973016802625042172064724545';

test('a label character without a glyph is marked in the list and named in the inspector', async ({
  page,
}) => {
  const csv = path.join(sample.work, 'glyph-boxes.csv');
  writeFileSync(
    csv,
    [
      'series_instance_uid,instance_number,frame,x1,y1,x2,y2,label,score',
      `${SERIES},13,1,60,60,100,100,結節 😀,0.9`,
      `${SERIES},13,1,150,60,190,100,очаг,0.8`,
    ].join('\n'),
  );
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(csv);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 2 boxes');
  const items = page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button');
  await expect(items).toHaveCount(2);
  const marked = items.filter({ hasText: 'characters drawn as boxes' });
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('結節 😀');
  await marked.click();
  await expect(page.getByRole('region', { name: 'Selected box' }).getByRole('note')).toContainText(
    'The label font has no glyph for U+1F600 😀: drawn as hollow boxes, in the view and in the export.',
  );
});
