/**
 * The Export dialog's "Also write" choice (issue 11): the sample series with its boxes exported with a
 * presentation state and a TID 1500 report. The result lists both; dciodvfy finds no error in either,
 * dsrdump shows the Measurement Report tree with one group per box, and the presentation state
 * references the originals (not the copies).
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dciodvfy, dcmdump, runTool } from '../helpers/dicom-tools';
import { waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';
import { exportSeries, importSampleBoxes, twinItems } from './support/sample-export';

const sample = sampleStudyApp('twins');
const { work, study } = sample;
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const GSPS = '1.2.840.10008.5.1.4.1.1.11.1';
const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';

test('an export with "presentation state and structured report" writes both beside the copies, valid and about the boxes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(sample.app.url);
  await waitForWholeSample(page);
  await importSampleBoxes(page);
  const out = path.join(work, 'out');
  const twins = twinItems(await exportSeries(page, out, 'both'));
  await expect(twins).toHaveCount(2);
  await expect(twins.filter({ hasText: 'Wrote presentation state' })).toContainText(
    '6 findings on 24 images',
  );
  await expect(twins.filter({ hasText: 'Wrote structured report' })).toContainText('6 findings on 6 images');

  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)));
  const byClass = new Map<string, string[]>();
  for (const file of files) {
    const sopClass = dcmdump(path.join(out, file)).top.get('0008,0016')?.value ?? '?';
    byClass.set(sopClass, [...(byClass.get(sopClass) ?? []), file]);
  }
  const gsps = byClass.get(GSPS) ?? [];
  const sr = byClass.get(COMPREHENSIVE_SR) ?? [];
  expect(gsps).toHaveLength(1);
  expect(sr).toHaveLength(1);
  expect(byClass.get(SECONDARY_CAPTURE)).toHaveLength(24);
  for (const file of [...gsps, ...sr]) expect(dciodvfy(path.join(out, file)).errors, file).toEqual([]);

  const tree = runTool('dsrdump', [path.join(out, sr[0] ?? '')]);
  expect(tree.status).toBe(0);
  expect(tree.stdout).toContain('Imaging Measurement Report');
  expect(tree.stdout.match(/"Measurement Group"/g)).toHaveLength(6);
  expect(tree.stdout.match(/=\(POLYLINE,/g)).toHaveLength(6);

  // The presentation state points at the originals in the opened folder, not at the burned-in copies.
  const referenced = dcmdump(path.join(out, gsps[0] ?? ''))
    .elements.filter((e) => e.tag === '0008,1155')
    .map((e) => e.value);
  const originals = new Set(
    readdirSync(study, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => dcmdump(path.join(e.parentPath, e.name)).top.get('0008,0018')?.value),
  );
  expect(new Set(referenced).size).toBe(24);
  for (const uid of referenced) expect(originals.has(uid)).toBe(true);
});
