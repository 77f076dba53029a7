/**
 * Two app rough edges of the box panel: importing the same box file again asks whether to replace the
 * boxes or add them again (instead of silently doubling them), and a copy to a slice range keeps the
 * view on the slice of the selected box (the inspector never edits a box that is not shown).
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { expectBoxes, listedBoxes, waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS } from './support/pixels';

const sample = sampleStudyApp('import-again');
const BOXES_CSV = path.resolve('assets/sample/boxes.csv');

test.describe.configure({ mode: 'serial' });

test('importing the same box file twice asks "replace or add", and Replace keeps one copy of each box', async ({
  page,
}) => {
  await sample.open(page);
  await waitForWholeSample(page);
  const input = page.getByLabel('Import boxes (CSV or JSON)');
  await input.setInputFiles(BOXES_CSV);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 6 boxes from boxes.csv.',
  );
  const once = await listedBoxes(page);
  expect(once).toHaveLength(6);

  await input.setInputFiles(BOXES_CSV);
  const question = page.getByRole('alertdialog', { name: 'Boxes already imported' });
  await expect(question).toContainText('6 of the 6 boxes in boxes.csv are already here');
  // Nothing changes until the user chooses.
  expect(await listedBoxes(page)).toEqual(once);
  await question.getByRole('button', { name: 'Replace them' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 6 boxes from boxes.csv (replacing 6 already there).',
  );
  expect(await listedBoxes(page)).toEqual(once);

  // Cancel adds nothing; "Add them again" doubles them, on purpose, and one undo takes that back.
  await input.setInputFiles(BOXES_CSV);
  await question.getByRole('button', { name: 'Cancel import' }).click();
  await expect(question).toHaveCount(0);
  expect(await listedBoxes(page)).toEqual(once);
  await input.setInputFiles(BOXES_CSV);
  await question.getByRole('button', { name: 'Add them again' }).click();
  await expect.poll(async () => (await listedBoxes(page)).length).toBe(12);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectBoxes(page, once);
});

test('after "Copy to slices" the view shows the slice of the selected box', async ({ page }) => {
  await sample.open(page);
  await page.getByRole('button', { name: /Slice 16 · kidney lesion/ }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '16');
  const inspector = page.getByRole('region', { name: 'Selected box' });
  await inspector.getByLabel('From slice').fill('17');
  await inspector.getByLabel('To slice').fill('20');
  await inspector.getByRole('button', { name: 'Copy to slices' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    'Copied the box to 4 slices (17–20).',
  );
  const selected = page
    .getByRole('list', { name: 'Boxes in this series' })
    .getByRole('button', { pressed: true });
  await expect(selected).toHaveCount(1);
  const slice = /Slice (\d+)/.exec(await selected.innerText())?.[1];
  // The source box stays selected, and it is the one shown.
  expect(slice).toBe('16');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '16');
});
