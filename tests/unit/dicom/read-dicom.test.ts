import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { DicomDecodeError } from '../../../src/main/dicom/errors';
import { openFileBytes } from '../../../src/main/dicom/file-bytes';
import { readDicomBytes, readDicomFile, readDicomFileBytes } from '../../../src/main/dicom/read-dicom';
import { generatePhantomSeries } from '../../../src/main/sample/phantom';
import type { DicomImage } from '../../../src/main/dicom/types';
import { corpusBytes, corpusFile } from '../../helpers/gdcm-reference';

/** Where the Pixel Data value starts, found by an independent parser. */
function pixelDataOffset(bytes: Uint8Array): number {
  const element = parseDicom(bytes, { untilTag: 'x7fe00010' }).elements.x7fe00010;
  if (!element) throw new Error('no Pixel Data');
  return element.dataOffset;
}

function image(name: string): DicomImage {
  const result = readDicomBytes(corpusBytes(name));
  if (!result.ok) throw new Error(result.reason);
  return result.image;
}

describe('header of a known CT slice (dp_CT1_UNC, Explicit VR LE)', () => {
  const ct = image('dp_CT1_UNC.explicit_little_endian.dcm');
  it('has its identity, patient, study and series fields', () => {
    expect(ct.header).toMatchObject({
      sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
      sopInstanceUid: '1.3.6.1.4.1.5962.1.1.1.1.1.20040826185059.5457',
      studyInstanceUid: '1.3.6.1.4.1.5962.1.2.1.20040826185059.5457',
      seriesInstanceUid: '1.3.6.1.4.1.5962.1.3.1.1.20040826185059.5457',
      transferSyntaxUid: '1.2.840.10008.1.2.1',
      modality: 'CT',
      patientName: 'CompressedSamples^CT1',
      patientId: '1CT1',
      studyDate: '20040826',
      studyDescription: 'e+1',
      seriesNumber: 1,
      instanceNumber: 1,
    });
  });
  it('has its image plane and pixel format', () => {
    expect(ct.header.imagePositionPatient).toEqual([-158.135803, -179.035797, -75.699997]);
    expect(ct.header.imageOrientationPatient).toEqual([1, 0, 0, 0, 1, 0]);
    expect(ct.header.pixelSpacing).toEqual([0.661468, 0.661468]);
    expect(ct.header.sliceLocation).toBeCloseTo(-77.2040634155, 10);
    expect(ct.header.pixel).toEqual({
      rows: 512,
      columns: 512,
      samplesPerPixel: 1,
      bitsAllocated: 16,
      bitsStored: 16,
      highBit: 15,
      pixelRepresentation: 1,
      photometric: 'MONOCHROME2',
      planarConfiguration: 0,
      numberOfFrames: 1,
    });
  });
  it('has rescale intercept -1024 and no window', () => {
    expect(ct.header.modalityTransform).toEqual({ kind: 'rescale', slope: 1, intercept: -1024 });
    expect(ct.header.windows).toEqual([]);
  });
  it('returns trimmed strings by tag and undefined for absent ones', () => {
    expect(ct.getString('00100010')).toBe('CompressedSamples^CT1');
    expect(ct.getString('0008103E')).toBeUndefined();
  });
  it('decodes to the same samples in Implicit VR LE and Explicit VR Big Endian', () => {
    const le = ct.decodeFrame(0).data;
    expect(le).toBeInstanceOf(Uint16Array);
    expect(le.length).toBe(262144);
    for (const twin of ['dp_CT1_UNC.implicit_little_endian.dcm', 'dp_CT1_UNC.explicit_big_endian.dcm']) {
      expect(
        Buffer.compare(Buffer.from(image(twin).decodeFrame(0).data.buffer), Buffer.from(le.buffer)),
      ).toBe(0);
    }
  });
});

describe('VOI and modality attributes', () => {
  it('reads every window pair with its explanation', () => {
    expect(image('MR-SIEMENS-DICOM-WithOverlays.dcm').header.windows).toEqual([
      { center: 450, width: 790, fn: 'LINEAR', explanation: 'WINDOW1' },
      { center: 200, width: 443, fn: 'LINEAR', explanation: 'WINDOW2' },
    ]);
  });
  it('reads rescale and window from the functional groups of an enhanced CT', () => {
    const header = image('eCT_Supplemental.dcm').header;
    expect(header.modalityTransform).toEqual({ kind: 'rescale', slope: 1, intercept: -1024 });
    expect(header.windows).toEqual([{ center: 49, width: 102, fn: 'LINEAR' }]);
    expect(header.pixelSpacing).toEqual([0.388672, 0.388672]);
  });
  it('reads a Modality LUT Sequence with a signed first mapped value (SS descriptor)', () => {
    const transform = image('mlut_18.dcm').header.modalityTransform;
    if (transform.kind !== 'lut') throw new Error('expected a LUT');
    expect(transform.lut.firstMapped).toBe(-2048);
    expect(transform.lut.bitsPerEntry).toBe(16);
    expect(transform.lut.data.length).toBe(4096);
    expect(transform.lut.data.slice(0, 4)).toEqual([0, 16, 32, 48]);
  });
  it('reads the first VOI LUT Sequence item', () => {
    const lut = image('vlut_04.dcm').header.voiLut;
    expect(lut?.firstMapped).toBe(0);
    expect(lut?.data.length).toBe(256);
    expect(lut?.data.slice(0, 4)).toEqual([0, 257, 514, 771]);
  });
  it('reads the palette of a file with no File Meta (Implicit VR, 200 entries of 16 bits)', () => {
    const header = image('OT-PAL-8-face.dcm').header;
    expect(header.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(header.palette?.red.data.length).toBe(200);
    expect(header.palette?.red.bitsPerEntry).toBe(16);
  });
});

describe('failures are values with a reason', () => {
  it('says a deflated SR is not an image, naming its SOP class', () => {
    expect(readDicomBytes(corpusBytes('dp_report_dfl'))).toEqual({
      ok: false,
      kind: 'not-image',
      reason: 'Enhanced SR is not an image (no Pixel Data); skipped',
    });
  });
  it('says a non-DICOM file is not DICOM', () => {
    expect(readDicomBytes(new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      kind: 'not-dicom',
      reason: 'not a DICOM file (no DICM marker and no DICOM header found)',
    });
  });
  it('gives the byte counts when native Pixel Data is cut short', () => {
    const bytes = corpusBytes('dp_CT1_UNC.explicit_little_endian.dcm');
    expect(readDicomBytes(bytes.subarray(0, pixelDataOffset(bytes) + 1200))).toEqual({
      ok: false,
      kind: 'error',
      reason: 'file is truncated: Pixel Data needs 524288 bytes, 1200 present',
    });
  });
  it('reports a cut encapsulated stream as an error at read time', () => {
    const bytes = corpusBytes('dp_CT1_UNC.fragmented_bot_jpeg_ls.80.dcm');
    const result = readDicomBytes(bytes.subarray(0, bytes.length - 5000));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toMatch(
        /^file is truncated: a Pixel Data fragment needs \d+ bytes, \d+ present$/,
      );
  });
  it('never throws for a file cut at any of 200 offsets, in 4 encodings', () => {
    for (const name of [
      'dp_CT1_UNC.implicit_little_endian.dcm',
      'emri_small_big_endian.dcm',
      'dp_image_dfl',
      'emri_small_RLE.dcm',
    ]) {
      const bytes = corpusBytes(name);
      for (let k = 0; k < 50; k++) {
        const cut = Math.floor((bytes.length * k) / 50);
        const result = readDicomBytes(bytes.subarray(0, cut));
        if (result.ok) {
          // Only an encapsulated file can still parse; its frames then decode or throw DicomDecodeError.
          expect(name).toBe('emri_small_RLE.dcm');
        } else {
          expect(['not-dicom', 'error']).toContain(result.kind);
          expect(result.reason.length).toBeGreaterThan(10);
        }
      }
    }
  });
});

describe('readDicomFile', () => {
  it('reads only the header with headerOnly, and decodeFrame then says so', async () => {
    const result = await readDicomFile(corpusFile('MR2_UNCR.dcm'), { headerOnly: true });
    if (!result.ok) throw new Error(result.reason);
    expect(result.image.header.pixel.rows).toBe(1024);
    expect(() => result.image.decodeFrame(0)).toThrow(DicomDecodeError);
    expect(() => result.image.decodeFrame(0)).toThrow(/headerOnly/);
  });
  it('finds truncation from the file size even in a header-only read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-read-'));
    const bytes = corpusBytes('MR2_UNCR.dcm');
    const path = join(dir, 'cut');
    writeFileSync(path, bytes.subarray(0, pixelDataOffset(bytes) + 2097052));
    expect(await readDicomFile(path, { headerOnly: true })).toEqual({
      ok: false,
      kind: 'error',
      reason: 'file is truncated: Pixel Data needs 2097152 bytes, 2097052 present',
    });
  });
  it('decodes a small file from its first read: one read of the whole file, same samples as in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-read-'));
    const [slice] = [...generatePhantomSeries({ slices: 1, size: 64, seed: 3 })];
    if (!slice) throw new Error('no slice');
    const path = join(dir, 'small');
    writeFileSync(path, slice.bytes);
    const file = openFileBytes(path);
    const read = readDicomFileBytes(file, { borrowPixels: true });
    if (!read.ok) throw new Error(read.reason);
    const frame = read.image.decodeFrame(0);
    expect(file.bytesRead).toBe(slice.bytes.length);
    const inMemory = readDicomBytes(slice.bytes);
    if (!inMemory.ok) throw new Error(inMemory.reason);
    expect(Array.from(frame.data)).toEqual(Array.from(inMemory.image.decodeFrame(0).data));
    read.image.decodeFrame(0);
    expect(file.bytesRead).toBe(slice.bytes.length);
    read.image.close();
  });
  it('returns an error value for a missing file', async () => {
    const result = await readDicomFile('/nonexistent/file.dcm');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^the file cannot be opened \(.*ENOENT/);
  });
});
