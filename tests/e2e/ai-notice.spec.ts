/**
 * Issue 24 in the app: the AI notice chosen in the Export dialog (automatic, none, own text) is burned
 * by the viewer exactly as the export writes it, and the algorithm of an imported findings file (read
 * from a COCO file's info, edited under "Findings files") names the export's Contributing Equipment,
 * Series Description and notice. Also renders docs/screenshots/ai-notice.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { waitForWholeSample } from './support/box-page';
import { CANVAS, canvasPixels, type CanvasPixels } from './support/pixels';
import { changedBounds as changedRegion, type Bounds } from '../helpers/changed-bounds';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('ai-notice');
const { work } = sample;
const OWN_TEXT = 'AI DRAFT - CHECK';

test.describe.configure({ mode: 'serial' });

/** The rectangle holding every pixel that differs between two canvases of one slice (RGB only). */
function changedBounds(a: CanvasPixels, b: CanvasPixels): Bounds | undefined {
  return changedRegion(a.rgba, b.rgba, a.width, 4);
}

/** The canvas once it has been drawn again after `before` (a choice in the dialog redraws it). */
async function redrawnCanvas(page: Page, before: string | null): Promise<CanvasPixels> {
  await expect(page.locator(CANVAS)).not.toHaveAttribute('data-draw-count', before ?? '');
  return canvasPixels(page);
}

/** The RGB pixels of an exported copy, as RGBA to compare with a canvas. */
async function exportedRgba(file: string): Promise<Uint8Array> {
  await initCodecs();
  const read = await readDicomFile(file);
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  const rgb = read.image.decodeFrame(0).data;
  const rgba = new Uint8Array((rgb.length / 3) * 4);
  for (let p = 0; p < rgb.length / 3; p++) {
    rgba.set([rgb[p * 3] ?? 0, rgb[p * 3 + 1] ?? 0, rgb[p * 3 + 2] ?? 0, 255], p * 4);
  }
  return rgba;
}

function filesNamed(root: string, name: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === name)
    .map((e) => path.join(e.parentPath, e.name));
}

/** A findings file's line in the box panel (its name and the algorithm it names); a click opens it. */
function fileLine(page: Page, file: string) {
  return page.getByRole('region', { name: 'Findings files' }).locator('summary').filter({ hasText: file });
}

interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the burned-in notice lies on screen (CSS pixels): the canvas's data-notice, at its drawn scale. */
async function noticeOnScreen(page: Page): Promise<ScreenRect> {
  const canvas = page.locator(CANVAS);
  const [x = 0, y = 0, width = 0, height = 0] = ((await canvas.getAttribute('data-notice')) ?? '')
    .split(' ')
    .map(Number);
  const box = await canvas.boundingBox();
  const columns = await canvas.evaluate((c: HTMLCanvasElement) => c.width);
  if (!box || width === 0) throw new Error('no notice on the canvas');
  const scale = box.width / columns;
  return { x: box.x + x * scale, y: box.y + y * scale, width: width * scale, height: height * scale };
}

function overlapping(a: ScreenRect, b: ScreenRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The viewer's own texts (corners, orientation letters) that lie over `area` on screen. */
async function overlayTextsOver(page: Page, area: ScreenRect): Promise<string[]> {
  const over: string[] = [];
  for (const text of await page.locator('.overlay > div').all()) {
    const box = await text.boundingBox();
    if (box && box.width > 0 && overlapping(box, area))
      over.push((await text.innerText()).replace(/\s+/g, ' '));
  }
  return over;
}

/** Slice 13 shown once the folder's session (its boxes) is loaded, so the canvas burns its findings. */
async function showSlice13(page: Page): Promise<void> {
  const listed = page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button');
  await expect(listed.filter({ hasText: 'Slice 13' }).first()).toBeVisible();
  await page.locator('.stage').focus();
  await page.keyboard.press('Home');
  for (let i = 1; i < 13; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '13');
}

test("the viewer burns the dialog's notice choice, and the exported copy holds exactly the canvas's pixels", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(sample.app.url);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(path.resolve('assets/sample/boxes.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('6 boxes');
  // The file is listed with its algorithm (a box table names none).
  await expect(fileLine(page, 'boxes.csv')).toHaveText(/boxes\.csv\s*algorithm: none named/);
  await showSlice13(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const notice = dialog.getByRole('radiogroup', { name: 'AI notice' });
  // The default is the automatic line, as the CLI's.
  await expect(notice.getByRole('radio', { name: /Automatic/ })).toBeChecked();
  const auto = await canvasPixels(page);
  let count = await page.locator(CANVAS).getAttribute('data-draw-count');
  await notice.getByRole('radio', { name: 'None' }).check();
  const none = await redrawnCanvas(page, count);
  count = await page.locator(CANVAS).getAttribute('data-draw-count');
  await notice.getByRole('radio', { name: 'Own text' }).check();
  await notice.getByLabel('Notice text').fill(OWN_TEXT);
  await expect(notice.getByLabel('Notice text')).toHaveValue(OWN_TEXT);
  const own = await redrawnCanvas(page, count);

  // Each notice is one short strip in one corner of the slice; without a notice nothing else differs.
  for (const shown of [auto, own]) {
    const bounds = changedBounds(none, shown);
    expect(bounds).toBeDefined();
    const b = bounds as Bounds;
    expect(b.y2 - b.y1).toBeLessThan(40);
    const top = b.y1 <= 8;
    const bottom = b.y2 >= none.height - 9;
    const left = b.x1 <= 8;
    const right = b.x2 >= none.width - 9;
    expect((top || bottom) && (left || right), JSON.stringify(b)).toBe(true);
  }
  // The own text is not the automatic line.
  expect(changedBounds(auto, own)).toBeDefined();

  const out = path.join(work, 'own-text');
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /This image/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 1 image.')).toBeVisible({ timeout: 120_000 });
  const [copy] = filesNamed(out, path.basename(own.path));
  const exported = await exportedRgba(copy ?? '');
  expect(exported.length).toBe(own.rgba.length);
  // Every pixel, the notice's strip included, is the canvas's.
  const differing = exported.reduce((n, v, i) => n + (v === own.rgba[i] ? 0 : 1), 0);
  expect(differing).toBe(0);
  expect(changedBounds(none, { ...own, rgba: exported })).toEqual(changedBounds(none, own));
});

test('the algorithm of an imported COCO file is shown, edited per file and named by the export (pydicom)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const coco = path.join(work, 'detector.json');
  writeFileSync(
    coco,
    JSON.stringify({
      info: { description: 'CocoNet', version: '0.9', contributor: 'Coco Labs' },
      images: [{ id: 1, file_name: 'series-1/IM0013' }],
      annotations: [{ image_id: 1, bbox: [60, 60, 30, 30], category_id: 1 }],
      categories: [{ id: 1, name: 'cyst' }],
    }),
  );
  await page.goto(sample.app.url);
  await waitForWholeSample(page);
  // The list is kept with the folder's session: boxes.csv, imported by the first test, is still there.
  await expect(fileLine(page, 'boxes.csv')).toBeVisible();
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(coco);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 box');
  const files = page.getByRole('region', { name: 'Findings files' });
  // Each file's line shows what it names; opened, its fields can set or correct it.
  await expect(fileLine(page, 'detector.json')).toHaveText(
    /detector\.json\s*algorithm: CocoNet 0\.9, Coco Labs/,
  );
  await fileLine(page, 'detector.json').click();
  await fileLine(page, 'boxes.csv').click();
  const detector = files.getByRole('group', { name: 'Algorithm of detector.json' });
  await expect(detector.getByLabel('Algorithm')).toHaveValue('CocoNet');
  await expect(detector.getByLabel('Version')).toHaveValue('0.9');
  await expect(detector.getByLabel('Maker')).toHaveValue('Coco Labs');
  // boxes.csv (from the first test, same session) names no algorithm; the user names it the same.
  const csv = files.getByRole('group', { name: 'Algorithm of boxes.csv' });
  await csv.getByLabel('Algorithm').fill('KidneyNet');
  await expect(files.getByRole('alert')).toContainText('name different algorithms');
  await csv.getByLabel('Algorithm').fill('');
  await expect(files.getByRole('alert')).toHaveCount(0);
  await detector.getByLabel('Version').fill('1.0');
  await detector.getByLabel('Maker').fill('Coco Labs GmbH');
  await expect(fileLine(page, 'detector.json')).toHaveText(/CocoNet 1\.0, Coco Labs GmbH/);

  await showSlice13(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  // The first test's choice (own text) is kept with the folder's session, through the reload.
  const kept = dialog.getByRole('radiogroup', { name: 'AI notice' });
  await expect(kept.getByRole('radio', { name: 'Own text' })).toBeChecked();
  await expect(kept.getByLabel('Notice text')).toHaveValue(OWN_TEXT);
  await kept.getByRole('radio', { name: /Automatic/ }).check();
  await expect(dialog.getByTestId('export-algorithm')).toHaveText('Algorithm: CocoNet 1.0 by Coco Labs GmbH');
  const out = path.join(work, 'algorithm');
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /This image/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 1 image.')).toBeVisible({ timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const [copy] = filesNamed(out, 'IM0013');
  const read = `
import json, sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
items = [[i.Manufacturer, i.ManufacturerModelName, i.get('SoftwareVersions', ''),
          [[c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning] for c in i.PurposeOfReferenceCodeSequence]]
         for i in ds.ContributingEquipmentSequence]
print(json.dumps({'items': items, 'series': ds.SeriesDescription}))
`;
  const dataset = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', read, copy ?? ''], { encoding: 'utf8' }),
  ) as { items: unknown[][]; series: string };
  expect(dataset.items[0]).toEqual([
    'Coco Labs GmbH',
    'CocoNet',
    '1.0',
    [['Newcode1', '99IHE', 'Processing Algorithm']],
  ]);
  expect(dataset.items[1]?.[3]).toEqual([['109103', 'DCM', 'Modifying Equipment']]);
  expect(dataset.series).toContain('AI CocoNet 1.0');

  // The viewer shows the notice the copy carries, here with the algorithm the user set.
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '13');
  const shown = await canvasPixels(page);
  const exported = await exportedRgba(copy ?? '');
  expect(exported.reduce((n, v, i) => n + (v === shown.rgba[i] ? 0 : 1), 0)).toBe(0);
  // Fitted to the stage, the image's corners lie under the viewer's corner texts: the text over the
  // notice's corner moves off it, so the notice is never hidden (it was, before).
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-notice', /^\d+ \d+ \d+ \d+$/);
  const notice = await noticeOnScreen(page);
  expect(await overlayTextsOver(page, notice)).toEqual([]);
  // The screenshot: labels shown, nothing selected, the image smaller than the stage so the viewer's
  // corner texts do not cover the image's corners.
  await fileLine(page, 'boxes.csv').click();
  await page.getByRole('checkbox', { name: 'Show labels' }).check();
  await page.locator('.stage').focus();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.screenshot({ path: 'docs/screenshots/ai-notice.png' });

  // The COCO file's only box deleted: the file no longer names the export's algorithm (boxes.csv names none).
  await page
    .getByRole('list', { name: 'Boxes in this series' })
    .getByRole('button', { name: /Slice 13 · cyst/ })
    .click();
  await page.locator('.stage').focus();
  await page.keyboard.press('Delete');
  await expect(
    page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button', { name: /cyst/ }),
  ).toHaveCount(0);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' }).getByTestId('export-algorithm')).toHaveText(
    /^Algorithm: none named/,
  );
});
