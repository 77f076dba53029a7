/**
 * Issue 23, the review in the app: import the sample's boxes, review them with the keyboard (accept,
 * reject one, move one), export with a report. The rejected box is not in the exported pixels, the
 * edited one is where the reader put it, the report says who reviewed (dsrdump); a reload keeps the
 * verdicts, the audit trail and the reviewer, named once in Settings for the whole app. Also renders docs/screenshots/review-mode.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pydicomRead, runTool } from '../helpers/dicom-tools';
import { dragImage, listedBoxes, waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS } from './support/pixels';

const sample = sampleStudyApp('review');
const { work } = sample;
const RED = [255, 0, 0];

test.describe.configure({ mode: 'serial' });

function filesNamed(root: string, test: (name: string) => boolean): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function pixel(file: string, x: number, y: number): number[] {
  const image = pydicomRead(file);
  const at = (y * (image.shape[1] ?? 0) + x) * 3;
  return [...image.pixels.subarray(at, at + 3)];
}

const review = (page: Page) => page.getByRole('region', { name: 'Review' });

test('the reader reviews the findings with the keyboard and the export honours the verdicts', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(path.resolve('assets/sample/boxes.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('6 boxes');
  await expect(review(page)).toContainText('0 of 6 reviewed');

  const stage = page.getByLabel(/^Image viewport/);
  await stage.focus();
  await page.keyboard.press('r');
  await expect(review(page).getByText('Review mode')).toBeVisible();
  await page.keyboard.press('n');
  await expect(review(page)).toContainText('on slice 11: unreviewed');
  // A verdict needs a reviewer: asked for, nothing recorded.
  await page.keyboard.press('y');
  await expect(review(page).getByRole('alert')).toContainText('Name the reviewer first');
  await expect(review(page).getByRole('alert')).toContainText('in Settings');
  await expect(review(page)).toContainText('on slice 11: unreviewed');
  // Named once, app-wide, in Settings: a name that is not a DICOM person name is refused.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Reviewer' }).fill('DOE\\JANE');
  await settings.getByRole('textbox', { name: 'Reviewer' }).press('Enter');
  await expect(settings.getByRole('alert')).toContainText('backslash');
  await settings.getByRole('textbox', { name: 'Reviewer' }).fill('DOE^JANE');
  await settings.getByRole('textbox', { name: 'Reviewer' }).press('Enter');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(review(page).getByLabel('Reviewer')).toHaveValue('DOE^JANE');
  await stage.focus();
  await page.keyboard.press('y');
  await expect(review(page)).toContainText('on slice 12: unreviewed');
  await page.keyboard.press('x');
  await expect(review(page)).toContainText('on slice 13: unreviewed');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '13');
  // Moved by the reader: edited, where it was put.
  await dragImage(page, [184.5, 153.5], [204.5, 173.5]);
  await expect(review(page)).toContainText('on slice 13: edited');
  await stage.focus();
  await page.keyboard.press('n');
  await expect(review(page)).toContainText('on slice 14: unreviewed');
  await page.keyboard.press('y');
  await expect(review(page)).toContainText('on slice 15: unreviewed');
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(review(page)).toContainText('on slice 13: edited');
  await expect(review(page)).toContainText('4 of 6 reviewed · 2 left');
  await expect(review(page).getByRole('list', { name: 'Audit trail' })).toContainText('DOE^JANE');
  const items = await listedBoxes(page);
  expect(items.filter((t) => t.includes('rejected'))).toEqual([expect.stringContaining('Slice 12')]);
  await expect(page.locator('.box-rejected')).toHaveCount(1);
  await page.screenshot({ path: 'docs/screenshots/review-mode.png' });

  const out = path.join(work, 'out');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await dialog.getByLabel('Also write').selectOption('sr');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 24 images.')).toBeVisible({ timeout: 120_000 });

  const copy = (name: string): string => filesNamed(out, (n) => n === name)[0] ?? '';
  // Outlines lie just outside the box (the default): read the pixel diagonally before a top-left corner.
  expect(pixel(copy('IM0011'), 178, 147)).toEqual(RED);
  // rejected: not burned in
  const [r, g, b] = pixel(copy('IM0012'), 173, 142);
  expect([g, b]).toEqual([r, r]);
  // edited: where the reader put it, not where the file had it
  expect(pixel(copy('IM0013'), 191, 160)).toEqual(RED);
  expect(pixel(copy('IM0013'), 171, 140)).not.toEqual(RED);
  const [report] = filesNamed(out, (n) => n.startsWith('report-'));
  const tree = runTool('dsrdump', [report ?? '']).stdout;
  expect(tree).toContain('<has obs context PNAME:(,,"Person Observer Name")="DOE^JANE">');
  expect(tree).toContain('Verification Flag   : UNVERIFIED');
  const states = [...tree.matchAll(/"Review state"\)="(\w+)"/g)].map((m) => m[1]);
  expect(states).toEqual(['accepted', 'rejected', 'edited', 'accepted', 'unreviewed', 'unreviewed']);
});

test('a reload keeps the verdicts and the audit trail', async ({ page }) => {
  await sample.open(page);
  await waitForWholeSample(page);
  await expect(review(page)).toContainText('4 of 6 reviewed');
  // The reviewer is the app's, kept by main: Settings still names it after the reload.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Reviewer' }),
  ).toHaveValue('DOE^JANE');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('list', { name: 'Boxes in this series' })
    .getByRole('button')
    .filter({ hasText: 'rejected' })
    .click();
  await page.keyboard.press('r');
  await expect(review(page)).toContainText('on slice 12: rejected');
  const trail = review(page).getByRole('list', { name: 'Audit trail' });
  await expect(trail).toContainText('DOE^JANE');
  await expect(trail).toContainText('rejected —');
  // A verdict needs no name again: the saved reviewer gives it.
  await page.keyboard.press('u');
  await expect(review(page)).toContainText('on slice 12: unreviewed');
  await expect(review(page).getByRole('alert')).toHaveCount(0);
  await expect(review(page)).toContainText('3 of 6 reviewed');
  // Help lists the review keys.
  await page.keyboard.press('?');
  await expect(page.getByText('Review mode on / off (walk the findings, give each a verdict)')).toBeVisible();
  await expect(
    page.getByText('Review: reject the finding (kept in the list and the report, not burned in)'),
  ).toBeVisible();
});
