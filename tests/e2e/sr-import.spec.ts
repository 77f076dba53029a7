/**
 * A viewer's measurements in the app (browser mode): a TID 1500 SR shaped like OHIF's and highdicom's,
 * written by pydicom over the sample series (tests/helpers/annotation_objects.py), is imported from the box
 * panel through the CLI's importer. Every graphic's box lands on the pixels Python expects, with its label
 * and score, and the graphics that cannot be placed are listed with their number and reason.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { listedBoxes, waitForWholeSample } from './support/box-page';
import { sampleStudyApp } from './support/sample-app';

const sample = sampleStudyApp('sr');
const { work, study } = sample;
const report = path.join(work, 'report.dcm');
const OBJECTS = path.resolve('tests/helpers/annotation_objects.py');

type Row = [string, number, number, number, number, string, number | null];
let expected: { rows: Row[]; unplaced: { graphic: number; reason: string }[] };

test.beforeAll(async () => {
  expected = JSON.parse(
    execFileSync('/usr/bin/python3', [OBJECTS, 'sr', path.join(study, 'series-1'), report], {
      encoding: 'utf8',
    }),
  ) as typeof expected;
});

test('an SR imported from the box panel: each graphic a box on the pixels Python expects, unplaceable graphics listed', async ({
  page,
}) => {
  await sample.open(page);
  await waitForWholeSample(page);
  await page.getByLabel('Import boxes (CSV or JSON)').setInputFiles(report);
  const status = page.getByRole('status').filter({ hasText: 'Imported' });
  const { rows, unplaced } = expected;
  await expect(status).toContainText(
    `Imported ${rows.length} boxes from report.dcm; ${unplaced.length} row(s) not used:`,
  );
  await expect(status).toContainText('TID 1500 Measurement Report');
  const notUsed = page.getByRole('list', { name: 'Rows not imported' }).getByRole('listitem');
  await expect(notUsed).toHaveCount(unplaced.length);
  for (const [i, { graphic, reason }] of unplaced.entries()) {
    await expect(notUsed.nth(i)).toContainText(`report.dcm graphic ${graphic}`);
    await expect(notUsed.nth(i)).toContainText(reason);
  }
  const listed = await listedBoxes(page);
  expect(listed).toHaveLength(rows.length);
  for (const [, x1, y1, x2, y2, label, score] of rows) {
    const entry = listed.find((text) => text.includes(` · ${label}`));
    expect(entry, label).toBeDefined();
    expect(entry).toContain(`${x1},${y1} – ${x2},${y2}`);
    if (score !== null) expect(entry).toContain(score.toFixed(2));
  }
});
