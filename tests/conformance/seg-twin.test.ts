/**
 * Issue 24, part 3: `--twin seg` writes the mask findings of a series as a BINARY DICOM Segmentation
 * beside the burned-in copies. On a generated phantom CT series (48x40x12, non-square pixels, instance
 * numbers against position) with a NIfTI mask written by nibabel: dciodvfy reports no error; dcmdump
 * parses it; pydicom unpacks its 1-bit frames and each equals the mask voxels nibabel places on the
 * frame's source slice (seg_twin_check.py), with frames only where a segment is present, each at its
 * source slice's Image Position; the Contributing Equipment names the algorithm and DICOM Ink; reading
 * the SEG back with --masks burns byte-identical copies; Orthanc files the SEG (and the SC, GSPS, SR
 * and KOS of the same run) in the source's study. The report of the same masks gives each finding's
 * region as the mask's own bounds on its slice (sr_mask_check.py), not the outline burned around it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-harness';
import { dciodvfy, dcmdump } from '../helpers/dicom-tools';
import { ORTHANC_AET, getJson, startOrthanc, uploadFile, type OrthancServer } from '../helpers/orthanc';

const PYTHON = '/usr/bin/python3';
const PHANTOM = join(__dirname, 'findings', 'phantom_findings.py');
const CHECK = join(__dirname, 'seg_twin_check.py');
const SR_CHECK = join(__dirname, 'sr_mask_check.py');
const SEGMENTATION_STORAGE = '1.2.840.10008.5.1.4.1.1.66.4';
const COMMON = [
  '--window-center',
  '40',
  '--window-width',
  '400',
  '--labels',
  '--algorithm',
  'KidneyNet',
  '--algorithm-version',
  '2.1',
  '--jobs',
  '1',
  '--quiet',
];

interface SegCheck {
  bitsAllocated: number;
  frames: number;
  pixelArrayShape: number[];
  frameErrors: number;
  positionErrors: number;
  framesExpected: number;
  unexpectedFrames: number;
  frameOfReferenceMatches: boolean;
  studyMatches: boolean;
  segments: {
    number: number;
    label: string;
    algorithmType: string;
    algorithmName: string;
    lab: number[];
    category: string[];
    type: string[];
  }[];
  equipment: { manufacturer: string; model: string; purpose: string[] }[];
}

let dir: string;
let series: string;
let mask: string;
let fromNifti: string;
let fromSeg: string;
let seg: string;

function convert(out: string, masks: string, twin: string, extra: string[] = []): void {
  const run = runCli(
    ['convert', series, '--out', out, '--masks', masks, '--twin', twin, ...COMMON, ...extra],
    {
      timeoutMs: 120_000,
    },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

function segmentationIn(folder: string): string {
  const found = readdirSync(folder).filter((name) => name.startsWith('segmentation-'));
  expect(found).toHaveLength(1);
  return join(folder, found[0] as string);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-seg-twin-'));
  series = join(dir, 'axial');
  execFileSync(PYTHON, [PHANTOM, 'series', series, 'axial']);
  execFileSync(PYTHON, [PHANTOM, 'masks', series, join(dir, 'masks')]);
  // itk.nii.gz: label 1 an L-shape on 4 slices, label 2 a ball and a single voxel; itk.json names them.
  mask = join(dir, 'masks', 'itk.nii.gz');
  fromNifti = join(dir, 'from-nifti');
  convert(fromNifti, mask, 'seg', ['--zip', join(dir, 'out.zip'), '--dicomdir', join(dir, 'media')]);
  seg = segmentationIn(join(fromNifti, 'axial'));
  fromSeg = join(dir, 'from-seg');
  convert(fromSeg, seg, 'seg');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--twin seg: a DICOM Segmentation of the mask findings', () => {
  it('passes dciodvfy with 0 errors and parses with dcmdump as Segmentation Storage', () => {
    const verdict = dciodvfy(seg);
    console.log(
      `dciodvfy on the SEG: ${verdict.errors.length} errors, ${verdict.warnings.length} warnings\n${verdict.warnings.join('\n')}`,
    );
    expect(verdict.output).toContain('Segmentation');
    expect(verdict.errors).toEqual([]);
    const dump = dcmdump(seg);
    expect(dump.top.get('0008,0016')?.value).toBe(SEGMENTATION_STORAGE);
    expect(dump.top.get('0062,0001')?.value).toBe('BINARY');
    expect(dump.top.get('0028,0100')?.value).toBe('1');
  });

  it('holds, per frame, exactly the mask voxels on its source slice, only where a segment is present (pydicom + nibabel)', () => {
    const check = JSON.parse(
      execFileSync(PYTHON, [CHECK, seg, series, mask, JSON.stringify({ kidney: 1, tumour: 2 })], {
        encoding: 'utf8',
      }),
    ) as SegCheck;
    console.log(
      `pydicom: ${check.frames} frames of 1 bit, ${check.frameErrors} pixels differ from the mask, ${check.positionErrors} positions differ`,
    );
    expect(check.bitsAllocated).toBe(1);
    expect(check.pixelArrayShape).toEqual([check.frames, 40, 48]);
    // label 1 on 4 slices, label 2 (ball and single voxel) on 5: 9 (segment, slice) pairs, of 24 possible
    expect(check.framesExpected).toBe(9);
    expect(check.frames).toBe(9);
    expect(check.frameErrors).toBe(0);
    expect(check.positionErrors).toBe(0);
    expect(check.unexpectedFrames).toBe(0);
    expect(check.frameOfReferenceMatches).toBe(true);
    expect(check.studyMatches).toBe(true);
    expect(check.segments.map((s) => [s.number, s.label, s.algorithmType, s.algorithmName])).toEqual([
      [1, 'kidney', 'AUTOMATIC', 'KidneyNet'],
      [2, 'tumour', 'AUTOMATIC', 'KidneyNet'],
    ]);
    // Okabe-Ito orange (230, 159, 0) and sky blue (86, 180, 233) as CIELab
    expect(check.segments.map((s) => s.lab)).toEqual([
      [46275, 37131, 52088],
      [45760, 29806, 23961],
    ]);
    expect(check.segments[0]?.type.slice(1)).toEqual(['99DICOMINK', 'kidney']);
    expect(check.equipment).toEqual([
      {
        manufacturer: 'unknown manufacturer',
        model: 'KidneyNet',
        purpose: ['Newcode1', '99IHE', 'Processing Algorithm'],
      },
      { manufacturer: 'DICOM Ink', model: 'DICOM Ink', purpose: ['109103', 'DCM', 'Modifying Equipment'] },
    ]);
  });

  it('an oblique series (rotated 30 and 20 degrees) with a dcm2niix-like mask (rows flipped): the same, at oblique positions', () => {
    const oblique = join(dir, 'oblique');
    execFileSync(PYTHON, [PHANTOM, 'series', oblique, 'oblique', '--oblique']);
    execFileSync(PYTHON, [PHANTOM, 'masks', oblique, join(dir, 'oblique-masks')]);
    const flipped = join(dir, 'oblique-masks', 'dcm2niix.nii.gz');
    const out = join(dir, 'from-oblique');
    const run = runCli(['convert', oblique, '--out', out, '--masks', flipped, '--twin', 'seg', ...COMMON]);
    expect(run.code).toBe(0);
    const file = segmentationIn(join(out, 'oblique'));
    const labels = JSON.stringify({ 'label 1': 1, 'label 2': 2 });
    const check = JSON.parse(
      execFileSync(PYTHON, [CHECK, file, oblique, flipped, labels], { encoding: 'utf8' }),
    ) as SegCheck;
    console.log(
      `pydicom, oblique: ${check.frames} frames, ${check.frameErrors} pixels differ, ${check.positionErrors} positions differ`,
    );
    expect(check.framesExpected).toBe(9);
    expect(check.frames).toBe(9);
    expect(check.frameErrors).toBe(0);
    expect(check.positionErrors).toBe(0);
    expect(dciodvfy(file).errors).toEqual([]);
  });

  it("the report's region of each mask finding is the mask's own bounds on its slice, not the outline burned around it (pydicom + nibabel)", () => {
    const out = join(dir, 'from-nifti-sr');
    convert(out, mask, 'sr');
    const report = readdirSync(join(out, 'axial')).find((name) => name.startsWith('report-'));
    const check = JSON.parse(
      execFileSync(
        PYTHON,
        [SR_CHECK, join(out, 'axial', report ?? ''), series, mask, JSON.stringify({ kidney: 1, tumour: 2 })],
        { encoding: 'utf8' },
      ),
    ) as { findings: unknown[]; expectedFindings: number; regionErrors: number };
    console.log(
      `report regions: ${check.regionErrors} of ${check.findings.length} differ from the mask's bounds`,
    );
    expect(check.findings).toHaveLength(check.expectedFindings);
    expect(check.expectedFindings).toBe(9);
    expect(check.regionErrors).toBe(0);
  });

  it('round trip: --masks of the SEG burns byte-identical copies to the NIfTI run', () => {
    const names = readdirSync(join(series)).sort();
    expect(names).toHaveLength(12);
    for (const name of names) {
      const a = readFileSync(join(fromNifti, 'axial', name));
      const b = readFileSync(join(fromSeg, 'axial', name));
      expect(Buffer.compare(a, b), name).toBe(0);
    }
    // and the segmentation written from the SEG holds the same segments and frames
    const again = segmentationIn(join(fromSeg, 'axial'));
    const pixels = (file: string): string =>
      execFileSync(
        PYTHON,
        ['-c', 'import sys,pydicom; print(pydicom.dcmread(sys.argv[1]).PixelData.hex())', file],
        {
          encoding: 'utf8',
        },
      );
    expect(pixels(again)).toBe(pixels(seg));
  });
});

describe('the SEG goes where the images go', () => {
  it('into the ZIP and the DICOMDIR beside the copies, byte for byte', () => {
    const script = [
      'import sys, zipfile, pydicom',
      'z = zipfile.ZipFile(sys.argv[1])',
      "print(','.join(n for n in z.namelist() if n.endswith(sys.argv[3])))",
      'd = pydicom.dcmread(sys.argv[2])',
      "print(sum(1 for r in d.DirectoryRecordSequence if r.get('ReferencedSOPClassUIDInFile') == sys.argv[4]))",
      "print(z.read([n for n in z.namelist() if n.endswith(sys.argv[3])][0]) == open(sys.argv[5], 'rb').read())",
    ].join('\n');
    const name = seg.slice(seg.lastIndexOf('/') + 1);
    const [zipped, records, same] = execFileSync(
      PYTHON,
      ['-c', script, join(dir, 'out.zip'), join(dir, 'media', 'DICOMDIR'), name, SEGMENTATION_STORAGE, seg],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n');
    expect(zipped).toBe(`axial/${name}`);
    expect(records).toBe('1');
    expect(same).toBe('True');
  });
});

describe('--twin all --send: every object of the run in the source study', () => {
  let server: OrthancServer | undefined;
  beforeAll(async () => {
    server = await startOrthanc({ dicom: true });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it(
    'Orthanc stores the SC, GSPS, SR, SEG and KOS in the study of the originals',
    { timeout: 180_000 },
    async () => {
      const orthanc = server as OrthancServer;
      convert(join(dir, 'sent'), mask, 'all', [
        '--send',
        `dicom://${ORTHANC_AET}@127.0.0.1:${String(orthanc.dicomPort)}`,
      ]);
      for (const name of readdirSync(series)) await uploadFile(orthanc, join(series, name));
      const studies = await getJson<string[]>(orthanc, '/studies');
      expect(studies).toHaveLength(1);
      const found = await getJson<{ MainDicomTags: { Modality?: string }; Instances: string[] }[]>(
        orthanc,
        `/studies/${studies[0] ?? ''}/series?expand`,
      );
      const counts = found.map((s) => `${s.MainDicomTags.Modality ?? ''}:${s.Instances.length}`).sort();
      // the originals and the copies (CT, 12 each), the GSPS, the SR, the SEG and the KOS
      expect(counts).toEqual(['CT:12', 'CT:12', 'KO:1', 'PR:1', 'SEG:1', 'SR:1']);
    },
  );
});
