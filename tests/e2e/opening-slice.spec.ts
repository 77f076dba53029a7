/**
 * A series opens on its first slice with a finding, and the findings come with the folder's session,
 * which may arrive after the series is shown. The session's request is held (Playwright routing), so
 * "after" does not depend on the machine's speed: without a move the series goes to the finding's slice
 * when the session arrives; a slice the reader went to before then is kept.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('opening-slice');
const SESSION_LOAD = '**/api/invoke/session:load';

const position = (page: Page) => page.getByTestId('slice-position');
/** Enabled once the folder's session (settings and boxes) has arrived. */
const sessionShown = (page: Page) =>
  expect(page.getByRole('checkbox', { name: 'Show labels' })).toBeEnabled();

/** Opens the app with the session's request held until the returned function is called. */
async function openHoldingSession(page: Page): Promise<() => Promise<void>> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(SESSION_LOAD, async (route) => {
    await held;
    await route.continue();
  });
  await sample.open(page);
  return async () => {
    const arrived = page.waitForResponse((r) => r.url().includes('/api/invoke/session:load'));
    release();
    await arrived;
    await sessionShown(page);
    await page.unroute(SESSION_LOAD);
  };
}

test.beforeAll(async ({ browser }) => {
  // The folder's session holds the sample's boxes (slices 11 to 16).
  const page = await browser.newPage();
  await sample.open(page);
  const saved = page.waitForResponse((r) => r.url().includes('/api/invoke/session:save'));
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(path.resolve('assets/sample/boxes.csv'));
  await saved;
  await page.close();
});

test("the findings arriving late move an untouched series to the first finding's slice", async ({ page }) => {
  const release = await openHoldingSession(page);
  await expect(position(page)).toHaveText('Slice 12 / 24');
  await release();
  await expect(position(page)).toHaveText('Slice 11 / 24');
});

test('a slice the reader went to before the findings arrived is kept', async ({ page }) => {
  const release = await openHoldingSession(page);
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText('Slice 24 / 24');
  await release();
  await expect(position(page)).toHaveText('Slice 24 / 24');
  // and the reader's next move goes on from there
  await page.keyboard.press('PageUp');
  await expect(position(page)).toHaveText('Slice 14 / 24');
});
