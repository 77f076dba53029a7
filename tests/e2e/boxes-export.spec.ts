/**
 * The box workflow in browser mode: draw, move, resize, undo/redo with the mouse and keyboard, import the
 * sample's CSV, export the series into a typed folder, then check the files with the engine's reader,
 * dciodvfy and their pixels; the canvas equals the exported pixels; the session survives a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { dciodvfy } from '../helpers/dicom-tools';
import { dragImage, expectBoxes, goToFirstSlice, imageToClient } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS, canvasPixels } from './support/pixels';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const sample = sampleStudyApp('boxes');
const { work, study } = sample;
const BOXES_CSV = path.resolve('assets/sample/boxes.csv');

async function open(page: Page, opening?: number): Promise<void> {
  await sample.open(page);
  await expect(page.getByRole('button', { name: 'Draw box' })).toBeEnabled();
  if (opening !== undefined) await goToFirstSlice(page, opening);
}

const rgbAt = (rgba: Uint8Array, width: number, x: number, y: number): number[] => {
  const o = (y * width + x) * 4;
  return [rgba[o] ?? -1, rgba[o + 1] ?? -1, rgba[o + 2] ?? -1];
};

test.describe.configure({ mode: 'serial' });

test('a box is drawn, moved and resized with the mouse, and every edit undoes and redoes', async ({
  page,
}) => {
  await open(page, 12);
  await page.getByRole('button', { name: 'Draw box' }).click();
  await expect(page.getByRole('button', { name: 'Draw box' })).toHaveAttribute('aria-pressed', 'true');
  await dragImage(page, [60.5, 60.5], [100.5, 90.5]);
  await expectBoxes(page, ['Slice 1 60,60 – 100,90']);
  // The box is burned into the canvas itself: the outline lies just outside it, its corner pixels untouched.
  let shown = await canvasPixels(page);
  expect(rgbAt(shown.rgba, shown.width, 59, 59)).toEqual([255, 0, 0]);
  expect(rgbAt(shown.rgba, shown.width, 101, 91)).toEqual([255, 0, 0]);
  expect(rgbAt(shown.rgba, shown.width, 60, 60)).not.toEqual([255, 0, 0]);

  await page.keyboard.press('b');
  await expect(page.getByRole('button', { name: 'Draw box' })).toHaveAttribute('aria-pressed', 'false');
  await dragImage(page, [80.5, 75.5], [100.5, 85.5]);
  await expectBoxes(page, ['Slice 1 80,70 – 120,100']);
  // South-east handle: the edge after pixel 120/100 is dragged to the boundary at 140/120.
  await dragImage(page, [121, 101], [140, 120]);
  await expectBoxes(page, ['Slice 1 80,70 – 139,119']);
  await page.screenshot({ path: 'test-results/boxes-drawn.png' });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expectBoxes(page, ['Slice 1 80,70 – 120,100']);
  await page.keyboard.press('Control+z');
  await expectBoxes(page, ['Slice 1 60,60 – 100,90']);
  await page.keyboard.press('Control+Shift+z');
  await expectBoxes(page, ['Slice 1 80,70 – 120,100']);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectBoxes(page, ['Slice 1 80,70 – 139,119']);
  shown = await canvasPixels(page);
  expect(rgbAt(shown.rgba, shown.width, 140, 120)).toEqual([255, 0, 0]);
  expect(rgbAt(shown.rgba, shown.width, 59, 59)).not.toEqual([255, 0, 0]);

  // Zoomed in and panned, a drag still lands on the same image pixels.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Draw box' }).click();
  await dragImage(page, [150.5, 140.5], [170.5, 155.5]);
  await expectBoxes(page, ['Slice 1 80,70 – 139,119', 'Slice 1 150,140 – 170,155']);
  await page.keyboard.press('Delete');
  await expectBoxes(page, ['Slice 1 80,70 – 139,119']);
});

test('the boxes survive a reload of the page (the session is saved per folder)', async ({ page }) => {
  await open(page);
  await expectBoxes(page, ['Slice 1 80,70 – 139,119']);
  await page.reload();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await expectBoxes(page, ['Slice 1 80,70 – 139,119']);
});

test('importing the sample CSV adds its boxes on the slices it names', async ({ page }) => {
  await open(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(BOXES_CSV);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 6 boxes from boxes.csv.',
  );
  const list = page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button');
  await expect(list).toHaveCount(7);
  await expect(list.filter({ hasText: 'kidney lesion' })).toHaveCount(6);
});

test('the series exports into a typed folder: valid files whose pixels carry the boxes and equal the canvas', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  const lesion = page.getByRole('button', { name: /kidney lesion/ }).first();
  await lesion.click();
  const text = (await lesion.innerText()).replace(/\s+/g, ' ');
  const [, x1, y1, x2, y2] = /(\d+),(\d+) – (\d+),(\d+)/.exec(text)?.map(Number) ?? [];
  expect(x2).toBeGreaterThan(0);
  // The click navigates to the box's slice: read the canvas once that slice is drawn, not before.
  const slice = /Slice (\d+)/.exec(text)?.[1] ?? '';
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', slice);
  const shown = await canvasPixels(page);

  const out = path.join(work, 'export out');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByLabel('Output folder')).toHaveValue(`${study}-dicom-ink`);
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await page.screenshot({ path: 'test-results/export-dialog-1280x800.png' });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 24 images.')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: 'test-results/export-done.png' });

  // One layout with the CLI: <out>/<opened folder's name>/<series folder>/<file>; beside it the output
  // folder's version registry (issue 22).
  const written = path.join(out, path.basename(study), 'series-1');
  expect(readdirSync(out).sort()).toEqual([VERSIONS_FILE_NAME, path.basename(study)]);
  const files = readdirSync(written).sort();
  expect(files).toHaveLength(24);
  await initCodecs();
  for (const name of files) {
    const read = await readDicomFile(path.join(written, name));
    expect(read.ok, name).toBe(true);
  }
  for (const name of [files[0], files[12]]) {
    expect(dciodvfy(path.join(written, name ?? '')).errors).toEqual([]);
  }

  // The exported slice with the selected box: outline red just outside its corners, gray inside, equal to the canvas.
  const exported = await readDicomFile(path.join(written, path.basename(shown.path)));
  if (!exported.ok) throw new Error(exported.reason);
  expect(exported.image.header.pixel.samplesPerPixel).toBe(3);
  const rgb = exported.image.decodeFrame(0).data;
  const at = (x: number, y: number): number[] => {
    const o = (y * shown.width + x) * 3;
    return [rgb[o] ?? -1, rgb[o + 1] ?? -1, rgb[o + 2] ?? -1];
  };
  const [left, top, right, bottom] = [(x1 ?? 0) - 1, (y1 ?? 0) - 1, (x2 ?? 0) + 1, (y2 ?? 0) + 1];
  for (const [x, y] of [
    [left, top],
    [right, bottom],
    [left, bottom],
    [right, top],
  ] as const)
    expect(at(x, y)).toEqual([255, 0, 0]);
  const [r, g, b] = at(Math.round(((x1 ?? 0) + (x2 ?? 0)) / 2), Math.round(((y1 ?? 0) + (y2 ?? 0)) / 2));
  expect(r).toBe(g);
  expect(g).toBe(b);
  let differing = 0;
  for (let i = 0; i < shown.width * shown.height; i++) {
    for (let c = 0; c < 3; c++) if (rgb[i * 3 + c] !== shown.rgba[i * 4 + c]) differing++;
  }
  expect(differing).toBe(0);
});

test('the client maps pointer positions through zoom: image (0,0) sits at the canvas corner', async ({
  page,
}) => {
  await open(page);
  const corner = await imageToClient(page, 0, 0);
  const box = await page.locator(CANVAS).boundingBox();
  expect(corner.x).toBeCloseTo(box?.x ?? -1, 3);
});
