/**
 * Masks in the app (browser mode): the sample's NIfTI lesion mask is imported from the box panel through
 * the CLI's importer, its outline appears on the slices the scrollbar marks, a label can be hidden and
 * shown again, and the export burns the same outline. The exported pixels are checked by the independent
 * Python oracle (pydicom + nibabel + numpy: tests/conformance/findings/phantom_findings.py), one output by
 * dciodvfy, and the canvas equals the exported slice. A mask that fits no series is refused with the
 * CLI's own sentence.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { dciodvfy } from '../helpers/dicom-tools';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { CANVAS, canvasPixels } from './support/pixels';

const sample = sampleStudyApp('mask');
const { work, study } = sample;
const series = path.join(study, 'series-1');
const MASK = path.resolve('assets/sample/lesion-mask.nii.gz');
const SIDECAR = path.resolve('assets/sample/lesion-mask.json');
const ORACLE = path.resolve('tests/conformance/findings/phantom_findings.py');
/** Okabe-Ito orange: the colour of label 1 when no colour is given (the oracle's palette too). */
const ORANGE = [230, 159, 0];

test.describe.configure({ mode: 'serial' });

async function open(page: Page): Promise<void> {
  await sample.open(page);
  await waitForWholeSample(page);
}

/** Canvas pixels of exactly the outline colour. */
async function orangePixels(page: Page): Promise<number> {
  const shown = await canvasPixels(page);
  let count = 0;
  for (let i = 0; i < shown.width * shown.height; i++) {
    const o = i * 4;
    if (shown.rgba[o] === ORANGE[0] && shown.rgba[o + 1] === ORANGE[1] && shown.rgba[o + 2] === ORANGE[2])
      count++;
  }
  return count;
}

const marks = (page: Page) => page.getByRole('list', { name: 'Slices with findings' }).getByRole('button');

test('a mask that fits no open series is refused with the CLI message, and nothing is added', async ({
  page,
}) => {
  // The sample mask moved by 1.5 voxels along its first axis: beyond the half-voxel rule.
  const moved = path.join(work, 'moved-mask.nii.gz');
  execFileSync('/usr/bin/python3', [
    '-c',
    [
      'import sys, nibabel as nib',
      'img = nib.load(sys.argv[1]); a = img.affine.copy(); a[:3, 3] += 1.5 * a[:3, 0]',
      'nib.save(nib.Nifti1Image(img.get_fdata().astype("uint8"), a), sys.argv[2])',
    ].join('\n'),
    MASK,
    moved,
  ]);
  const cli = spawnSync(process.execPath, [
    'bin/dicom-ink.cjs',
    'convert',
    study,
    '--out',
    path.join(work, 'cli-refused'),
    '--masks',
    moved,
  ]);
  expect(cli.status).toBe(2);
  const sentence = /moved-mask\.nii\.gz[^\n]*/.exec(cli.stderr.toString())?.[0] ?? '';
  expect(sentence).toContain('fits no');

  await open(page);
  await page.getByLabel('Import masks (NIfTI').setInputFiles(moved);
  const refusal = page.getByRole('alert').filter({ hasText: 'Not imported' });
  await expect(refusal).toContainText(sentence);
  await expect(page.getByRole('list', { name: 'Labels in this series' })).toHaveCount(0);
  await expect(marks(page)).toHaveCount(0);
});

test('the sample mask: outlines on the marked slices, hidden per label, exported as shown and proven by the oracle', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page);
  await page.getByLabel('Import masks (NIfTI').setInputFiles([MASK, SIDECAR]);
  const report = page.getByRole('status').filter({ hasText: 'Imported' });
  await expect(report).toContainText('Imported 6 mask outlines from lesion-mask.nii.gz.');
  await expect(report).toContainText('6 outlines on 6 slices; labels 1=kidney lesion');

  const labels = page.getByRole('list', { name: 'Labels in this series' });
  await expect(labels.getByRole('listitem')).toHaveCount(1);
  await expect(labels).toContainText('kidney lesion · 6 outlines on 6 slices');

  // Six marks on the scrollbar; a click on one shows its slice with the outline burned into the canvas.
  await expect(marks(page)).toHaveCount(6);
  const first = marks(page).first();
  const slice = /Go to slice (\d+)/.exec((await first.getAttribute('aria-label')) ?? '')?.[1] ?? '';
  expect(Number(slice)).toBeGreaterThan(0);
  await first.click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', slice);
  await expect.poll(() => orangePixels(page)).toBeGreaterThan(20);
  // The scrollbar's track goes to the slice under the pointer: its top is slice 1, which carries no mark
  // and shows no outline.
  expect(await marks(page).evaluateAll((b) => b.map((e) => e.getAttribute('aria-label')))).not.toContain(
    'Go to slice 1 (1 finding)',
  );
  const track = await page.getByRole('scrollbar', { name: 'Slice scrollbar' }).boundingBox();
  if (!track) throw new Error('the slice scrollbar is not on screen');
  await page.mouse.click(track.x + track.width / 2, track.y + 1);
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', '1');
  await expect.poll(() => orangePixels(page)).toBe(0);
  await first.click();
  await expect(page.locator(CANVAS)).toHaveAttribute('data-slice', slice);
  await expect.poll(() => orangePixels(page)).toBeGreaterThan(20);

  // Hidden: gone from the canvas and the scrollbar; shown again: back.
  await page.getByLabel('Show kidney lesion').uncheck();
  await expect.poll(() => orangePixels(page)).toBe(0);
  await expect(marks(page)).toHaveCount(0);
  await page.getByLabel('Show kidney lesion').check();
  await expect.poll(() => orangePixels(page)).toBeGreaterThan(20);
  await expect(marks(page)).toHaveCount(6);
  await page.screenshot({ path: 'test-results/mask-outline.png' });
  const shown = await canvasPixels(page);

  // Export the series: as the CLI, into <out>/<opened folder's name>/series-1, where the oracle looks for a
  // series folder's outputs under <out>/<opened folder's name>.
  const exportRoot = path.join(work, 'exported');
  const parent = path.join(exportRoot, path.basename(study));
  const out = path.join(parent, 'series-1');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Output folder').fill(exportRoot);
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 24 images.')).toBeVisible({ timeout: 180_000 });
  expect(readdirSync(out)).toHaveLength(24);

  const oracle = JSON.parse(
    execFileSync('/usr/bin/python3', [ORACLE, 'oracle', series, parent, MASK, '4', '--style', 'outline'], {
      encoding: 'utf8',
    }),
  ) as { slices: number; slicesWithFindings: number; expectedPixels: number; errors: number };
  console.log(`mask export vs oracle: ${JSON.stringify(oracle)}`);
  expect(oracle.slices).toBe(24);
  expect(oracle.slicesWithFindings).toBe(6);
  expect(oracle.expectedPixels).toBeGreaterThan(100);
  expect(oracle.errors).toBe(0);

  // The exported slice shown equals the canvas, and is a valid Secondary Capture.
  const exportedPath = path.join(out, path.basename(shown.path));
  expect(dciodvfy(exportedPath).errors).toEqual([]);
  await initCodecs();
  const exported = await readDicomFile(exportedPath);
  if (!exported.ok) throw new Error(exported.reason);
  const rgb = exported.image.decodeFrame(0).data;
  let differing = 0;
  for (let i = 0; i < shown.width * shown.height; i++) {
    for (let c = 0; c < 3; c++) if (rgb[i * 3 + c] !== shown.rgba[i * 4 + c]) differing++;
  }
  expect(differing).toBe(0);
});
