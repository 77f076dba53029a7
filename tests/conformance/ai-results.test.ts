/**
 * Issue 24 (IHE AI Results): the algorithm named by --algorithm (or a COCO file's info, a flag winning
 * over it) in a Contributing Equipment item of every object a run writes (SC, GSPS, SR, KOS), beside one
 * for DICOM Ink, with the same deterministic Device UID; the SC's Series Description and the SR's device
 * observer name it; `--twin kos` lists exactly the copies with findings. Checked with pydicom, dciodvfy
 * (0 errors) and PixelMed's DicomSRValidator (0 errors on the SR and the KOS).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { dciodvfy, runTool } from '../helpers/dicom-tools';
import { pixelmedValidate } from '../helpers/pixelmed';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const SAMPLE_BOXES = join(REPO, 'assets', 'sample', 'boxes.csv');
const SC = '1.2.840.10008.5.1.4.1.1.7';
const KOS = '1.2.840.10008.5.1.4.1.1.88.59';
const SR = '1.2.840.10008.5.1.4.1.1.88.33';
const GSPS = '1.2.840.10008.5.1.4.1.1.11.1';

interface Read {
  path: string;
  sopClassUid: string;
  sopInstanceUid: string;
  instanceNumber: number;
  seriesDescription: string;
  title: string[] | null;
  equipment: {
    manufacturer: string;
    model: string;
    versions: string;
    deviceUid: string;
    purpose: string[][];
  }[];
  observer: Record<string, string>;
  references: string[];
}

let dir: string;
let flagged: Read[];
let fromCoco: Read[];

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name));
}

function readAll(root: string): Read[] {
  const run = runTool('/usr/bin/python3', [
    join(REPO, 'tests', 'helpers', 'ai_results.py'),
    ...filesUnder(root),
  ]);
  if (run.status !== 0) throw new Error(`pydicom failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Read);
}

const run = (args: string[]): void => {
  const result = runCli(args, { timeoutMs: 300_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
};

/** Instance numbers of the sample slices boxes.csv puts a finding on. */
function instancesWithFindings(): Set<number> {
  const [, ...lines] = readFileSync(SAMPLE_BOXES, 'utf8').trim().split('\n');
  return new Set(lines.map((line) => Number(line.split(',')[1])));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-air-'));
  const common = ['--window', 'abdomen', '--labels', '--quiet', '--twin', 'all'];
  const algorithm = ['--algorithm', 'KidneyNet', '--algorithm-version', '2.1'];
  const maker = ['--algorithm-manufacturer', 'Acme AI'];
  run([
    'convert',
    SAMPLE,
    '--out',
    join(dir, 'flagged'),
    '--boxes',
    SAMPLE_BOXES,
    ...common,
    ...algorithm,
    ...maker,
  ]);
  const coco = {
    info: { description: 'CocoNet', version: '0.9', contributor: 'Coco Labs' },
    images: [{ id: 1, file_name: 'series-1/IM0012' }],
    annotations: [{ image_id: 1, bbox: [170, 140, 20, 20], category_id: 1 }],
    categories: [{ id: 1, name: 'kidney lesion' }],
  };
  writeFileSync(join(dir, 'coco.json'), JSON.stringify(coco));
  run([
    'convert',
    SAMPLE,
    '--out',
    join(dir, 'coco'),
    '--boxes',
    join(dir, 'coco.json'),
    ...common,
    '--algorithm-version',
    '3.0',
  ]);
  flagged = readAll(join(dir, 'flagged'));
  fromCoco = readAll(join(dir, 'coco'));
}, 600_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the algorithm in Contributing Equipment', () => {
  it('every object of the run (24 SCs, GSPS, SR, KOS) has the algorithm item, then DICOM Ink', () => {
    const classes = flagged.map((r) => r.sopClassUid);
    expect(classes.filter((c) => c === SC)).toHaveLength(24);
    expect(new Set(classes)).toEqual(new Set([SC, GSPS, SR, KOS]));
    const deviceUids = new Set<string>();
    for (const read of flagged) {
      const [algorithm, ink] = read.equipment;
      expect(read.equipment, basename(read.path)).toHaveLength(2);
      expect(algorithm).toMatchObject({ manufacturer: 'Acme AI', model: 'KidneyNet', versions: '2.1' });
      expect(algorithm?.purpose).toEqual([['Newcode1', '99IHE', 'Processing Algorithm']]);
      expect(ink).toMatchObject({ manufacturer: 'DICOM Ink', model: 'DICOM Ink' });
      expect(ink?.purpose).toEqual([['109103', 'DCM', 'Modifying Equipment']]);
      deviceUids.add(algorithm?.deviceUid ?? '');
    }
    expect(deviceUids.size).toBe(1);
    expect([...deviceUids][0]).toMatch(/^2\.25\.\d+$/);
  });

  it("the SC's Series Description names the algorithm and its version", () => {
    for (const read of flagged.filter((r) => r.sopClassUid === SC))
      expect(read.seriesDescription).toContain('AI KidneyNet 2.1');
  });

  it("the SR's observer context names the algorithm as its device, with the Contributing Equipment UID", () => {
    const report = flagged.find((r) => r.sopClassUid === SR) as Read;
    expect(report.observer).toEqual({
      'Device Observer UID': report.equipment[0]?.deviceUid,
      'Device Observer Name': 'KidneyNet',
      'Device Observer Manufacturer': 'Acme AI',
      'Device Observer Model Name': 'KidneyNet 2.1',
    });
  });

  it("a COCO file's info names the algorithm; a flag (--algorithm-version) wins over it", () => {
    expect(fromCoco.length).toBeGreaterThan(0);
    for (const read of fromCoco)
      expect(read.equipment[0]).toMatchObject({
        manufacturer: 'Coco Labs',
        model: 'CocoNet',
        versions: '3.0',
      });
  });
});

describe('--twin kos: key images', () => {
  it('one Key Object Selection titled (113000, DCM, "Of Interest") lists exactly the SCs with findings', () => {
    const documents = flagged.filter((r) => r.sopClassUid === KOS);
    expect(documents).toHaveLength(1);
    const kos = documents[0] as Read;
    expect(kos.title).toEqual(['113000', 'DCM', 'Of Interest']);
    const withFindings = instancesWithFindings();
    const expected = flagged
      .filter((r) => r.sopClassUid === SC && withFindings.has(r.instanceNumber))
      .map((r) => r.sopInstanceUid);
    expect(expected).toHaveLength(withFindings.size);
    expect(new Set(kos.references)).toEqual(new Set(expected));
    expect(kos.references).toHaveLength(expected.length);
  });
});

describe('validators from outside our toolchain', () => {
  it('dciodvfy reports 0 errors on the SC, GSPS, SR and KOS', () => {
    const one = (uid: string): Read => flagged.find((r) => r.sopClassUid === uid) as Read;
    for (const uid of [SC, GSPS, SR, KOS]) {
      const verdict = dciodvfy(one(uid).path);
      expect(verdict.errors, `${uid}: ${verdict.output}`).toEqual([]);
    }
  });

  it("PixelMed's DicomSRValidator reports 0 errors on the SR and the KOS", () => {
    for (const uid of [SR, KOS]) {
      const document = flagged.find((r) => r.sopClassUid === uid) as Read;
      const verdict = pixelmedValidate(document.path);
      expect(verdict.output).toMatch(/Validation Complete|validation complete/);
      expect(verdict.errors, verdict.output).toEqual([]);
    }
  }, 300_000);
});
