/**
 * Labels and scores as a reader sees them: two neighbouring findings' labels ("left kidney" / "right
 * kidney") sit apart on the canvas and in the exported pixels (which equal the canvas byte for byte), the
 * score is listed and burned, and the minimum score hides a weak box in the view and in the export alike.
 * Also renders docs/screenshots/viewer-boxes.png from the bundled sample.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { layoutLabels, overlaps } from '../../src/shared/boxes/label-layout';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { listedBoxes, waitForWholeSample } from './support/box-page';
import { launchApp } from './support/launch-app';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS, canvasPixels } from './support/pixels';

const sample = sampleStudyApp('labels');
const { work, study } = sample;
const csv = path.join(work, 'kidneys.csv');
const LEFT = { x1: 40, y1: 120, x2: 100, y2: 170 };
const RIGHT = { x1: 104, y1: 120, x2: 160, y2: 170 };
const WEAK = { x1: 190, y1: 40, x2: 220, y2: 70 };

test.beforeAll(async () => {
  const row = (b: typeof LEFT, label: string, score: number) =>
    `series-1/IM0012,1,${b.x1},${b.y1},${b.x2},${b.y2},${label},${score},ffcc00,2`;
  writeFileSync(
    csv,
    [
      'file,frame,x1,y1,x2,y2,label,score,color,thickness',
      row(LEFT, 'left kidney', 0.91),
      row(RIGHT, 'right kidney', 0.88),
      row(WEAK, 'cyst', 0.42),
    ].join('\n'),
  );
});

const YELLOW = [255, 204, 0];
test.describe.configure({ mode: 'serial' });
function rgbaAt(rgba: Uint8Array, width: number, x: number, y: number): number[] {
  const o = (y * width + x) * 4;
  return [rgba[o] ?? -1, rgba[o + 1] ?? -1, rgba[o + 2] ?? -1];
}

async function openOnSlice12(page: Page): Promise<void> {
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(csv);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 3 boxes from kidneys.csv.',
  );
  await page.getByRole('button', { name: /left kidney/ }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '12');
}

async function exportThisImage(page: Page, out: string): Promise<ArrayLike<number>> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /This image/ }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Labels' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 1 image.')).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await initCodecs();
  // One layout with the CLI: <out>/<opened folder's name>/<series folder>/<file>.
  const read = await readDicomFile(path.join(out, path.basename(study), 'series-1', 'IM0012'));
  if (!read.ok) throw new Error(read.reason);
  return read.image.decodeFrame(0).data;
}

test('neighbouring labels never overlap, carry the score, and the export equals the canvas', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openOnSlice12(page);
  expect(await listedBoxes(page)).toEqual([
    'Slice 12 · left kidney · 0.91 40,120 – 100,170',
    'Slice 12 · right kidney · 0.88 104,120 – 160,170',
    'Slice 12 · cyst · 0.42 190,40 – 220,70',
  ]);
  await expect(page.getByRole('region', { name: 'Selected box' })).toContainText('Score 0.91');
  await page.getByRole('checkbox', { name: 'Show labels' }).check();

  // The layout the viewer and the export share: both labels placed, apart.
  const boxes = [LEFT, RIGHT, WEAK].map((b, i) => ({
    ...b,
    thickness: 2,
    label: ['left kidney', 'right kidney', 'cyst'][i] ?? '',
    score: [0.91, 0.88, 0.42][i] ?? 0,
  }));
  const layout = layoutLabels({ columns: 256, rows: 256 }, boxes);
  expect(layout.placed.map((l) => l.text).sort()).toEqual([
    'cyst 0.42',
    'left kidney 0.91',
    'right kidney 0.88',
  ]);
  const [a, b] = layout.placed.filter((l) => l.text.includes('kidney'));
  if (!a || !b) throw new Error('both kidney labels must be placed');
  expect(overlaps(a, b)).toBe(false);

  // Each strip is on the canvas: black, with glyphs in the box colour, and nothing else.
  const strip = (rgba: Uint8Array, label: (typeof layout.placed)[number]) => {
    let black = 0;
    let glyph = 0;
    for (let y = label.y; y < label.y + label.height; y++) {
      for (let x = label.x; x < label.x + label.width; x++) {
        const px = rgbaAt(rgba, 256, x, y);
        if (px.every((c) => c === 0)) black++;
        else if (px.join() === YELLOW.join()) glyph++;
      }
    }
    return { other: label.width * label.height - black - glyph, glyph };
  };
  await expect.poll(async () => strip((await canvasPixels(page)).rgba, a).glyph).toBeGreaterThan(0);
  const shown = await canvasPixels(page);
  for (const label of layout.placed) {
    expect(strip(shown.rgba, label).other, label.text).toBe(0);
    expect(strip(shown.rgba, label).glyph, label.text).toBeGreaterThan(0);
  }

  const rgb = await exportThisImage(page, path.join(work, 'out-labels'));
  let differing = 0;
  for (let i = 0; i < shown.width * shown.height; i++)
    for (let c = 0; c < 3; c++) if (rgb[i * 3 + c] !== shown.rgba[i * 4 + c]) differing++;
  expect(differing).toBe(0);
});

test('the minimum score hides a weak box in the view and leaves it out of the export', async ({ page }) => {
  test.setTimeout(120_000);
  await sample.open(page);
  await page.getByRole('button', { name: /left kidney/ }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '12');
  // The outline lies just outside each box: its corner pixel is one up and left of the box's.
  let shown = await canvasPixels(page);
  expect(rgbaAt(shown.rgba, shown.width, WEAK.x1 - 1, WEAK.y1 - 1)).toEqual(YELLOW);

  await page.getByLabel('Minimum score (view and export)').fill('0.5');
  await expect(page.getByRole('button', { name: /cyst/ })).toContainText('hidden (below 0.50)');
  await expect
    .poll(async () => {
      shown = await canvasPixels(page);
      return rgbaAt(shown.rgba, shown.width, WEAK.x1 - 1, WEAK.y1 - 1);
    })
    .not.toEqual(YELLOW);
  expect(rgbaAt(shown.rgba, shown.width, LEFT.x1 - 1, LEFT.y1 - 1)).toEqual(YELLOW);

  const rgb = await exportThisImage(page, path.join(work, 'out-min-score'));
  const at = (x: number, y: number) => {
    const o = (y * shown.width + x) * 3;
    return [rgb[o], rgb[o + 1], rgb[o + 2]];
  };
  expect(at(WEAK.x1 - 1, WEAK.y1 - 1)).not.toEqual(YELLOW);
  expect(at(LEFT.x1 - 1, LEFT.y1 - 1)).toEqual(YELLOW);
  let differing = 0;
  for (let i = 0; i < shown.width * shown.height; i++)
    for (let c = 0; c < 3; c++) if (rgb[i * 3 + c] !== shown.rgba[i * 4 + c]) differing++;
  expect(differing).toBe(0);
});

test('screenshot: the sample study with its boxes and labels', async ({ page }) => {
  const fresh = await launchApp([path.resolve('assets/sample/abdomen-ct')], 30_000, {
    ...process.env,
    XDG_DATA_HOME: path.join(work, 'data-shot'),
  });
  try {
    await page.goto(fresh.url);
    await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
    await page.getByRole('button', { name: 'Abdomen', exact: true }).click();
    await waitForWholeSample(page);
    await page
      .getByLabel('Import boxes (CSV or JSON)')
      .setInputFiles(path.resolve('assets/sample/boxes.csv'));
    await page.getByRole('checkbox', { name: 'Show labels' }).check();
    await page.getByRole('button', { name: /Slice 13 · kidney lesion/ }).click();
    await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '13');
    // One step smaller than the fit, so the viewer's corner texts leave the image's corners (and the AI
    // notice burned into one of them) visible.
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.screenshot({ path: 'test-results/viewer-boxes.png' });
  } finally {
    await fresh.stop();
  }
});
