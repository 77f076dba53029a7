/**
 * A label that fits nowhere without covering another finding is not drawn (viewer and export alike); the
 * app marks that box in the list and the inspector instead of dropping the label silently. On the
 * bundled sample a box and a mask outline mark the same lesion on six slices.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('unplaced');
const BOXES_CSV = path.resolve('assets/sample/boxes.csv');
const MASK = path.resolve('assets/sample/lesion-mask.nii.gz');
const SIDECAR = path.resolve('assets/sample/lesion-mask.json');

test('boxes whose label has no room are marked in the list and the inspector while labels are shown', async ({
  page,
}) => {
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(BOXES_CSV);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 6 boxes');
  await page.getByLabel('Import masks (NIfTI').setInputFiles([MASK, SIDECAR]);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported 6 mask outlines',
  );
  const items = page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button');
  await expect(items).toHaveCount(12);
  const marked = items.filter({ hasText: 'label not drawn (no room)' });
  // Labels off: nothing is left out, nothing marked.
  await expect(marked).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Show labels' }).check();
  // One label per slice (box and outline of the same lesion) has no room: six marks, one per slice.
  await expect(marked).toHaveCount(6);
  await marked.first().click();
  await expect(page.getByRole('region', { name: 'Selected box' }).getByRole('note')).toContainText(
    'Label not drawn: no room to place it without covering another finding or leaving the image; the box is drawn without its label',
  );
});
