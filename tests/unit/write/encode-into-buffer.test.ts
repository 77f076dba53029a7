import { describe, expect, it } from 'vitest';
import { buildSecondaryCapture } from '../../../src/main/dicom/write/secondary-capture';
import type { SecondaryCaptureInput } from '../../../src/main/dicom/write/secondary-capture';
import { loadWriteSource, syntheticFrames } from '../../helpers/write-source';

const CT = 'tests/fixtures/corpus/dp_CT1_UNC.implicit_little_endian.dcm';

function input(): SecondaryCaptureInput {
  const source = loadWriteSource(CT);
  return {
    source,
    frames: syntheticFrames(source.header.pixel.rows, source.header.pixel.columns, 1),
    settingsKey: JSON.stringify({ window: 'preset:abdomen', labels: false, boxes: [] }),
    seriesKey: JSON.stringify({ window: 'preset:abdomen', labels: false }),
    derivationDescription: 'Rendered to RGB by DICOM Ink with abdomen preset (center 50 width 400)',
  };
}

describe('encoding a Secondary Capture into a caller buffer', () => {
  it('writes the same bytes as a fresh buffer, into the buffer the caller gave', () => {
    const fresh = buildSecondaryCapture(input()).bytes;
    let given: Uint8Array | undefined;
    const reused = buildSecondaryCapture({
      ...input(),
      output: (length) => (given = new Uint8Array(length).fill(0xee)),
    }).bytes;
    expect(reused === given).toBe(true);
    expect(reused.length).toBe(fresh.length);
    expect(Buffer.compare(Buffer.from(reused), Buffer.from(fresh))).toBe(0);
  });

  it('refuses a buffer of the wrong size rather than writing a short or padded file', () => {
    expect(() =>
      buildSecondaryCapture({ ...input(), output: (length) => new Uint8Array(length + 1) }),
    ).toThrow(/output buffer has \d+ bytes, \d+ needed/);
  });
});
