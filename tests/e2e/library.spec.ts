/// <reference lib="dom" />
/** Folders with images and non-images: what is listed, with which reasons, and opening a typed path. */
import { expect, test } from '@playwright/test';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';
import { makeFolder, type TempFolder } from './support/temp-folder';

let mixed: TempFolder;
let second: TempFolder;
let app: RunningApp;

test.beforeAll(async () => {
  mixed = makeFolder('mixed', {
    'ct/slice-a': { corpus: '693_UNCI.dcm' },
    'mr/deep/image': { corpus: 'MR2_UNCI.dcm' },
    'notes.txt': { text: 'Reading notes, not an image.\n' },
    'ct/truncated.dcm': { corpus: '693_UNCI.dcm', truncateTo: 4000 },
  });
  second = makeFolder('second', { 'rgb/x': { corpus: 'SC_rgb.dcm' } });
  app = await launchApp([mixed.root]);
});
test.afterAll(async () => {
  await app.stop();
  mixed.remove();
  second.remove();
});

test('images are listed by patient and series; the other files are listed apart with their reasons', async ({
  page,
}) => {
  await page.goto(app.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /5\/5mm Plain/ })).toContainText('CT · 1 image');
  await expect(library.getByRole('button', { name: /MR · 1 image/ })).toBeVisible();
  await expect(library.getByRole('heading', { name: /CQ500-CT-310/ })).toBeVisible();

  const others = page.getByRole('list', { name: 'Files that are not images' }).getByRole('listitem');
  await expect(others).toHaveCount(2);
  await expect(others.filter({ hasText: 'notes.txt' })).toContainText(/not a DICOM file/i);
  await expect(others.filter({ hasText: 'truncated.dcm' })).toContainText(/truncated/i);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await page.screenshot({ path: 'test-results/library-mixed-folder.png' });
});

test('a typed folder path opens a second folder beside the first', async ({ page }) => {
  await page.goto(app.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /5\/5mm Plain/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Folder path' }).fill(second.root);
  await page.getByRole('button', { name: 'Open folder' }).click();
  const rgb = library.getByRole('button', { name: /OT · 1 image/ });
  await expect(rgb).toBeVisible();
  await expect(library.getByRole('button', { name: /5\/5mm Plain/ })).toBeVisible();
  await rgb.click();
  await expect(rgb).toHaveAttribute('aria-current', 'true');
  await expect(page.locator(CANVAS)).toHaveAttribute('data-path', /rgb\/x$/);
  await expect(page.getByTestId('window-readout')).toHaveText('No window (colour image)');
});

test('a folder that does not exist is refused with the reason', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('textbox', { name: 'Folder path' }).fill('/no/such/folder');
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot open /no/such/folder: it does not exist');
});

test('the page cannot read a file outside the opened folders through the API', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  const answers = await page.evaluate(async (root) => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const ask = async (path: string) => {
      const response = await fetch('/api/invoke/image:load', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-DicomInk-Token': token },
        body: JSON.stringify({ path, frame: 0 }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const length = new DataView(bytes.buffer).getUint32(0, true);
      return JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as {
        ok: boolean;
        error?: string;
      };
    };
    return [await ask(`${root}/../../etc/passwd`), await ask('../../etc/passwd'), await ask('/etc/passwd')];
  }, mixed.root);
  for (const answer of answers) {
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/outside the folders you opened/);
  }
});
