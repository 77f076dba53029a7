/**
 * Library rough edges: a typed `~/...` path opens the folder in the home folder; after "Open folder" the
 * new study is selected and in view and the folder's path is shown; opening a file inside an open folder
 * does not duplicate its series; a folder can be closed; Help explains import formats, export and outputs.
 */
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-library-edges-e2e-'));
const home = path.join(work, 'home');
const ct = path.join(work, 'ct');
let app: RunningApp;

test.beforeAll(async () => {
  cpSync(path.resolve('assets/sample/abdomen-ct'), ct, { recursive: true });
  mkdirSync(path.join(home, 'mr'), { recursive: true });
  copyFileSync(path.resolve('tests/fixtures/corpus/MR2_UNCR.dcm'), path.join(home, 'mr', 'MR2_UNCR.dcm'));
  app = await launchApp([ct], 30_000, { ...process.env, HOME: home, XDG_DATA_HOME: path.join(work, 'data') });
});
test.afterAll(async () => {
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});
test.describe.configure({ mode: 'serial' });

const folders = (page: Page) => page.getByRole('list', { name: 'Opened folders' }).getByRole('listitem');

test('"~/mr" opens the folder in the home folder, selects its series, shows it and its path', async ({
  page,
}) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-path', /IM00/);
  await expect(folders(page)).toHaveText([`${ct}Close`]);
  await page.getByLabel('Folder path').fill('~/mr');
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(folders(page)).toHaveText([`${ct}Close`, `${path.join(home, 'mr')}Close`]);
  const mrSeries = page.getByRole('button', { name: /MR · 1 image/ });
  await expect(mrSeries).toHaveAttribute('aria-current', 'true');
  await expect(mrSeries).toBeInViewport();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-path', /MR2_UNCR/);
});

test('opening a file inside an open folder adds no duplicate series; a folder can be closed', async ({
  page,
}) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await page.getByLabel('Folder path').fill(path.join(ct, 'series-1', 'IM0003'));
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(page.getByLabel('Folder path')).toHaveValue('');

  // Closing a folder refreshes the library after the open above: what remains is then final.
  await page.getByRole('button', { name: 'Close folder mr' }).click();
  await expect(folders(page)).toHaveText([`${ct}Close`]);
  await expect(page.getByRole('button', { name: /MR · 1 image/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /CT · \d+ images?/ })).toHaveText([/CT · 24 images/]);
});

test('Help explains how to import boxes (the formats), how to export and where outputs go', async ({
  page,
}) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const importing = help.getByRole('region', { name: 'Importing boxes' });
  for (const key of [
    'sop_instance_uid',
    'file',
    'series_instance_uid',
    'instance_number',
    'score',
    'CSV',
    'JSON',
  ])
    await expect(importing).toContainText(key);
  await expect(help.getByRole('region', { name: 'Exporting' })).toContainText('RGB Secondary Capture');
  await expect(help.getByRole('region', { name: 'Where outputs go' })).toContainText('<folder>-dicom-ink');
});
