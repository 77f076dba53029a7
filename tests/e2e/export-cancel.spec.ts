/**
 * Cancel during a running export of a 400-slice 512x512 series: the dialog reports the cancel within a
 * few seconds with fewer than all images written, and the output folder holds only complete, readable
 * DICOM files (no temporary `.partial` names left behind). Waits on the app's events, never sleeps.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { generatePhantomSeries } from '../../src/main/sample/phantom';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const SLICES = 400;
const SIZE = 512;
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-cancel-e2e-'));
const study = path.join(work, 'study');
const out = path.join(work, 'out');
let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  for (const slice of generatePhantomSeries({ slices: SLICES, size: SIZE, seed: 5 })) {
    const target = path.join(study, slice.relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, slice.bytes);
  }
  app = await launchApp([study], 60_000, { ...process.env, XDG_DATA_HOME: path.join(work, 'data') });
});
test.afterAll(async () => {
  await app.stop();
  rmSync(work, { recursive: true, force: true });
});

test('Cancel stops a running export promptly and leaves only complete DICOM files in the output folder', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: `This series (${SLICES} files)` })).toBeVisible({
    timeout: 60_000,
  });
  await dialog.getByRole('radio', { name: `This series (${SLICES} files)` }).check();
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  // Progress: the bar has a value above 0 and the text gives count, rate and time left.
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect
    .poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 0), { intervals: [20] })
    .toBeGreaterThan(0);
  await expect(bar).toHaveAttribute('aria-valuemax', String(SLICES));
  await expect(dialog.getByTestId('export-progress-text')).toHaveText(
    new RegExp(`^\\d+ of ${SLICES} images · \\d+\\.\\d images/s · \\d+ s left$`),
  );
  await page.screenshot({ path: 'test-results/export-running.png' });

  const clicked = Date.now();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  const summary = dialog.locator('.export-summary');
  await expect(summary).toHaveText(/^Cancelled: exported \d+ images?/, { timeout: 10_000 });
  const cancelMs = Date.now() - clicked;
  await page.screenshot({ path: 'test-results/export-cancelled.png' });
  const exported = Number(/exported (\d+)/.exec(await summary.innerText())?.[1]);
  console.log(`[cancel] ${exported} of ${SLICES} images written; cancel reported after ${cancelMs} ms`);
  expect(cancelMs).toBeLessThan(5_000);
  expect(exported).toBeGreaterThan(0);
  expect(exported).toBeLessThan(SLICES);
  await expect(dialog.getByRole('button', { name: 'Export again' })).toBeEnabled();

  // Only complete outputs: no hidden temporary names, one readable RGB DICOM per counted image.
  // (besides the folder's version registry, written before any image)
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name !== VERSIONS_FILE_NAME,
  );
  const names = files.map((e) => e.name);
  expect(names.filter((n) => n.startsWith('.') || n.endsWith('.partial') || n.includes('.tmp'))).toEqual([]);
  expect(files).toHaveLength(exported);
  await initCodecs();
  for (const file of files) {
    const read = await readDicomFile(path.join(file.parentPath, file.name));
    if (!read.ok) throw new Error(`${file.name}: ${read.reason}`);
    expect(read.image.header.pixel.samplesPerPixel).toBe(3);
    expect(read.image.decodeFrame(0).data).toHaveLength(SIZE * SIZE * 3);
  }
});
