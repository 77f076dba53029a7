/**
 * Sending to real archives (issue 10): a converted series sent by C-STORE and by STOW-RS to Debian's Orthanc
 * arrives whole in the source's study with byte-identical pixel data; DCMTK's storescp receives the same
 * pixels; a second send finds everything already delivered and sends nothing new.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_SERIES,
  SLICES,
  convertSample,
  deliverFiles,
  pixelBytes,
  sopInstanceUidOf,
  tally,
} from '../helpers/delivery-fixture';
import { ORTHANC_AET, getBytes, getJson, startOrthanc, uploadFile } from '../helpers/orthanc';
import type { OrthancServer } from '../helpers/orthanc';
import { startStoreScp } from '../helpers/storescp';

interface InstanceResource {
  ID: string;
  ParentSeries: string;
  MainDicomTags: { SOPInstanceUID?: string };
}
interface SeriesResource {
  ParentStudy: string;
}

let dir: string;
let out: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-send-'));
  out = join(dir, 'out');
  files = convertSample(out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Uploads the source CT, so the outputs have a study to join; returns its Orthanc study id. */
async function uploadSource(server: OrthancServer): Promise<string> {
  const answers = [];
  for (const name of readdirSync(SAMPLE_SERIES).sort())
    answers.push(await uploadFile(server, join(SAMPLE_SERIES, name)));
  const studies = new Set(answers.map((a) => a.ParentStudy));
  expect(studies.size).toBe(1);
  return [...studies][0] ?? '';
}

/** Every output is in Orthanc, in the source's study, with the very pixel bytes we wrote. */
async function expectArrivedWhole(server: OrthancServer, studyId: string): Promise<void> {
  const instances = await getJson<InstanceResource[]>(server, '/instances?expand');
  const byUid = new Map(instances.map((i) => [i.MainDicomTags.SOPInstanceUID ?? '', i]));
  for (const file of files) {
    const stored = byUid.get(sopInstanceUidOf(file));
    if (!stored) throw new Error(`${file} is not in Orthanc`);
    const series = await getJson<SeriesResource>(server, `/series/${stored.ParentSeries}`);
    expect(series.ParentStudy).toBe(studyId);
    const bytes = await getBytes(server, `/instances/${stored.ID}/file`);
    expect(
      Buffer.from(pixelBytes(bytes)).equals(Buffer.from(pixelBytes(new Uint8Array(readFileSync(file))))),
    ).toBe(true);
  }
}

describe.each([
  {
    protocol: 'C-STORE',
    options: { dicom: true },
    url: (s: OrthancServer) => `dicom://${ORTHANC_AET}@127.0.0.1:${String(s.dicomPort)}`,
  },
  { protocol: 'STOW-RS', options: { dicomWeb: true }, url: (s: OrthancServer) => `${s.baseUrl}/dicom-web` },
])('$protocol to Orthanc', ({ options, url }) => {
  let server: OrthancServer | undefined;
  let studyId = '';

  beforeAll(async () => {
    server = await startOrthanc(options);
    studyId = await uploadSource(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('delivers all 24 instances into the source study with byte-identical pixel data', async () => {
    if (!server) throw new Error('Orthanc did not start');
    const report = await deliverFiles(url(server), files, out);
    expect(tally(report)).toEqual({ 'delivered:success': SLICES });
    expect(report.sentNow).toBe(SLICES);
    expect(await getJson<string[]>(server, '/instances')).toHaveLength(2 * SLICES);
    await expectArrivedWhole(server, studyId);
  });

  it('a second send finds every instance already delivered and sends nothing new', async () => {
    if (!server) throw new Error('Orthanc did not start');
    const report = await deliverFiles(url(server), files, out);
    expect(tally(report)).toEqual({ 'delivered:already-delivered': SLICES });
    expect(report.sentNow).toBe(0);
    expect(await getJson<string[]>(server, '/instances')).toHaveLength(2 * SLICES);
  });

  it('with --resend the PACS takes the same instances again without duplicating them', async () => {
    if (!server) throw new Error('Orthanc did not start');
    const report = await deliverFiles(url(server), files, out, { resend: true });
    expect(tally(report)).toEqual({ 'delivered:success': SLICES });
    expect(await getJson<string[]>(server, '/instances')).toHaveLength(2 * SLICES);
  });
});

describe("DCMTK's storescp", () => {
  it('receives every instance with the pixel data we wrote', async () => {
    const scp = await startStoreScp();
    try {
      const report = await deliverFiles(`dicom://${scp.aeTitle}@127.0.0.1:${scp.port}`, files, out);
      expect(tally(report)).toEqual({ 'delivered:success': SLICES });
      const received = scp.files();
      expect(received).toHaveLength(SLICES);
      const receivedByUid = new Map(received.map((f) => [sopInstanceUidOf(f), f]));
      for (const file of files) {
        const arrived = receivedByUid.get(sopInstanceUidOf(file));
        if (!arrived) throw new Error(`${file} did not arrive`);
        expect(
          Buffer.from(pixelBytes(new Uint8Array(readFileSync(arrived)))).equals(
            Buffer.from(pixelBytes(new Uint8Array(readFileSync(file)))),
          ),
        ).toBe(true);
      }
    } finally {
      await scp.stop();
    }
  });
});
