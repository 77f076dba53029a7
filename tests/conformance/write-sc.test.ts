import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyWrittenSecondaryCapture } from '../../src/main/dicom/verify-output';
import { buildSecondaryCapture } from '../../src/main/dicom/write/secondary-capture';
import { dciodvfy, dcm2pnm, dcmdump, gdcminfo, pydicomRead } from '../helpers/dicom-tools';
import { loadWriteSource, syntheticFrames } from '../helpers/write-source';

const folder = mkdtempSync(join(tmpdir(), 'write-sc-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CASES = [
  {
    name: 'CT (Implicit VR source), 1 frame',
    fixture: 'dp_CT1_UNC.implicit_little_endian.dcm',
    frames: 1,
    size: 512,
  },
  {
    name: 'CT (Implicit VR source), 3 frames',
    fixture: 'dp_CT1_UNC.implicit_little_endian.dcm',
    frames: 3,
    size: 512,
  },
  {
    name: 'MR with overlays and two windows, 1 frame',
    fixture: 'MR-SIEMENS-DICOM-WithOverlays.dcm',
    frames: 1,
    size: 484,
  },
  {
    name: 'MR with overlays and two windows, 2 frames',
    fixture: 'MR-SIEMENS-DICOM-WithOverlays.dcm',
    frames: 2,
    size: 484,
  },
];

/** Attributes that describe the source's grayscale pixels and must never reach the output. */
const FORBIDDEN = [
  '0028,1050',
  '0028,1051',
  '0028,1052',
  '0028,1053',
  '0028,1054',
  '0028,1055',
  '0028,3000',
  '0028,3010',
  '0028,0106',
  '0028,0107',
  '0088,0200',
];

describe.each(CASES)('written Secondary Capture: $name', ({ fixture, frames: count, size }) => {
  const source = loadWriteSource(`tests/fixtures/corpus/${fixture}`);
  const frames = syntheticFrames(size, size, count);
  const built = buildSecondaryCapture({
    source,
    frames,
    settingsKey: JSON.stringify({ window: 'preset:abdomen', labels: false, boxes: [] }),
    seriesKey: JSON.stringify({ window: 'preset:abdomen', labels: false }),
    derivationDescription:
      'Rendered to RGB by DICOM Ink with abdomen preset (center 50 width 400); 0 boxes burned in',
    seriesDescriptionSuffix: 'W400/L50',
  });
  const path = join(folder, `${fixture}.${count}.dcm`);
  writeFileSync(path, built.bytes);

  it('has no dciodvfy errors and is recognised as the intended IOD', () => {
    const result = dciodvfy(path);
    expect(result.errors).toEqual([]);
    expect(result.output).toContain(count > 1 ? 'MultiframeTrueColorSCImage' : 'SCImage');
  });

  it('shows the RGB pixel module, File Meta and derived-image tags in dcmdump, and none of the forbidden ones', () => {
    const { top, text } = dcmdump(path);
    const value = (tag: string): string | undefined => top.get(tag)?.value;
    expect(value('0002,0002')).toBe(built.sopClassUid);
    expect(value('0002,0003')).toBe(built.sopInstanceUid);
    expect(value('0002,0010')).toBe('1.2.840.10008.1.2.1');
    expect(value('0002,0012')).toMatch(/^2\.25\./);
    expect(value('0002,0013')).toMatch(/^DICOMINK_/);
    expect(value('0008,0018')).toBe(built.sopInstanceUid);
    expect(value('0020,000e')).toBe(built.seriesInstanceUid);
    expect(value('0020,000d')).toBe(source.header.studyInstanceUid);
    expect(value('0028,0004')).toBe('RGB');
    expect(['0028,0002', '0028,0100', '0028,0101', '0028,0102', '0028,0103', '0028,0006'].map(value)).toEqual(
      ['3', '8', '8', '7', '0', '0'],
    );
    expect(value('0008,0008')).toBe('DERIVED\\SECONDARY');
    expect(value('0028,0301')).toBe('YES');
    expect(value('0008,0064')).toBe('WSD');
    expect(top.get('7fe0,0010')?.vr).toBe('OB');
    expect(FORBIDDEN.filter((t) => top.has(t))).toEqual([]);
    expect(text).not.toMatch(/^\(60[0-9a-f]{2},/m);
    expect([...top.keys()].filter((t) => parseInt(t.slice(0, 4), 16) % 2 === 1)).toEqual([]);
  });

  it('renders in DCMTK (dcm2pnm) to exactly the RGB bytes written', () => {
    const rendered = dcm2pnm(path);
    expect(rendered).toHaveLength(count);
    rendered.forEach((pnm, i) => {
      expect([pnm.width, pnm.height, pnm.channels]).toEqual([size, size, 3]);
      expect(Buffer.compare(pnm.data, Buffer.from(frames[i] ?? []))).toBe(0);
    });
  });

  it('opens in GDCM', () => {
    const info = gdcminfo(path);
    expect(info.ok).toBe(true);
    expect(info.text).toContain(`MediaStorage is ${built.sopClassUid}`);
  });

  it('gives pydicom a pixel_array equal to the frames', () => {
    const read = pydicomRead(path);
    expect(read.photometric).toBe('RGB');
    expect(read.sopInstanceUid).toBe(built.sopInstanceUid);
    expect(read.shape).toEqual(count > 1 ? [count, size, size, 3] : [size, size, 3]);
    expect(Buffer.compare(read.pixels, Buffer.concat(frames))).toBe(0);
  });

  it('passes its own read-back verification', () => {
    expect(
      verifyWrittenSecondaryCapture(built.bytes, {
        frames,
        sopInstanceUid: built.sopInstanceUid,
        rows: size,
        columns: size,
      }),
    ).toEqual({ ok: true });
  });
});
