/**
 * A real PACS accepts our output (issue 3): Debian's Orthanc stores the bundled abdomen CT and DICOM Ink's
 * conversion of it as one patient, one study, two series; it reads our Secondary Capture (PS3.4 B.5,
 * 1.2.840.10008.5.1.4.1.1.7) as RGB, decodes its pixels byte for byte, and recognises a re-export as the same
 * instances (deterministic UIDs), so re-sending replaces instead of duplicating.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDicom } from 'dicom-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { getBytes, getJson, startOrthanc, uploadFile } from '../helpers/orthanc';
import type { OrthancServer, UploadAnswer } from '../helpers/orthanc';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const SOURCE_SERIES = join(SAMPLE, 'series-1');
const SLICES = 24;
const SIZE = 256;
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface SeriesResource {
  ID: string;
  Instances: string[];
  MainDicomTags: Record<string, string | undefined>;
}
interface StudyResource {
  ID: string;
  ParentPatient: string;
  Series: string[];
}

let server: OrthancServer | undefined;
/** Why Orthanc did not start: every test then fails with it (a missing PACS must not look like a pass or a skip). */
let startError: unknown;
let dir: string;
let sourceAnswers: UploadAnswer[];
let inkAnswers: UploadAnswer[];
let inkFiles: string[];

function convert(out: string): string[] {
  const run = runCli([
    'convert',
    SAMPLE,
    '--out',
    out,
    '--window',
    'abdomen',
    '--boxes',
    join(REPO, 'assets', 'sample', 'boxes.csv'),
    '--labels',
  ]);
  if (run.code !== 0) throw new Error(`dicom-ink convert failed (${String(run.code)}): ${run.stderr}`);
  return readdirSync(join(out, 'abdomen-ct', 'series-1'))
    .sort()
    .map((name) => join(out, 'abdomen-ct', 'series-1', name));
}

function orthanc(): OrthancServer {
  if (!server) throw startError instanceof Error ? startError : new Error('Orthanc did not start');
  return server;
}

async function uploadAll(files: readonly string[]): Promise<UploadAnswer[]> {
  const answers: UploadAnswer[] = [];
  for (const file of files) answers.push(await uploadFile(orthanc(), file));
  return answers;
}

/** Pixel Data (7FE0,0010) as stored in our native, explicit little endian file. */
function pixelData(file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(file));
  const element = parseDicom(bytes).elements['x7fe00010'];
  if (!element) throw new Error(`${file} has no Pixel Data`);
  return bytes.subarray(element.dataOffset, element.dataOffset + element.length);
}

const bigEndian32 = (bytes: Uint8Array, offset: number): number =>
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-pacs-'));
  inkFiles = convert(join(dir, 'first'));
  try {
    server = await startOrthanc();
  } catch (error) {
    startError = error;
    return;
  }
  const sourceFiles = readdirSync(SOURCE_SERIES)
    .sort()
    .map((name) => join(SOURCE_SERIES, name));
  sourceAnswers = await uploadAll(sourceFiles);
  inkAnswers = await uploadAll(inkFiles);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Orthanc (a real PACS) stores the abdomen CT and its DICOM Ink conversion', () => {
  it('accepts all 24 source slices and all 24 converted files as new instances', () => {
    orthanc();
    expect(inkFiles).toHaveLength(SLICES);
    expect(sourceAnswers.map((a) => a.Status)).toEqual(Array<string>(SLICES).fill('Success'));
    expect(inkAnswers.map((a) => a.Status)).toEqual(Array<string>(SLICES).fill('Success'));
  });

  it('files the output next to the original: one patient, one study, two series of 24', async () => {
    expect(await getJson<string[]>(orthanc(), '/patients')).toHaveLength(1);
    const studies = await getJson<StudyResource[]>(orthanc(), '/studies?expand');
    expect(studies).toHaveLength(1);
    const study = studies[0];
    expect(study?.Series).toHaveLength(2);
    expect(new Set(inkAnswers.map((a) => a.ParentStudy))).toEqual(new Set([study?.ID]));
    expect(new Set(sourceAnswers.map((a) => a.ParentStudy))).toEqual(new Set([study?.ID]));

    const series = await getJson<SeriesResource[]>(orthanc(), `/studies/${study?.ID ?? ''}/series?expand`);
    const ink = series.find((s) => s.ID === inkAnswers[0]?.ParentSeries);
    const source = series.find((s) => s.ID === sourceAnswers[0]?.ParentSeries);
    expect(ink?.ID).not.toEqual(source?.ID);
    expect(ink?.Instances).toHaveLength(SLICES);
    expect(source?.Instances).toHaveLength(SLICES);
    expect(ink?.MainDicomTags['SeriesDescription']).toContain('DICOM Ink');
    // We copy the source Modality (0008,0060, General Series PS3.3 C.7.3.1); the SC IOD accepts any value.
    expect(source?.MainDicomTags['Modality']).toBe('CT');
    expect(ink?.MainDicomTags['Modality']).toBe('CT');
  });

  it('reads a converted instance as RGB Secondary Capture, 3 samples per pixel, 256 x 256', async () => {
    const tags = await getJson<Record<string, string>>(
      orthanc(),
      `/instances/${inkAnswers[0]?.ID ?? ''}/simplified-tags`,
    );
    expect(tags['SOPClassUID']).toBe(SECONDARY_CAPTURE);
    expect(tags['PhotometricInterpretation']).toBe('RGB');
    expect(tags['SamplesPerPixel']).toBe('3');
    expect(tags['Rows']).toBe(String(SIZE));
    expect(tags['Columns']).toBe(String(SIZE));
  });

  it('renders a 256 x 256 PNG preview of a converted instance', async () => {
    const png = await getBytes(orthanc(), `/instances/${inkAnswers[0]?.ID ?? ''}/preview`);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR is the first chunk: length(4) 'IHDR'(4) width(4) height(4), big endian (PNG spec 11.2.2).
    expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
    expect([bigEndian32(png, 16), bigEndian32(png, 20)]).toEqual([SIZE, SIZE]);
  });

  it('decodes every converted frame to exactly the 256*256*3 bytes we wrote', async () => {
    for (const [i, answer] of inkAnswers.entries()) {
      const raw = await getBytes(orthanc(), `/instances/${answer.ID}/frames/0/raw`);
      const file = inkFiles[i] ?? '';
      expect(raw.length, file).toBe(SIZE * SIZE * 3);
      expect(Buffer.from(raw).equals(pixelData(file)), file).toBe(true);
    }
  });

  it('answers AlreadyStored when the same converted file is sent again', async () => {
    const again = await uploadFile(orthanc(), inkFiles[0] ?? '');
    expect(again.Status).toBe('AlreadyStored');
    expect(again.ID).toBe(inkAnswers[0]?.ID);
  });

  it('answers AlreadyStored for a re-run of the CLI into another folder (same UIDs), adding nothing', async () => {
    const rerun = convert(join(dir, 'second'));
    const answers = await uploadAll(rerun);
    expect(answers.map((a) => a.Status)).toEqual(Array<string>(SLICES).fill('AlreadyStored'));
    expect(answers.map((a) => a.ID)).toEqual(inkAnswers.map((a) => a.ID));
    const statistics = await getJson<{ CountInstances: number; CountSeries: number; CountStudies: number }>(
      orthanc(),
      '/statistics',
    );
    expect([statistics.CountStudies, statistics.CountSeries, statistics.CountInstances]).toEqual([1, 2, 48]);
  });
});
