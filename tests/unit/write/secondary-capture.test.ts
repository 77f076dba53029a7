import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import {
  buildSecondaryCapture,
  MULTIFRAME_TRUE_COLOR_SC_IMAGE_STORAGE,
  SECONDARY_CAPTURE_IMAGE_STORAGE,
} from '../../../src/main/dicom/write/secondary-capture';
import type { SecondaryCaptureInput } from '../../../src/main/dicom/write/secondary-capture';
import { loadWriteSource, syntheticFrames } from '../../helpers/write-source';

const CT = 'tests/fixtures/corpus/dp_CT1_UNC.implicit_little_endian.dcm';
const MR = 'tests/fixtures/corpus/MR-SIEMENS-DICOM-WithOverlays.dcm';

function input(path: string, overrides: Partial<SecondaryCaptureInput> = {}): SecondaryCaptureInput {
  const source = loadWriteSource(path);
  return {
    source,
    frames: syntheticFrames(source.header.pixel.rows, source.header.pixel.columns, 1),
    settingsKey: JSON.stringify({
      window: 'preset:abdomen',
      labels: false,
      boxes: ['1,10,10,40,40,ff0000,4,'],
    }),
    seriesKey: JSON.stringify({ window: 'preset:abdomen', labels: false }),
    derivationDescription:
      'Rendered to RGB by DICOM Ink with abdomen preset (center 50 width 400); 1 box burned in',
    seriesDescriptionSuffix: 'W400/L50, boxes',
    ...overrides,
  };
}

describe('buildSecondaryCapture', () => {
  it('writes a single frame as Secondary Capture Image Storage with the RGB pixel module', () => {
    const built = buildSecondaryCapture(input(CT));
    const data = parseDicom(built.bytes);
    expect(built.sopClassUid).toBe(SECONDARY_CAPTURE_IMAGE_STORAGE);
    expect(data.string('x00080016')).toBe(SECONDARY_CAPTURE_IMAGE_STORAGE);
    expect(data.string('x00080018')).toBe(built.sopInstanceUid);
    expect(data.string('x0020000e')).toBe(built.seriesInstanceUid);
    expect(data.string('x00280004')).toBe('RGB');
    expect(
      [2, 0x100, 0x101, 0x102, 0x103, 6].map((e) => data.uint16(`x0028${e.toString(16).padStart(4, '0')}`)),
    ).toEqual([3, 8, 8, 7, 0, 0]);
    expect(data.elements.x00280008).toBeUndefined();
    expect(data.string('x00020010')).toBe('1.2.840.10008.1.2.1');
  });

  it('keeps patient, study, instance number and image plane; marks the image derived with burned-in annotation', () => {
    const data = parseDicom(buildSecondaryCapture(input(CT)).bytes);
    expect(data.string('x00100010')).toBe('CompressedSamples^CT1');
    expect(data.string('x0020000d')).toBe('1.3.6.1.4.1.5962.1.2.1.20040826185059.5457');
    expect(data.string('x00200013')).toBe('1');
    expect(data.string('x00200011')).toBe('1001');
    expect(data.string('x0008103e')).toBe('[DICOM Ink RGB W400/L50, boxes]');
    expect(data.string('x00200032')).toBe('-158.135803\\-179.035797\\-75.699997');
    expect(data.string('x00280030')).toBe('0.661468\\0.661468');
    expect(data.string('x00200052')).toBe('1.3.6.1.4.1.5962.1.4.1.1.20040826185059.5457');
    expect(data.string('x00080008')).toBe('DERIVED\\SECONDARY');
    expect(data.string('x00280301')).toBe('YES');
    expect(data.string('x00080064')).toBe('WSD');
    expect(data.string('x00080060')).toBe('CT');
    expect(data.string('x00080005')).toBe('ISO_IR 100');
    const item = data.elements.x00082112?.items?.[0]?.dataSet;
    expect(item?.string('x00081150')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(item?.string('x00081155')).toBe('1.3.6.1.4.1.5962.1.1.1.1.1.20040826185059.5457');
  });

  it('carries no windowing, rescale, overlay, private or other source-pixel attributes', () => {
    for (const path of [CT, MR]) {
      const data = parseDicom(buildSecondaryCapture(input(path)).bytes);
      const tags = Object.keys(data.elements);
      const forbidden = tags.filter(
        (t) =>
          /^x(0028105[0-5]|0028106[0-9a-f]|00283000|00283010|00281052|00281053|00281054|00280106|00280107|00281101|00281102|00281103|00281201|00281202|00281203|00880200)$/.test(
            t,
          ) ||
          /^x60[0-9a-f]{2}/.test(t) ||
          parseInt(t.slice(1, 5), 16) % 2 === 1,
      );
      expect(forbidden).toEqual([]);
    }
  });

  it('writes several frames as Multi-frame True Color SC with frames as pages (PS3.3 C.8.6.3)', () => {
    const source = loadWriteSource(MR);
    const frames = syntheticFrames(484, 484, 3);
    const built = buildSecondaryCapture(input(MR, { frames }));
    const data = parseDicom(built.bytes);
    expect(built.sopClassUid).toBe(MULTIFRAME_TRUE_COLOR_SC_IMAGE_STORAGE);
    expect(data.string('x00280008')).toBe('3');
    expect(data.attributeTag('x00280009')).toBe('x00182001');
    expect(data.string('x00182001')).toBe('1\\2\\3');
    expect(data.elements.x7fe00010?.length).toBe(484 * 484 * 3 * 3);
    expect(source.header.pixel.rows).toBe(484);
  });

  it('is byte-identical for the same input and settings', () => {
    const a = buildSecondaryCapture(input(CT));
    const b = buildSecondaryCapture(input(CT));
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
  });

  it('gives a new instance for new boxes but keeps the series; a new window gives a new series', () => {
    const base = buildSecondaryCapture(input(CT));
    const otherBoxes = buildSecondaryCapture(
      input(CT, { settingsKey: JSON.stringify({ window: 'preset:abdomen', labels: false, boxes: [] }) }),
    );
    const otherWindow = buildSecondaryCapture(
      input(CT, {
        settingsKey: JSON.stringify({ window: 'preset:lung', labels: false, boxes: [] }),
        seriesKey: JSON.stringify({ window: 'preset:lung', labels: false }),
      }),
    );
    expect(otherBoxes.sopInstanceUid).not.toBe(base.sopInstanceUid);
    expect(otherBoxes.seriesInstanceUid).toBe(base.seriesInstanceUid);
    expect(otherWindow.seriesInstanceUid).not.toBe(base.seriesInstanceUid);
    const explicitSeries = buildSecondaryCapture(input(CT, { seriesKey: 'export-42' }));
    expect(explicitSeries.seriesInstanceUid).not.toBe(base.seriesInstanceUid);
    expect(explicitSeries.sopInstanceUid).toBe(base.sopInstanceUid);
  });

  it('fits a long Series Description into LO (64 characters), keeping the bracketed part whole', () => {
    const source = loadWriteSource(CT);
    source.header.seriesDescription = 'A'.repeat(80);
    const data = parseDicom(buildSecondaryCapture({ ...input(CT), source }).bytes);
    const text = data.string('x0008103e') ?? '';
    expect(text.length).toBeLessThanOrEqual(64);
    expect(text.endsWith('[DICOM Ink RGB W400/L50, boxes]')).toBe(true);
  });

  it('copies a name in the source character set (ISO_IR 144) byte for byte and declares that set', () => {
    const source = loadWriteSource(CT);
    const base = source.getString.bind(source);
    // The reader gives a non-UTF-8 value one character per byte: "Иванов" in ISO 8859-5.
    const bytes = Buffer.from([0xb8, 0xd2, 0xd0, 0xdd, 0xde, 0xd2]);
    const fields: Record<string, string> = { '00080005': 'ISO_IR 144', '00100010': bytes.toString('latin1') };
    const data = parseDicom(
      buildSecondaryCapture({
        ...input(CT),
        source: { header: source.header, getString: (t) => fields[t] ?? base(t) },
      }).bytes,
    );
    expect(data.string('x00080005')).toBe('ISO_IR 144');
    const name = data.elements.x00100010;
    const written = data.byteArray.subarray(name?.dataOffset, (name?.dataOffset ?? 0) + (name?.length ?? 0));
    expect(Buffer.from(written)).toEqual(bytes);
  });

  it('records lossy history when the source came in a lossy transfer syntax (PS3.3 C.7.6.1.1.5)', () => {
    const source = loadWriteSource(CT);
    source.header.transferSyntaxUid = '1.2.840.10008.1.2.4.50';
    const data = parseDicom(buildSecondaryCapture({ ...input(CT), source }).bytes);
    expect(data.string('x00282110')).toBe('01');
    expect(data.string('x00282114')).toBe('ISO_10918_1');
  });

  it('refuses frames whose size does not match the source geometry', () => {
    expect(() => buildSecondaryCapture(input(CT, { frames: [new Uint8Array(10)] }))).toThrow(
      /512x512 RGB needs 786432/,
    );
    expect(() => buildSecondaryCapture(input(CT, { frames: [] }))).toThrow(/no frames/);
  });
});
