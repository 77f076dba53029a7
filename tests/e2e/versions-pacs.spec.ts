/**
 * Issue 22 in the app (browser mode, a real Orthanc on loopback): the sample series exported with a box
 * and sent; the box moved, exported again over it ("Replace files already there") with "Replace the
 * earlier version in the PACS": Orthanc holds two complete derived series told apart by Series Number,
 * and one Rejection Note listing exactly the first version's images.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getJson, startOrthanc, type OrthancServer } from '../helpers/orthanc';
import { dragImage, expectBoxes, goToFirstSlice, waitForWholeSample } from './support/box-page';
import { launchApp, type RunningApp } from './support/launch-app';
import { CANVAS } from './support/pixels';

const SLICES = 24;
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-versions-e2e-'));
const study = path.join(work, 'study');
const out = path.join(work, 'out');
const env = {
  ...process.env,
  XDG_DATA_HOME: path.join(work, 'data'),
  DICOM_INK_CONFIG_DIR: path.join(work, 'config'),
};
let app: RunningApp;
let orthanc: OrthancServer;

interface SeriesResource {
  ID: string;
  MainDicomTags: { Modality?: string; SeriesNumber?: string; SeriesDescription?: string };
  Instances: string[];
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cpSync(path.resolve('assets/sample/abdomen-ct'), study, { recursive: true });
  orthanc = await startOrthanc({ dicom: true });
  app = await launchApp([study], 30_000, env);
});
test.afterAll(async () => {
  await app?.stop();
  await orthanc?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function open(page: Page): Promise<void> {
  await page.goto(app.url);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
  await waitForWholeSample(page);
}

/** Exports this series into `out` and sends it to Orthanc; resolves with the dialog once delivered. */
async function exportAndSend(page: Page, options: { replace: boolean }): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await dialog.getByLabel('Output folder').fill(out);
  await dialog.getByRole('radio', { name: 'URL' }).check();
  await dialog.getByLabel('Destination URL').fill(`dicom://ORTHANC@127.0.0.1:${orthanc.dicomPort}`);
  if (options.replace) {
    await dialog.getByLabel('Replace files already there').check();
    await dialog.getByLabel('Replace the earlier version in the PACS').check();
  }
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(`Exported ${SLICES} images.`)).toBeVisible({ timeout: 120_000 });
  await expect(dialog.getByTestId('delivery-result').locator('.delivery-summary')).toHaveText(
    new RegExp(`^${SLICES} delivered to `),
    { timeout: 120_000 },
  );
  return dialog;
}

test('a moved box exported with "Replace the earlier version in the PACS" withdraws the first version', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await open(page);
  // the series opens on its middle slice (12 of 24); the box goes on slice 1
  await goToFirstSlice(page, 12);
  await page.getByRole('button', { name: 'Draw box' }).click();
  await dragImage(page, [60.5, 60.5], [100.5, 90.5]);
  await expectBoxes(page, ['Slice 1 60,60 – 100,90']);
  const first = await exportAndSend(page, { replace: false });
  await expect(first.getByTestId('delivery-superseded')).toHaveCount(0);
  await first.getByRole('button', { name: 'Close' }).click();

  // The box moved: undone and drawn 10 pixels further.
  await page.keyboard.press('Control+z');
  await expectBoxes(page, []);
  // "Draw box" is still pressed from the first box.
  await expect(page.getByRole('button', { name: 'Draw box' })).toHaveAttribute('aria-pressed', 'true');
  await dragImage(page, [70.5, 70.5], [110.5, 100.5]);
  await expectBoxes(page, ['Slice 1 70,70 – 110,100']);
  const second = await exportAndSend(page, { replace: true });
  await expect(second.getByTestId('delivery-superseded')).toHaveText(
    /^Rejection Note sent to dicom:\/\/ORTHANC@127\.0\.0\.1:\d+ .*: 24 instance\(s\) of the earlier version withdrawn/,
    { timeout: 60_000 },
  );
  await page.screenshot({ path: 'test-results/export-superseded.png' });

  const series = await getJson<SeriesResource[]>(orthanc, '/series?expand');
  const derived = series.filter((s) => s.MainDicomTags.Modality === 'CT');
  expect(derived.map((s) => [s.MainDicomTags.SeriesNumber, s.Instances.length]).sort()).toEqual([
    ['1001', SLICES],
    ['11001', SLICES],
  ]);
  const first1 = derived.find((s) => s.MainDicomTags.SeriesNumber === '1001');
  expect(first1?.MainDicomTags.SeriesDescription).toMatch(/ v1 [0-9A-F]{6}, 1 finding\]$/);
  const notes = series.filter((s) => s.MainDicomTags.Modality === 'KO');
  expect(notes).toHaveLength(1);
  const note = await getJson<{
    CurrentRequestedProcedureEvidenceSequence: {
      ReferencedSeriesSequence: { ReferencedSOPSequence: { ReferencedSOPInstanceUID: string }[] }[];
    }[];
  }>(orthanc, `/instances/${notes[0]?.Instances[0] ?? ''}/tags?simplify`);
  const listed = note.CurrentRequestedProcedureEvidenceSequence.flatMap((e) =>
    e.ReferencedSeriesSequence.flatMap((s) => s.ReferencedSOPSequence.map((r) => r.ReferencedSOPInstanceUID)),
  );
  const v1 = await getJson<{ MainDicomTags: { SOPInstanceUID: string } }[]>(
    orthanc,
    `/series/${first1?.ID ?? ''}/instances`,
  );
  expect(listed.sort()).toEqual(v1.map((i) => i.MainDicomTags.SOPInstanceUID).sort());
});
