/**
 * COCO, YOLO and 3D boxes through the real CLI on the phantom series, checked pixel by pixel by the
 * Python oracle (phantom_findings.py): the same rectangles written in each format come back burned on
 * exactly their pixels; 3D boxes in LPS and RAS land where pydicom + numpy put the pixel centres inside
 * them, on an oblique series. Entries that cannot be placed are reported with their index or line, and
 * the run then exits 3 (converted, but some findings were not placed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-harness';
import { readDicomFile } from '../../../src/main/dicom/read-dicom';
import type { ImageHeader } from '../../../src/shared/dicom/image-header';

const SCRIPT = join(__dirname, 'phantom_findings.py');

function python(...args: string[]): string {
  return execFileSync('/usr/bin/python3', [SCRIPT, ...args], { encoding: 'utf8' });
}

interface OracleResult {
  slices: number;
  slicesWithFindings: number;
  expectedPixels: number;
  errors: number;
}

type Rects = Record<string, [number, number, number, number][]>;

function rectsOracle(
  series: string,
  out: string,
  expected: Rects,
  thickness: number,
  colour: string,
  placement: 'outside' | 'inside' = 'outside',
): OracleResult {
  return JSON.parse(
    python('rects-oracle', series, out, JSON.stringify(expected), String(thickness), colour, placement),
  ) as OracleResult;
}

async function headers(folder: string): Promise<Map<string, ImageHeader>> {
  const map = new Map<string, ImageHeader>();
  for (const name of readdirSync(folder)) {
    const read = await readDicomFile(join(folder, name), { headerOnly: true });
    if (read.ok) map.set(name, read.image.header);
  }
  return map;
}

const COMMON = ['--window-center', '40', '--window-width', '400', '--jobs', '1', '--thickness', '2'];
const RECTS: Rects = { 'IM0003.dcm': [[5, 6, 20, 18]], 'IM0007.dcm': [[30, 10, 44, 30]] };

let dir: string;
let axial: string;
let oblique: string;
let axialHeaders: Map<string, ImageHeader>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-box-formats-'));
  axial = join(dir, 'axial');
  oblique = join(dir, 'oblique');
  python('series', axial, 'axial');
  python('series', oblique, 'oblique', '--oblique');
  axialHeaders = await headers(axial);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('COCO', () => {
  it('annotations by file_name and by SOP Instance UID land on their pixels; low scores and unknown images are reported', () => {
    const sop7 = axialHeaders.get('IM0007.dcm')?.sopInstanceUid ?? '';
    const [a] = RECTS['IM0003.dcm'] ?? [];
    const [b] = RECTS['IM0007.dcm'] ?? [];
    if (!a || !b) throw new Error('fixture');
    const bbox = ([x1, y1, x2, y2]: number[]): number[] => [
      x1 ?? 0,
      y1 ?? 0,
      (x2 ?? 0) - (x1 ?? 0) + 1,
      (y2 ?? 0) - (y1 ?? 0) + 1,
    ];
    const coco = {
      images: [
        { id: 1, file_name: 'IM0003.dcm', width: 48, height: 40 },
        { id: 2, file_name: sop7 },
        { id: 3, file_name: 'missing.dcm' },
      ],
      categories: [{ id: 7, name: 'kidney lesion' }],
      annotations: [
        { id: 1, image_id: 1, category_id: 7, bbox: bbox(a), score: 0.9 },
        { id: 2, image_id: 2, category_id: 7, bbox: bbox(b), score: 0.8 },
        { id: 3, image_id: 1, category_id: 7, bbox: [1, 1, 5, 5], score: 0.2 },
        { id: 4, image_id: 3, category_id: 7, bbox: [1, 1, 5, 5] },
        { id: 5, image_id: 1, category_id: 7, bbox: [1, 1, 0, 5] },
      ],
    };
    const file = join(dir, 'detections.json');
    writeFileSync(file, JSON.stringify(coco, null, 2));
    const out = join(dir, 'out-coco');
    const run = runCli(['convert', axial, '--out', out, '--boxes', file, '--min-score', '0.5', ...COMMON]);
    // Every image converted, but some entries were not placed: exit 3, so a pipeline can tell.
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      'detections.json annotations[3]: images file_name "missing.dcm" is not an input image',
    );
    expect(run.stdout).toContain('detections.json annotations[4]: bbox is not [x, y, width, height]');
    const result = rectsOracle(axial, out, RECTS, 2, 'ff0000');
    expect(result.slicesWithFindings).toBe(2);
    expect(result.errors).toBe(0);
  });
});

describe('YOLO', () => {
  it('a folder of label files named after the images, classes.txt for names, lands on the same pixels (outline inside)', () => {
    const folder = join(dir, 'yolo');
    mkdirSync(folder);
    writeFileSync(join(folder, 'classes.txt'), 'kidney\nlesion\n');
    for (const [name, rects] of Object.entries(RECTS)) {
      const lines = rects.map(([x1, y1, x2, y2]) => {
        const [w, h] = [48, 40];
        const cx = (x1 + x2 + 1) / 2 / w;
        const cy = (y1 + y2 + 1) / 2 / h;
        return `1 ${cx} ${cy} ${(x2 - x1 + 1) / w} ${(y2 - y1 + 1) / h} 0.9`;
      });
      writeFileSync(join(folder, name.replace(/\.dcm$/, '.txt')), `${lines.join('\n')}\n`);
    }
    writeFileSync(join(folder, 'IM0005.txt'), '0 0.5 0.5 1.5 0.1\n');
    writeFileSync(join(folder, 'nothing.txt'), '0 0.5 0.5 0.1 0.1\n');
    const out = join(dir, 'out-yolo');
    const run = runCli(['convert', axial, '--out', out, '--boxes', folder, '--outline', 'inside', ...COMMON]);
    // Every image converted, but some entries were not placed: exit 3, so a pipeline can tell.
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('yolo/IM0005.txt:1: cx cy w h must be normalised to 0-1');
    expect(run.stdout).toContain('yolo/nothing.txt: no input image is named nothing');
    const result = rectsOracle(axial, out, RECTS, 2, 'ff0000', 'inside');
    expect(result.slicesWithFindings).toBe(2);
    expect(result.errors).toBe(0);
  });

  it('class names from data.yaml in its three spellings', async () => {
    const { yamlNames } = await import('../../../src/main/findings/yolo-folder');
    expect([...yamlNames('names: [kidney, lesion]\n')]).toEqual([
      [0, 'kidney'],
      [1, 'lesion'],
    ]);
    expect([...yamlNames('path: x\nnames:\n  - kidney\n  - "lesion"\nnc: 2\n')]).toEqual([
      [0, 'kidney'],
      [1, 'lesion'],
    ]);
    expect([...yamlNames('names:\n  0: kidney\n  1: lesion\n')]).toEqual([
      [0, 'kidney'],
      [1, 'lesion'],
    ]);
  });
});

describe('3D boxes in patient space', () => {
  it('LPS and RAS rows are drawn on every oblique slice they cross, where pydicom + numpy put them', async () => {
    const obliqueHeaders = await headers(oblique);
    const first = [...obliqueHeaders.values()][0];
    if (!first?.imagePositionPatient || !first.imageOrientationPatient) throw new Error('fixture');
    // a point in the middle of the volume, from the DICOM geometry
    const positions = [...obliqueHeaders.values()].map((h) => h.imagePositionPatient ?? [0, 0, 0]);
    const mean = [0, 1, 2].map((i) => positions.reduce((s, p) => s + (p[i] ?? 0), 0) / positions.length);
    const iop = first.imageOrientationPatient;
    const centre = [0, 1, 2].map(
      (i) => (mean[i] ?? 0) + 24 * 0.7 * (iop[i] ?? 0) + 20 * 0.8 * (iop[i + 3] ?? 0),
    );
    const lo1 = centre.map((v) => v - 6);
    const hi1 = centre.map((v) => v + 6);
    const lo2 = centre.map((v, i) => v + (i === 0 ? 8 : -4));
    const hi2 = centre.map((v, i) => v + (i === 0 ? 14 : 4));
    const series = first.seriesInstanceUid;
    const ras = (p: number[]): number[] => [-(p[0] ?? 0), -(p[1] ?? 0), p[2] ?? 0];
    const csv = [
      'series_instance_uid,x1_mm,y1_mm,z1_mm,x2_mm,y2_mm,z2_mm,space,label,color',
      `${series},${lo1.join(',')},${hi1.join(',')},LPS,nodule,00ff00`,
      `${series},${ras(hi2).join(',')},${ras(lo2).join(',')},RAS,nodule,00ff00`,
      `1.2.3.4,${lo1.join(',')},${hi1.join(',')},,other,00ff00`,
      `${series},0,0,900,1,1,901,,far,00ff00`,
    ].join('\n');
    const file = join(dir, 'boxes3d.csv');
    writeFileSync(file, csv);
    const out = join(dir, 'out-3d');
    const run = runCli(['convert', oblique, '--out', out, '--boxes', file, ...COMMON]);
    // Every image converted, but some entries were not placed: exit 3, so a pipeline can tell.
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('boxes3d.csv:4: no input image belongs to series 1.2.3.4');
    expect(run.stdout).toContain('boxes3d.csv:5: the box crosses none of the 12 slices');
    const expected = JSON.parse(
      python(
        'boxes3d-expected',
        oblique,
        JSON.stringify([
          [lo1, hi1],
          [lo2, hi2],
        ]),
      ),
    ) as Rects;
    const result = rectsOracle(oblique, out, expected, 2, '00ff00');
    console.log(
      `3D boxes on the oblique series: ${result.errors} px wrong of ${result.expectedPixels} on ${result.slicesWithFindings} slices`,
    );
    expect(result.slicesWithFindings).toBeGreaterThanOrEqual(4);
    expect(result.errors).toBe(0);
  });
});
