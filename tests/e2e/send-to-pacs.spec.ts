/**
 * Send to PACS from the app, in browser mode against a real Orthanc (C-STORE and DICOMweb on loopback
 * ports, started and killed by this file): destinations are added in Settings (the CLI's destinations.json)
 * and tested; the sample series is exported with a destination and each output sent as soon as it is
 * verified; Orthanc's REST API then holds every instance in the source's study. A destination with
 * nothing listening gives a worded failure per instance and loses nothing; Cancel stops a delivery
 * promptly and says what was not sent; "Send to…" afterwards sends nothing twice.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initCodecs, readDicomFile } from '../../src/main/dicom/read-dicom';
import { freePort, getJson, startOrthanc, type OrthancServer } from '../helpers/orthanc';
import { launchApp, type RunningApp } from './support/launch-app';
import { waitForWholeSample } from './support/box-page';
import { CANVAS } from './support/pixels';

const SLICES = 24;
const SECRET = 'not-to-be-shown-7f3a';
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-send-e2e-'));
const study = path.join(work, 'study');
const configDir = path.join(work, 'config');
const env = { ...process.env, XDG_DATA_HOME: path.join(work, 'data'), DICOM_INK_CONFIG_DIR: configDir };
let app: RunningApp;
let orthanc: OrthancServer;
/** a loopback port nobody listens on (taken from the OS, then closed) */
let closedPort: number;
let sourceStudyUid: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cpSync(path.resolve('assets/sample/abdomen-ct'), study, { recursive: true });
  orthanc = await startOrthanc({ dicom: true, dicomWeb: true });
  closedPort = await freePort();
  app = await launchApp([study], 30_000, env);
  await initCodecs();
  const series = path.join(study, 'series-1');
  const first = await readDicomFile(path.join(series, readdirSync(series).sort()[0] ?? ''));
  if (!first.ok) throw new Error(first.reason);
  sourceStudyUid = first.image.header.studyInstanceUid;
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

async function openExport(page: Page, out: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /This series/ }).check();
  await dialog.getByLabel('Output folder').fill(out);
  return dialog;
}

/** Orthanc's instances in the study with the source's StudyInstanceUID (none when it has no such study). */
async function instancesInSourceStudy(): Promise<number> {
  const found = await fetch(`${orthanc.baseUrl}/tools/find`, {
    method: 'POST',
    body: JSON.stringify({ Level: 'Study', Query: { StudyInstanceUID: sourceStudyUid } }),
  });
  const ids = (await found.json()) as string[];
  if (ids.length === 0) return 0;
  const instances = await getJson<unknown[]>(orthanc, `/studies/${ids[0] ?? ''}/instances`);
  return instances.length;
}

test('Settings: Orthanc is added and its Test succeeds, a closed port fails in words, and no password is shown', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const form = settings.getByRole('form', { name: 'Add a destination' });
  const add = async (name: string, url: string): Promise<void> => {
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('URL').fill(url);
    await form.getByRole('button', { name: 'Add destination' }).click();
    await expect(settings.getByRole('listitem', { name, exact: true })).toBeVisible();
  };
  await add('orthanc', `dicom://ORTHANC@127.0.0.1:${orthanc.dicomPort}`);
  await add('orthanc-web', `http://reader:${SECRET}@127.0.0.1:${new URL(orthanc.baseUrl).port}/dicom-web`);
  await add('nowhere', `dicom://NOBODY@127.0.0.1:${closedPort}`);

  const row = (name: string): Locator => settings.getByRole('listitem', { name, exact: true });
  await row('orthanc').getByRole('button', { name: 'Test' }).click();
  await expect(row('orthanc').getByRole('status')).toHaveText(
    /^Test succeeded: C-ECHO succeeded \(Verification, PS3\.4 A\.4\) \(\d+ ms\)\.$/,
  );
  await row('orthanc-web').getByRole('button', { name: 'Test' }).click();
  await expect(row('orthanc-web').getByRole('status')).toHaveText(
    /^Test succeeded: QIDO-RS study search answered HTTP 200/,
  );
  await row('nowhere').getByRole('button', { name: 'Test' }).click();
  await expect(row('nowhere').getByRole('status')).toHaveText(
    `Test failed: connection refused: nothing is listening on 127.0.0.1:${closedPort}.`,
  );
  // A bad URL is refused with the accepted forms.
  await form.getByLabel('Name').fill('typo');
  await form.getByLabel('URL').fill('dicom://127.0.0.1:4242');
  await form.getByRole('button', { name: 'Add destination' }).click();
  await expect(form.getByRole('alert')).toContainText('needs exactly one AE title before "@"');
  await page.screenshot({ path: 'test-results/settings-destinations.png' });

  // The basic-auth password is kept in the file, never shown back or printed.
  await expect(row('orthanc-web')).toContainText('(basic auth as reader)');
  expect(await page.content()).not.toContain(SECRET);
  expect(app.output()).not.toContain(SECRET);
  // The same file as the CLI's `dicom-ink destinations`: it lists what Settings saved.
  const listed = execFileSync(process.execPath, ['bin/dicom-ink.cjs', 'destinations', 'list'], {
    env,
    encoding: 'utf8',
  });
  expect(listed.split('\n').map((line) => line.split('\t')[0])).toEqual([
    'orthanc',
    'orthanc-web',
    'nowhere',
    '',
  ]);
  expect(listed).not.toContain(SECRET);
  expect(statSync(path.join(configDir, 'destinations.json')).mode & 0o777).toBe(0o600);
  await settings.getByRole('button', { name: 'Close' }).click();
});

test('Export with a destination sends each image once verified: 24 delivered, and Orthanc holds them in the source study', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  const out = path.join(work, 'sent');
  const dialog = await openExport(page, out);
  await dialog.getByRole('radio', { name: 'Saved destination' }).check();
  await dialog.getByLabel('Saved destination name').selectOption('orthanc');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(`Exported ${SLICES} images.`)).toBeVisible({ timeout: 120_000 });
  const result = dialog.getByTestId('delivery-result');
  await expect(result.locator('.delivery-summary')).toHaveText(
    new RegExp(
      `^${SLICES} delivered to dicom://ORTHANC@127\\.0\\.0\\.1:${orthanc.dicomPort} \\(calling AE DICOMINK\\) \\(${SLICES} sent now\\) in \\d+\\.\\d s\\.$`,
    ),
    { timeout: 120_000 },
  );
  const outcomes = result.getByRole('list', { name: 'Instances sent' }).getByRole('listitem');
  await expect(outcomes).toHaveCount(SLICES);
  await expect(outcomes.filter({ hasText: /^delivered / })).toHaveCount(SLICES);
  await page.screenshot({ path: 'test-results/export-sent.png' });

  expect(await instancesInSourceStudy()).toBe(SLICES);
  // The instances Orthanc holds are the files the export wrote (SOP Instance UIDs compared).
  // One layout with the CLI: <out>/<opened folder's name>/<series folder>/<file>.
  const seriesOut = path.join(out, path.basename(study), 'series-1');
  const written = readdirSync(seriesOut).filter((name) => !name.startsWith('.'));
  expect(written).toHaveLength(SLICES);
  const uids = await Promise.all(
    written.map(async (name) => {
      const read = await readDicomFile(path.join(seriesOut, name));
      if (!read.ok) throw new Error(read.reason);
      return read.image.header.sopInstanceUid;
    }),
  );
  const stored = await getJson<{ MainDicomTags: { SOPInstanceUID: string } }[]>(orthanc, '/instances?expand');
  expect(stored.map((i) => i.MainDicomTags.SOPInstanceUID).sort()).toEqual(uids.sort());
});

test('Send to… a port with nothing listening fails each image in words and loses nothing; then Orthanc gets nothing twice', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  const out = path.join(work, 'sent');
  const seriesOut = path.join(out, path.basename(study), 'series-1');
  const before = readdirSync(seriesOut)
    .filter((name) => !name.startsWith('.'))
    .map((name) => [name, readFileSync(path.join(seriesOut, name))] as const);
  // Exporting into the same folder keeps the files there; "Send to…" sends them.
  const dialog = await openExport(page, out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(`Exported 0 images, ${SLICES} skipped.`)).toBeVisible({ timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Send to…' }).click();
  const panel = dialog.getByRole('group', { name: 'Send these files to a PACS' });
  await panel.getByLabel('Saved destination name').selectOption('nowhere');
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  // Transient failures are retried with back-off (1, 2, 4 s) before they are reported.
  const summary = panel.locator('.delivery-summary');
  await expect(summary).toHaveText(
    new RegExp(`^0 delivered to dicom://NOBODY@127\\.0\\.0\\.1:${closedPort} .*, ${SLICES} failed in`),
    { timeout: 90_000 },
  );
  const outcomes = panel.getByRole('list', { name: 'Instances sent' }).getByRole('listitem');
  await expect(outcomes).toHaveCount(SLICES);
  await expect(
    outcomes.filter({
      hasText: `connection refused: nothing is listening on 127.0.0.1:${closedPort} (after 4 attempts) (a retry later may deliver it)`,
    }),
  ).toHaveCount(SLICES);
  await expect(panel.getByText('Nothing was deleted.')).toBeVisible();
  await page.screenshot({ path: 'test-results/send-failed.png' });
  // Nothing lost: every output is still there, byte for byte.
  for (const [name, bytes] of before)
    expect(readFileSync(path.join(seriesOut, name)).equals(bytes)).toBe(true);

  // The same files to Orthanc: its delivery log says they are there, so nothing is sent again.
  await panel.getByLabel('Saved destination name').selectOption('orthanc');
  await panel.getByRole('button', { name: 'Send again' }).click();
  await expect(summary).toHaveText(
    new RegExp(`^${SLICES} delivered to dicom://ORTHANC@.* \\(0 sent now, ${SLICES} already there\\) in`),
    { timeout: 60_000 },
  );
  await expect(outcomes.filter({ hasText: /^already delivered / })).toHaveCount(SLICES);
  expect(await instancesInSourceStudy()).toBe(SLICES);
});

test('a typed URL sends by DICOMweb, and Cancel stops a delivery promptly, listing what was not sent', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  // The DICOMweb root typed with its credentials: STOW-RS delivers every image, the password is not shown.
  const out = path.join(work, 'web');
  const dialog = await openExport(page, out);
  await dialog.getByRole('radio', { name: 'URL', exact: true }).check();
  const root = `http://reader:${SECRET}@127.0.0.1:${new URL(orthanc.baseUrl).port}/dicom-web`;
  await dialog.getByLabel('Destination URL').fill(root);
  // Other settings give other images (new UIDs), so Orthanc gets 24 more in the same study.
  await dialog.getByRole('checkbox', { name: 'Labels' }).click();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('delivery-result').first().locator('.delivery-summary')).toHaveText(
    new RegExp(`^${SLICES} delivered to http://127\\.0\\.0\\.1:\\d+/dicom-web \\(basic auth as reader\\)`),
    { timeout: 120_000 },
  );
  expect(await instancesInSourceStudy()).toBe(2 * SLICES);

  // The same files to a typed URL nobody answers: the delivery waits to retry, and Cancel ends it at once.
  await dialog.getByRole('button', { name: 'Send to…' }).click();
  const panel = dialog.getByRole('group', { name: 'Send these files to a PACS' });
  await panel.getByRole('radio', { name: 'URL', exact: true }).check();
  await panel.getByLabel('Destination URL').fill(`dicom://NOBODY@127.0.0.1:${closedPort}`);
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(panel.getByTestId('delivery-progress-text')).toHaveText(
    new RegExp(`^0 of ${SLICES} sent · ${SLICES} waiting to retry$`),
  );
  const pressed = Date.now();
  await panel.getByRole('button', { name: 'Cancel sending' }).click();
  const summary = panel.locator('.delivery-summary');
  await expect(summary).toHaveText(
    new RegExp(
      `^Cancelled: 0 delivered to dicom://NOBODY@127\\.0\\.0\\.1:${closedPort} .*, ${SLICES} not sent in`,
    ),
  );
  // Promptly: well before the back-off (1, 2, 4 s) would have run out.
  expect(Date.now() - pressed).toBeLessThan(5_000);
  const outcomes = panel.getByRole('list', { name: 'Instances sent' }).getByRole('listitem');
  await expect(outcomes.filter({ hasText: /^not sent .*: cancelled while waiting to retry$/ })).toHaveCount(
    SLICES,
  );
  await page.screenshot({ path: 'test-results/send-cancelled.png' });

  await dialog.getByLabel('Destination URL').first().fill('');
  await panel.getByLabel('Destination URL').fill('');
  expect(await page.content()).not.toContain(SECRET);
  expect(app.output()).not.toContain(SECRET);
});
