/**
 * A converter thread blocked inside a system call (here: open(2) of a FIFO, in a stand-in worker) cannot
 * be stopped. After Cancel, the Export dialog says which file's thread could not be stopped, instead of a
 * plain "Cancelled".
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePhantomSeries } from '../../src/main/sample/phantom';
import { createStuckWorker, type StuckWorker } from '../helpers/stuck-worker';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';

const SLICES = 6;
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-stuck-e2e-'));
const study = path.join(work, 'study');
const out = path.join(work, 'out');
let app: RunningApp;
let stuck: StuckWorker;
let stuckPath = '';

test.beforeAll(async () => {
  const slices = [...generatePhantomSeries({ slices: SLICES, size: 64, seed: 9 })];
  for (const slice of slices) {
    const target = path.join(study, slice.relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, slice.bytes);
  }
  stuckPath = path.join(study, slices[2]?.relativePath ?? '');
  stuck = createStuckWorker(work, path.basename(stuckPath));
  app = await launchApp([study], 60_000, {
    ...process.env,
    ...stuck.env,
    XDG_DATA_HOME: path.join(work, 'data'),
  });
});
test.afterAll(async () => {
  stuck.release();
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});

test('after Cancel, the Export dialog names the file whose converter thread could not be stopped', async ({
  page,
}) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const series = dialog.getByRole('radio', { name: `This series (${SLICES} files)` });
  await expect(series).toBeVisible({ timeout: 60_000 });
  await series.check();
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => stuck.entered(), { timeout: 30_000 }).toBe(true);
  await dialog.getByRole('button', { name: 'Cancel export' }).click();

  await expect(dialog.locator('.export-summary')).toHaveText(/^Cancelled: exported \d+ images?/, {
    timeout: 30_000,
  });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The converter thread of this file could not be stopped:');
  const listed = alert.getByRole('list', { name: 'Threads that could not be stopped' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(stuckPath);
  await expect(listed).toContainText(/its converter thread \(thread \d+\) is blocked inside a system call/);
});
