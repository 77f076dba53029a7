/// <reference lib="dom" />
/** Pointer helpers for the box editor: image pixels -> client coordinates through the canvas's bounding box. */
import { expect, type Page } from '@playwright/test';
import { CANVAS } from './pixels';

export async function imageToClient(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator(CANVAS).boundingBox();
  const size = await page.locator(CANVAS).evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
  if (!box) throw new Error('the image canvas is not on screen');
  return { x: box.x + (x * box.width) / size.w, y: box.y + (y * box.height) / size.h };
}

/** Drags from one image point to another in small steps, as a person would. */
export async function dragImage(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const a = await imageToClient(page, ...from);
  const b = await imageToClient(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/** The box list's entries as text, e.g. "Slice 1 · 60,60 – 100,90". */
export async function listedBoxes(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Boxes in this series' }).getByRole('button');
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

export async function expectBoxes(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => listedBoxes(page)).toEqual(expected);
}

/**
 * Waits until the sample series is listed whole (24 slices): a box file imported while a fresh app is still
 * scanning would find only the slices read so far.
 */
export async function waitForWholeSample(page: Page): Promise<void> {
  await expect(page.getByText(/CT · 24 images/)).toBeVisible();
}

/**
 * Waits until the series has opened on the slice it opens on (`opening`, 1-based: the first slice with a
 * finding, or the middle one), then goes to the first slice with Home.
 */
export async function goToFirstSlice(page: Page, opening: number): Promise<void> {
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', String(opening));
  await page.locator('.stage').focus();
  await page.keyboard.press('Home');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '1');
}
