/**
 * The Export dialog's finish view on a folder with a good image, a truncated DICOM and a text file:
 * "Exported N images" with each skipped and failed file and its reason (in the app's words, e.g. the
 * "Replace files already there" checkbox rather than the CLI's --overwrite), and the button that reveals
 * the output folder, which in browser mode copies or shows its path.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';
import { makeFolder, type TempFolder } from './support/temp-folder';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

let mixed: TempFolder;
let app: RunningApp;
let out: string;

test.beforeAll(async () => {
  mixed = makeFolder('export-problems', {
    'ct/slice-a': { corpus: '693_UNCI.dcm' },
    'ct/truncated.dcm': { corpus: '693_UNCI.dcm', truncateTo: 4000 },
    'notes.txt': { text: 'Reading notes, not an image.\n' },
  });
  out = `${mixed.root}-out`;
  app = await launchApp([mixed.root]);
});
test.afterAll(async () => {
  await app.stop();
  mixed.remove();
  rmSync(out, { recursive: true, force: true });
});

async function exportEverything(page: Page, out: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /Everything open/ }).check();
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return dialog;
}

test.describe.configure({ mode: 'serial' });

test('the finish view counts the exported image and lists the truncated and the text file with reasons', async ({
  page,
}) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  const dialog = await exportEverything(page, out);
  await expect(dialog.locator('.export-summary')).toHaveText('Exported 1 image, 1 skipped, 1 failed.', {
    timeout: 60_000,
  });
  const problems = dialog.getByRole('list', { name: 'Files not exported' }).getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.filter({ hasText: 'truncated.dcm' })).toContainText(
    /^Failed .*truncated\.dcm: .*truncated/i,
  );
  await expect(problems.filter({ hasText: 'notes.txt' })).toContainText(
    /^Skipped .*notes\.txt: .*not a DICOM file/i,
  );
  await expect(dialog.getByTestId('export-out')).toHaveText(out);
  const written = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  expect(written.map((e) => e.name).sort()).toEqual([VERSIONS_FILE_NAME, 'slice-a']);
  await page.screenshot({ path: 'test-results/export-problems.png' });

  // In browser mode there is no file manager to open: the button copies the path, or says how to.
  const reveal = dialog.getByRole('button', { name: 'Copy output folder path' });
  await reveal.click();
  await expect(
    dialog.getByText(/^(The folder path was copied to the clipboard\.|Select the path above and copy it\.)$/),
  ).toBeVisible();
});

test('exporting again skips an output that matches; one that differs is kept, naming the Replace checkbox', async ({
  page,
}) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  let dialog = await exportEverything(page, out);
  await expect(dialog.locator('.export-summary')).toHaveText('Exported 0 images, 2 skipped, 1 failed.', {
    timeout: 60_000,
  });
  const existing = (): Locator =>
    dialog
      .getByRole('list', { name: 'Files not exported' })
      .getByRole('listitem')
      .filter({ hasText: 'slice-a' });
  // The same export again: the existing output is exactly what this run would write.
  await expect(existing()).toHaveText(/^Skipped .*slice-a: already converted: the existing output matches$/);

  // An output that differs from what this run would write is never replaced without the checkbox.
  const written = readdirSync(out, { recursive: true, withFileTypes: true }).find(
    (e) => e.name === 'slice-a',
  );
  if (!written) throw new Error('the first export wrote no slice-a');
  writeFileSync(path.join(written.parentPath, written.name), 'an older, different file');
  await dialog.getByRole('button', { name: 'Close' }).click();
  dialog = await exportEverything(page, out);
  await expect(dialog.locator('.export-summary')).toHaveText('Exported 0 images, 2 skipped, 1 failed.', {
    timeout: 60_000,
  });
  await expect(existing()).toHaveText(
    /^Skipped .*slice-a: the output file already exists; tick “Replace files already there” to replace it$/,
  );
  await expect(existing()).not.toContainText('--overwrite');

  await dialog.getByRole('checkbox', { name: 'Replace files already there' }).check();
  await dialog.getByRole('button', { name: 'Export again' }).click();
  await expect(dialog.locator('.export-summary')).toHaveText('Exported 1 image, 1 skipped, 1 failed.', {
    timeout: 60_000,
  });
});
