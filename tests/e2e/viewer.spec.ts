/** The bundled sample study in browser mode: library, drawing through the shared pipeline, presets, navigation. */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { launchApp, type RunningApp } from './support/launch-app';
import { goToFirstSlice } from './support/box-page';
import { CANVAS, canvasPixels, differingBytes, engineRgba } from './support/pixels';

const SAMPLE = path.resolve('assets/sample');
let app: RunningApp;

test.beforeAll(async () => {
  app = await launchApp([SAMPLE]);
});
test.afterAll(async () => {
  await app.stop();
});

async function openSample(page: Page): Promise<void> {
  await page.goto(app.url);
  await expect(
    page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /24 images/ }),
  ).toBeVisible();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
}

/** Waits until the canvas shows `slice` (1-based) of 24 and returns its pixels. */
async function pixelsAt(page: Page, slice: number) {
  await expect(page.getByTestId('slice-position')).toHaveText(`Slice ${slice} / 24`);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', String(slice));
  await expect(page.locator(CANVAS)).toHaveAccessibleName(`Slice ${slice} of 24`);
  return canvasPixels(page);
}

test('the sample opens with its series listed and, without findings, its middle image drawn', async ({
  page,
}) => {
  await openSample(page);
  const series = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /24 images/ });
  await expect(series).toContainText('CT');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const shown = await pixelsAt(page, 12);
  expect(shown.width).toBe(256);
  expect(shown.height).toBe(256);
  const greys = new Set<number>();
  for (let i = 0; i < shown.rgba.length; i += 4) greys.add(shown.rgba[i] ?? 0);
  // A phantom drawn with the file's window has many grey levels, not a blank canvas.
  expect(greys.size).toBeGreaterThan(20);
  await page.screenshot({ path: 'test-results/viewer-sample-1280x800.png' });
});

test('each preset redraws the canvas with exactly the engine pixels for that window', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  const auto = await pixelsAt(page, 11);
  expect(differingBytes(auto.rgba, await engineRgba(auto.path, auto.frame, { kind: 'auto' }))).toBe(0);

  const seen: Uint8Array[] = [auto.rgba];
  for (const [name, width, center] of [
    ['Abdomen', 400, 50],
    ['Lung', 1500, -600],
    ['Bone', 1800, 400],
    ['Brain', 80, 40],
  ] as const) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('window-readout')).toHaveText(`W ${width} L ${center}`);
    const shown = await canvasPixels(page);
    expect(shown.path).toBe(auto.path);
    const expected = await engineRgba(shown.path, shown.frame, { kind: 'preset', name });
    expect(differingBytes(shown.rgba, expected)).toBe(0);
    // Every window gives a different picture of the same slice.
    for (const before of seen) expect(differingBytes(shown.rgba, before)).toBeGreaterThan(1000);
    seen.push(shown.rgba);
  }
  await page.screenshot({ path: 'test-results/viewer-brain-preset.png' });
});

test('the wheel, arrow keys, Page Up/Down, Home and End change the slice', async ({ page }) => {
  await openSample(page);
  await goToFirstSlice(page, 12);
  const first = await pixelsAt(page, 1);
  await page.locator('.stage').hover();
  await page.mouse.wheel(0, 120);
  const second = await pixelsAt(page, 2);
  expect(second.path).not.toBe(first.path);
  expect(differingBytes(second.rgba, first.rgba)).toBeGreaterThan(0);
  await page.mouse.wheel(0, -120);
  expect((await pixelsAt(page, 1)).path).toBe(first.path);
  await page.keyboard.press('ArrowDown');
  await pixelsAt(page, 2);
  await page.keyboard.press('PageDown');
  await pixelsAt(page, 12);
  await page.keyboard.press('PageUp');
  await pixelsAt(page, 2);
  await page.keyboard.press('End');
  await pixelsAt(page, 24);
  await page.keyboard.press('ArrowDown');
  await pixelsAt(page, 24);
  await page.keyboard.press('Home');
  await pixelsAt(page, 1);
});

test('slices follow ImagePositionPatient along the normal, whatever the file names', async ({ page }) => {
  await openSample(page);
  await goToFirstSlice(page, 12);
  const positions: number[] = [];
  for (let slice = 1; slice <= 24; slice++) {
    const shown = await pixelsAt(page, slice);
    const read = await import('../../src/main/dicom/read-dicom').then((m) =>
      m.readDicomFile(shown.path, { headerOnly: true }),
    );
    if (!read.ok) throw new Error(read.reason);
    const ipp = read.image.header.imagePositionPatient ?? [];
    positions.push(ipp[2] ?? Number.NaN);
    await page.keyboard.press('ArrowDown');
  }
  const steps = positions.slice(1).map((z, i) => z - (positions[i] ?? 0));
  // Monotonic along z: every step has the same sign and no slice repeats.
  expect(new Set(steps.map(Math.sign)).size).toBe(1);
  expect(steps.every((step) => Math.abs(step) > 0)).toBe(true);
});

test('width/level inputs, dragging and Auto set the window', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Abdomen', exact: true }).click();
  await expect(page.getByTestId('window-readout')).toHaveText('W 400 L 50');
  await page.getByRole('spinbutton', { name: 'Width' }).fill('200');
  await expect(page.getByTestId('window-readout')).toHaveText('W 200 L 50');
  await page.getByRole('spinbutton', { name: 'Level' }).fill('-20');
  await expect(page.getByTestId('window-readout')).toHaveText('W 200 L -20');
  const custom = await canvasPixels(page);
  expect(
    differingBytes(
      custom.rgba,
      await engineRgba(custom.path, custom.frame, { kind: 'custom', center: -20, width: 200 }),
    ),
  ).toBe(0);

  const stage = page.locator('.stage');
  const box = await stage.boundingBox();
  if (!box) throw new Error('viewport not laid out');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 50, { steps: 5 });
  await page.mouse.up();
  // Width 200 + 100 px and level -20 + 50 px, one unit per pixel below width 256 (dragWindow).
  await expect(page.getByTestId('window-readout')).toHaveText('W 300 L 30');

  await page.getByRole('button', { name: 'Auto', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Auto', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const auto = await canvasPixels(page);
  expect(differingBytes(auto.rgba, await engineRgba(auto.path, auto.frame, { kind: 'auto' }))).toBe(0);
});

test('zoom, pan and fit move the image without changing its pixels', async ({ page }) => {
  await openSample(page);
  const canvas = page.locator(CANVAS);
  const fitted = await canvas.boundingBox();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await canvas.boundingBox();
  expect(zoomed?.width).toBeCloseTo((fitted?.width ?? 0) * 1.25, 0);
  await page.keyboard.down('Shift');
  const stage = await page.locator('.stage').boundingBox();
  if (!stage) throw new Error('viewport not laid out');
  await page.mouse.move(stage.x + 200, stage.y + 200);
  await page.mouse.down();
  await page.mouse.move(stage.x + 260, stage.y + 230, { steps: 3 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const panned = await canvas.boundingBox();
  expect((panned?.x ?? 0) - (zoomed?.x ?? 0)).toBeCloseTo(60, 0);
  expect((panned?.y ?? 0) - (zoomed?.y ?? 0)).toBeCloseTo(30, 0);
  await page.getByRole('button', { name: 'Fit' }).click();
  expect((await canvas.boundingBox())?.width).toBeCloseTo(fitted?.width ?? 0, 0);
});

test('the help panel lists the keyboard shortcuts', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Page Up / Page Down');
  await expect(help).toContainText('Mouse wheel');
  await page.screenshot({ path: 'test-results/viewer-help.png' });
  await page.getByRole('button', { name: 'Close help' }).click();
  await expect(help).toHaveCount(0);
});
