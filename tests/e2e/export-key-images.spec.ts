/**
 * The Export dialog's "Also write" offers every twin (issue 24): with "presentation state, structured report
 * and key images" the result lists the key object selection too, and it lists exactly the six copies with
 * boxes, valid for dciodvfy.
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dciodvfy, dcmdump } from '../helpers/dicom-tools';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { exportSeries, importSampleBoxes, twinItems } from './support/sample-export';

const sample = sampleStudyApp('key-images');
const { work } = sample;
const KEY_OBJECT_SELECTION = '1.2.840.10008.5.1.4.1.1.88.59';

test('an export with every twin also writes the key images of the copies with findings', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(sample.app.url);
  await waitForWholeSample(page);
  await importSampleBoxes(page);
  const out = path.join(work, 'out');
  const twins = twinItems(await exportSeries(page, out, 'all'));
  await expect(twins).toHaveCount(3);
  await expect(twins.filter({ hasText: 'Wrote key object selection' })).toContainText(
    '6 findings on 6 images',
  );

  const keyImages = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith('key-images-'))
    .map((e) => path.join(e.parentPath, e.name));
  expect(keyImages).toHaveLength(1);
  const file = keyImages[0] ?? '';
  const dump = dcmdump(file);
  expect(dump.top.get('0008,0016')?.value).toBe(KEY_OBJECT_SELECTION);
  expect(dump.elements.filter((e) => e.tag === '0008,1155').length).toBeGreaterThanOrEqual(6);
  expect(dciodvfy(file).errors).toEqual([]);
});
