import { describe, expect, it } from 'vitest';
import { verifyWrittenSecondaryCapture } from '../../../src/main/dicom/verify-output';
import { buildSecondaryCapture } from '../../../src/main/dicom/write/secondary-capture';
import { loadWriteSource, syntheticFrames } from '../../helpers/write-source';

const source = loadWriteSource('tests/fixtures/corpus/MR-SIEMENS-DICOM-WithOverlays.dcm');
const frames = syntheticFrames(484, 484, 2);
const built = buildSecondaryCapture({
  source,
  frames,
  settingsKey: 'k',
  seriesKey: 's',
  derivationDescription: 'test',
});
const expected = { frames, sopInstanceUid: built.sopInstanceUid, rows: 484, columns: 484 };

function patched(edit: (bytes: Buffer) => void): Uint8Array {
  const copy = Buffer.from(built.bytes);
  edit(copy);
  return copy;
}

describe('verifyWrittenSecondaryCapture', () => {
  it('accepts what was written', () => {
    expect(verifyWrittenSecondaryCapture(built.bytes, expected)).toEqual({ ok: true });
  });

  it('detects one flipped pixel byte in the second frame', () => {
    const bytes = patched((b) => {
      const at = b.length - 10;
      b[at] = (b[at] ?? 0) ^ 0x01;
    });
    expect(verifyWrittenSecondaryCapture(bytes, expected)).toEqual({
      ok: false,
      reason: 'pixels of frame 2 differ from the rendered image',
    });
  });

  it('detects a wrong Photometric Interpretation', () => {
    const bytes = patched((b) => {
      const at = b.indexOf('RGB ', 0, 'latin1');
      b.write('BGR ', at, 'latin1');
    });
    expect(verifyWrittenSecondaryCapture(bytes, expected)).toEqual({
      ok: false,
      reason: 'Photometric Interpretation is BGR, not RGB',
    });
  });

  it('detects a different SOP Instance UID, frame count and size', () => {
    expect(
      verifyWrittenSecondaryCapture(built.bytes, { ...expected, sopInstanceUid: '1.2.3' }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('SOP Instance UID') });
    expect(verifyWrittenSecondaryCapture(built.bytes, { ...expected, frames: frames.slice(0, 1) })).toEqual({
      ok: false,
      reason: 'Number of Frames is 2, expected 1',
    });
    expect(verifyWrittenSecondaryCapture(built.bytes, { ...expected, rows: 100 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('size is 484x484'),
    });
  });

  it('reports a truncated file instead of throwing', () => {
    const verdict = verifyWrittenSecondaryCapture(
      built.bytes.subarray(0, built.bytes.length - 1000),
      expected,
    );
    expect(verdict.ok).toBe(false);
  });
});
