/**
 * The steps the export specs share on the bundled sample: import its box file, then export "This series"
 * from the Export dialog with an "Also write" choice, and wait for the dialog's count of 24 images.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export const SAMPLE_BOXES = path.resolve('assets/sample/boxes.csv');

/** Imports the sample's six boxes (the whole series must be listed first: waitForWholeSample). */
export async function importSampleBoxes(page: Page): Promise<void> {
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(SAMPLE_BOXES);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('6 boxes');
}

/** Exports the series shown into `out` with "Also write" set to `twin`; resolves with the dialog once done. */
export async function exportSeries(page: Page, out: string, twin: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await dialog.getByLabel('Also write').selectOption(twin);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 24 images.')).toBeVisible({ timeout: 120_000 });
  return dialog;
}

/** The result's list of presentation states, reports, segmentations and key images. */
export function twinItems(dialog: Locator): Locator {
  return dialog.getByRole('list', { name: 'Presentation states and reports' }).getByRole('listitem');
}
