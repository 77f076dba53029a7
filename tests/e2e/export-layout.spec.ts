/**
 * The app's export writes where the CLI writes (issue 25, point 13): "This series" of the bundled sample
 * goes to `<out>/<opened folder's name>/<series folder>/...`, and by default into the exports folder in
 * DICOM Ink's data folder, never into the app's own files (a checkout's `git status` stays clean). Also
 * renders the Export dialog with every choice it offers (docs/screenshots/export-dialog.png, copied from
 * test-results).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';

const SAMPLE = path.resolve('assets/sample/abdomen-ct');
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-export-layout-e2e-'));
const exportsDir = path.join(work, 'data', 'dicom-ink', 'exports');
let app: RunningApp;

test.beforeAll(async () => {
  app = await launchApp([SAMPLE], 30_000, { ...process.env, XDG_DATA_HOME: path.join(work, 'data') });
});
test.afterAll(async () => {
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});

const untrackedInSample = (): string =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'assets/sample'], {
    encoding: 'utf8',
  });

test('"This series" of the bundled sample goes to the data folder, as <out>/<folder>/<series>/<file>', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const before = untrackedInSample();
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await expect(page.getByText(/CT · 24 images/)).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByLabel('Output folder')).toHaveValue(exportsDir);
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await expect(dialog.getByLabel('Box outline')).toHaveValue('outside');
  await expect(dialog.getByLabel('Box outline').locator('option')).toHaveText([
    'Outside the box',
    'Inside the box edge',
  ]);
  await dialog.getByRole('radio', { name: 'Preset' }).check();
  await page.screenshot({ path: 'test-results/export-dialog.png' });
  await dialog.getByRole('radio', { name: 'Current view' }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 24 images.')).toBeVisible({ timeout: 120_000 });
  // Beside the input folder's tree only the folder's version registry (see "Versions" in the README).
  expect(readdirSync(exportsDir).sort()).toEqual(['.dicom-ink-versions.json', 'abdomen-ct']);
  expect(readdirSync(path.join(exportsDir, 'abdomen-ct'))).toEqual(['series-1']);
  const files = readdirSync(path.join(exportsDir, 'abdomen-ct', 'series-1')).sort();
  expect(files).toHaveLength(24);
  expect(files[0]).toBe('IM0001');
  // The same layout the CLI gives `convert assets/sample/abdomen-ct --out <out>`.
  expect(untrackedInSample()).toBe(before);
});
