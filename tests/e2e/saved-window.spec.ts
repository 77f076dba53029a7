/**
 * A folder's saved window comes back with its session, and a window the reader picks while the session
 * is still loading is kept: the session arriving late must not put back the window saved last time.
 * The session's request is held (Playwright routing) so "late" does not depend on the machine's speed.
 */
import { expect, test, type Page } from '@playwright/test';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('saved-window');
const open = (page: Page): Promise<void> => sample.open(page);

const readout = (page: Page) => page.getByTestId('window-readout');
const preset = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test("the folder's saved window is restored; one chosen while the session loads is kept and saved", async ({
  page,
}) => {
  // Save Bone as the folder's window (sessions are written shortly after a change).
  await open(page);
  const saved = page.waitForResponse((r) => r.url().includes('/api/invoke/session:save'));
  await preset(page, 'Bone').click();
  await expect(preset(page, 'Bone')).toHaveAttribute('aria-pressed', 'true');
  await saved;

  // Reopened: the session brings Bone back.
  await open(page);
  await expect(preset(page, 'Bone')).toHaveAttribute('aria-pressed', 'true');

  // Reopened with the session held back: the reader picks Lung first, then the session arrives.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke/session:load', async (route) => {
    await held;
    await route.continue();
  });
  await open(page);
  await preset(page, 'Lung').click();
  await expect(preset(page, 'Lung')).toHaveAttribute('aria-pressed', 'true');
  const lungText = await readout(page).textContent();
  const arrived = page.waitForResponse((r) => r.url().includes('/api/invoke/session:load'));
  const savedLung = page.waitForResponse((r) => r.url().includes('/api/invoke/session:save'));
  release();
  await arrived;
  // Lung is kept, and the session records it (so the next opening shows Lung, not Bone).
  await savedLung;
  await expect(preset(page, 'Lung')).toHaveAttribute('aria-pressed', 'true');
  await expect(readout(page)).toHaveText(lungText ?? '');
  await page.unroute('**/api/invoke/session:load');
  await open(page);
  await expect(preset(page, 'Lung')).toHaveAttribute('aria-pressed', 'true');
});
