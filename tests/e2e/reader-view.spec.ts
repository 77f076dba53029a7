/**
 * The viewer as a reader expects it (issue 25, points 3-8): a series opens on a slice with a finding,
 * the patient direction letters and slice details frame the image, a command acts only on a box on the
 * shown slice, the window in use stands out, a colour image offers no window or drawing (and says why),
 * and the box panel gives the list the height there is without scrolling sideways. Also renders
 * docs/screenshots/viewer-orientation.png and box-panel.png (copied from test-results).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { runCli } from '../helpers/cli-harness';
import { listedBoxes, waitForWholeSample } from './support/box-page';
import { CANVAS } from './support/pixels';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('reader-view');
const BOXES_CSV = path.resolve('assets/sample/boxes.csv');

test.describe.configure({ mode: 'serial' });

const shownSlice = (page: Page) => page.getByTestId('slice-position');

test('a series without findings opens on its middle slice, with findings on its first slice with one', async ({
  page,
}) => {
  await sample.open(page);
  await waitForWholeSample(page);
  await expect(shownSlice(page)).toHaveText('Slice 12 / 24');
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(BOXES_CSV);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 6 boxes from boxes.csv.',
  );
  const first = (await listedBoxes(page))[0] ?? '';
  const slice = /^Slice (\d+)/.exec(first)?.[1];
  expect(slice).toBe('11');
  // Opened again (the boxes come back from the session): straight to the first slice with a finding.
  await page.reload();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', slice ?? '');
  await expect(shownSlice(page)).toHaveText(`Slice ${slice} / 24`);
  await expect(page.getByRole('button', { name: /^Slice 11 · kidney lesion/ })).toBeVisible();
});

test('the image shows the patient direction at its edges, where the slice lies and the file window; I hides them', async ({
  page,
}) => {
  await sample.open(page);
  // The sample is axial, Image Orientation (Patient) 1\0\0\0\1\0.
  for (const [edge, letter] of [
    ['left', 'R'],
    ['right', 'L'],
    ['top', 'A'],
    ['bottom', 'P'],
  ] as const)
    await expect(page.getByTestId(`orientation-${edge}`)).toHaveText(letter);
  await expect(page.getByTestId('slice-place')).toHaveText(/^Loc -?\d+(\.\d+)? mm · Thk \d+(\.\d+)? mm$/);
  await expect(page.getByTestId('file-window')).toHaveText(/^File W \d+ L -?\d+$/);
  await page.screenshot({ path: 'test-results/viewer-orientation-1280x800.png' });
  await page.locator('.stage').focus();
  await page.keyboard.press('i');
  await expect(page.getByTestId('orientation-left')).toHaveCount(0);
  await expect(page.getByTestId('slice-place')).toHaveCount(0);
  await page.keyboard.press('i');
  await expect(page.getByTestId('orientation-left')).toHaveText('R');
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Image details on / off',
  );
});

test('Delete and the inspector act only on a box selected on the shown slice', async ({ page }) => {
  await sample.open(page);
  // The boxes imported by the first test come back with the session: wait for them, then count.
  await expect.poll(async () => (await listedBoxes(page)).length).toBeGreaterThan(1);
  const before = await listedBoxes(page);
  await page.getByRole('button', { name: /^Slice 11 · kidney lesion/ }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '11');
  await expect(page.getByRole('region', { name: 'Selected box' })).toBeVisible();
  // Two slices on: the box of slice 11 is not shown, so nothing is selected here.
  await page.locator('.stage').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '13');
  await expect(page.getByRole('region', { name: 'Selected box' })).toHaveCount(0);
  await expect(page.getByText('No box selected on this slice.')).toBeVisible();
  await page.keyboard.press('Delete');
  expect(await listedBoxes(page)).toEqual(before);
  // Back on slice 11 the box is selected again, and Delete removes it.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('region', { name: 'Selected box' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await listedBoxes(page)).length).toBe(before.length - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await listedBoxes(page)).length).toBe(before.length);
});

test('the window in use stands out from the other presets', async ({ page }) => {
  await sample.open(page);
  const presets = page.getByRole('group', { name: 'Window presets' });
  await presets.getByRole('button', { name: 'Abdomen' }).click();
  const active = presets.getByRole('button', { name: 'Abdomen' });
  await expect(active).toHaveAttribute('aria-pressed', 'true');
  const look = (name: string) =>
    presets.getByRole('button', { name, exact: true }).evaluate((b) => {
      const style = getComputedStyle(b);
      return { background: style.backgroundColor, weight: style.fontWeight };
    });
  const on = await look('Abdomen');
  const off = await look('Lung');
  expect(on.background).toBe('rgb(78, 161, 255)');
  expect(off.background).not.toBe(on.background);
  expect(Number(on.weight)).toBeGreaterThanOrEqual(700);
  await page.screenshot({
    path: 'test-results/active-preset.png',
    clip: { x: 0, y: 0, width: 1280, height: 60 },
  });
});

test('the box panel: the list takes the height there is, long entries wrap, nothing scrolls sideways', async ({
  page,
}) => {
  await sample.open(page);
  await page
    .getByLabel('Import masks (NIfTI')
    .setInputFiles([
      path.resolve('assets/sample/lesion-mask.nii.gz'),
      path.resolve('assets/sample/lesion-mask.json'),
    ]);
  const report = page.getByRole('status').filter({ hasText: 'Imported' });
  await expect(report).toBeVisible();
  await expect(report).toBeInViewport();
  const panel = page.getByRole('complementary', { name: 'Boxes' });
  const sizes = await panel.evaluate((p) => ({ scroll: p.scrollWidth, client: p.clientWidth }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  // With no box selected (no inspector), the list takes the rest of the panel's height.
  await page.locator('.stage').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Selected box' })).toHaveCount(0);
  const list = page.getByRole('list', { name: 'Boxes in this series' });
  const listBox = await list.boundingBox();
  const panelBox = await panel.boundingBox();
  // The list is no longer held to a fixed height (220 px, about five rows): it reaches down to the
  // panel's foot, leaving only the one line that says no box is selected.
  expect(listBox && panelBox).toBeTruthy();
  if (listBox && panelBox) {
    const gapBelow = panelBox.y + panelBox.height - (listBox.y + listBox.height);
    expect(gapBelow).toBeLessThan(40);
    expect(listBox.height).toBeGreaterThan(150);
  }
  const panelFits = await panel.evaluate((p) => p.scrollHeight <= p.clientHeight + 1);
  expect(panelFits).toBe(true);
  // Every entry reads whole, by wrapping, with the whole text on hover.
  const item = list.getByRole('button').first();
  await expect(item).toHaveAttribute('title', /^Slice \d+ · /);
  const fits = await item.evaluate((b) => b.scrollWidth <= b.clientWidth);
  expect(fits).toBe(true);
  await page.screenshot({ path: 'test-results/box-panel-1280x800.png' });
});

test('a colour image: presets, width/level and drawing are disabled and say why', async ({ page }) => {
  const colour = path.join(sample.work, 'colour');
  const run = runCli(['convert', path.join(sample.study, 'series-1', 'IM0013'), '--out', colour, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  await sample.open(page);
  await page.getByLabel('Folder path').fill(colour);
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-path', new RegExp(colour.replace(/[/\\.]/g, '.')));
  await expect(page.getByTestId('window-readout')).toHaveText('No window (colour image)');
  const presets = page.getByRole('group', { name: 'Window presets' });
  await expect(presets.getByRole('button', { name: 'Auto' })).toBeDisabled();
  await expect(presets.getByRole('button', { name: 'Lung' })).toBeDisabled();
  await expect(presets.getByRole('button', { name: 'Lung' })).toHaveAttribute('title', /colour image/);
  await expect(page.getByRole('group', { name: 'Window width and level' })).toHaveAttribute(
    'title',
    /colour image/,
  );
  const draw = page.getByRole('button', { name: 'Draw box' });
  await expect(draw).toBeDisabled();
  await expect(draw).toHaveAttribute('title', /drawing apply to grayscale images only/);
  await page.locator('.stage').focus();
  await page.keyboard.press('b');
  await expect(draw).toHaveAttribute('aria-pressed', 'false');
});
