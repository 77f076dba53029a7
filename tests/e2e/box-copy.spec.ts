/**
 * Copying a box across slices (a lesion spans several): to the next slice, to the previous slice and to a
 * typed slice range, each reachable by its accessible name; the copies sit at the same image pixels (box
 * list and burned-in canvas pixels), and one undo removes one copy action.
 */
import { expect, test, type Page } from '@playwright/test';
import { dragImage, expectBoxes, goToFirstSlice } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS, canvasPixels } from './support/pixels';

const sample = sampleStudyApp('box-copy');
const RED = [255, 0, 0];

/**
 * Waits until the canvas shows 1-based slice `n`, then returns its pixels just outside the corners of the
 * box 60,60 – 100,90, where its (outside) outline lies.
 */
async function cornersOnSlice(page: Page, n: number): Promise<number[][]> {
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', String(n));
  const shown = await canvasPixels(page);
  return [
    [59, 59],
    [101, 91],
  ].map(([x = 0, y = 0]) => {
    const o = (y * shown.width + x) * 4;
    return [shown.rgba[o] ?? -1, shown.rgba[o + 1] ?? -1, shown.rgba[o + 2] ?? -1];
  });
}

test('a box copies to the next and previous slice and to a slice range at the same pixels; undo removes each copy', async ({
  page,
}) => {
  await sample.open(page);
  // Slice k = 5: four steps down from the first slice (the series opens on its middle, without findings).
  await goToFirstSlice(page, 12);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '5');
  expect(await cornersOnSlice(page, 5)).not.toContainEqual(RED);

  await page.getByRole('button', { name: 'Draw box' }).click();
  await dragImage(page, [60.5, 60.5], [100.5, 90.5]);
  await expectBoxes(page, ['Slice 5 60,60 – 100,90']);
  expect(await cornersOnSlice(page, 5)).toEqual([RED, RED]);

  const inspector = page.getByRole('region', { name: 'Selected box' });
  await inspector.getByRole('button', { name: 'Copy to next slice' }).click();
  await expectBoxes(page, ['Slice 5 60,60 – 100,90', 'Slice 6 60,60 – 100,90']);
  // The view follows a single copy, so the copy is visible (and can be copied on again).
  expect(await cornersOnSlice(page, 6)).toEqual([RED, RED]);
  await page.screenshot({ path: 'test-results/box-copy-next.png' });

  await page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button').first().click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '5');
  await inspector.getByRole('button', { name: 'Copy to previous slice' }).click();
  await expectBoxes(page, ['Slice 4 60,60 – 100,90', 'Slice 5 60,60 – 100,90', 'Slice 6 60,60 – 100,90']);
  expect(await cornersOnSlice(page, 4)).toEqual([RED, RED]);
  await page.keyboard.press('Control+z');
  await expectBoxes(page, ['Slice 5 60,60 – 100,90', 'Slice 6 60,60 – 100,90']);
  expect(await cornersOnSlice(page, 4)).not.toContainEqual(RED);

  // A range from slice 5 (the box's own, not duplicated) to slice 9.
  await page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button').first().click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '5');
  await inspector.getByLabel('From slice').fill('5');
  await inspector.getByLabel('To slice').fill('9');
  await inspector.getByRole('button', { name: 'Copy to slices' }).click();
  const range = [5, 6, 7, 8, 9].map((n) => `Slice ${n} 60,60 – 100,90`);
  await expectBoxes(page, range);
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    'Copied the box to 3 slices (7–9).',
  );
  for (const n of [9, 8, 7]) {
    await page
      .getByRole('list', { name: 'Boxes in this series' })
      .getByRole('button')
      .nth(n - 5)
      .click();
    expect(await cornersOnSlice(page, n)).toEqual([RED, RED]);
  }
  await page.screenshot({ path: 'test-results/box-copy-range.png' });

  // One undo removes the whole range copy; the view stays on slice 7, which no longer has a box.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectBoxes(page, ['Slice 5 60,60 – 100,90', 'Slice 6 60,60 – 100,90']);
  expect(await cornersOnSlice(page, 7)).not.toContainEqual(RED);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectBoxes(page, ['Slice 5 60,60 – 100,90']);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectBoxes(page, ['Slice 5 60,60 – 100,90', 'Slice 6 60,60 – 100,90']);
});

test('the copy buttons at the ends of the series are disabled, and the range inputs are labelled', async ({
  page,
}) => {
  await sample.open(page);
  await page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button').first().click();
  const inspector = page.getByRole('region', { name: 'Selected box' });
  await expect(inspector.getByLabel('From slice')).toHaveValue('5');
  await expect(inspector.getByLabel('To slice')).toHaveValue('6');
  await page.locator('.stage').focus();
  await page.keyboard.press('Home');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '1');
  await page.getByRole('button', { name: 'Draw box' }).click();
  await dragImage(page, [20.5, 20.5], [40.5, 40.5]);
  await expect(inspector.getByRole('button', { name: 'Copy to previous slice' })).toBeDisabled();
  await expect(inspector.getByRole('button', { name: 'Copy to next slice' })).toBeEnabled();
});

test('the help panel lists every box shortcut, and Escape leaves the draw tool', async ({ page }) => {
  await sample.open(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const [keys, does] of [
    ['B', 'Draw box tool on / off (drag on the image to draw)'],
    ['Delete / Backspace', 'Delete the selected box'],
    ['Ctrl + Z / Ctrl + Shift + Z (or Ctrl + Y)', 'Undo / redo a box edit'],
    ['Escape', 'Leave drawing, clear the selection'],
  ] as const) {
    await expect(
      help.locator('.shortcut').filter({ has: page.getByText(keys, { exact: true }) }),
    ).toContainText(does);
  }
  await help.getByRole('button', { name: 'Close help' }).click();
  await page.keyboard.press('b');
  await expect(page.getByRole('button', { name: 'Draw box' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Draw box' })).toHaveAttribute('aria-pressed', 'false');
});
