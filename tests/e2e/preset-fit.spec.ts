/**
 * A CT preset on a series it does not fit (MR): the viewer says so, and the export of everything open
 * offers each file's own window for it, which the written pixels then carry (CT keeps the preset).
 */
import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS, engineRgba } from './support/pixels';
import { makeFolder, type TempFolder } from './support/temp-folder';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-preset-fit-e2e-'));
const ct = path.join(work, 'ct');
let mr: TempFolder;
let app: RunningApp;

test.beforeAll(async () => {
  cpSync(path.resolve('assets/sample/abdomen-ct'), ct, { recursive: true });
  mr = makeFolder('preset-fit-mr', { 'MR2_UNCR.dcm': { corpus: 'MR2_UNCR.dcm' } });
  app = await launchApp([ct, mr.root], 30_000, { ...process.env, XDG_DATA_HOME: path.join(work, 'data') });
});
test.afterAll(async () => {
  await app.stop();
  mr.remove();
  rmSync(work, { recursive: true, force: true });
});

function find(root: string, name: string): string | undefined {
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return path.join(entry.parentPath, entry.name);
  }
  return undefined;
}

test('a CT preset on MR is marked in the viewer; everything open exports MR with its own window', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: /MR · 1 image/ }).click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-path', /MR2_UNCR/);
  await expect(page.getByTestId('preset-warning')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lung', exact: true }).click();
  await expect(page.getByTestId('preset-warning')).toContainText(
    'The Lung preset is a CT window in Hounsfield units, but this series is MR, not CT',
  );
  await page.getByRole('button', { name: 'Auto', exact: true }).click();
  await expect(page.getByTestId('preset-warning')).toHaveCount(0);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const out = path.join(work, 'out');
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: /Everything open/ }).check();
  await dialog.getByRole('radio', { name: 'Preset' }).check();
  await dialog.getByRole('combobox', { name: 'Preset' }).selectOption('Lung');
  const own = dialog.getByRole('checkbox', { name: /own window where the preset does not fit/ });
  await expect(own).toBeChecked();
  await expect(dialog.getByText(/^Not CT: MR/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 25 images.')).toBeVisible({ timeout: 150_000 });

  await initCodecs();
  const mrOut = find(out, 'MR2_UNCR.dcm');
  const ctOut = find(out, 'IM0001');
  if (!mrOut || !ctOut) throw new Error(`outputs not found under ${out}`);
  const same = async (output: string, source: string, spec: Parameters<typeof engineRgba>[2]) => {
    const read = await readDicomFile(output);
    if (!read.ok) throw new Error(read.reason);
    const rgb = read.image.decodeFrame(0).data;
    const rgba = await engineRgba(source, 0, spec);
    let differing = 0;
    for (let i = 0; i < rgb.length / 3; i++)
      for (let c = 0; c < 3; c++) if (rgb[i * 3 + c] !== rgba[i * 4 + c]) differing++;
    return differing;
  };
  expect(await same(mrOut, path.join(mr.root, 'MR2_UNCR.dcm'), { kind: 'auto' })).toBe(0);
  expect(await same(ctOut, path.join(ct, 'series-1/IM0001'), { kind: 'preset', name: 'Lung' })).toBe(0);
});
