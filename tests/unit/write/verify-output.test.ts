import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileBytes } from '../../../src/main/dicom/file-bytes';
import type { IntendedOutput } from '../../../src/main/dicom/verify-output';
import {
  recordFrames,
  verifyWrittenOutput,
  verifyWrittenSecondaryCapture,
} from '../../../src/main/dicom/verify-output';
import {
  buildSecondaryCapture,
  buildSecondaryCaptureHeader,
} from '../../../src/main/dicom/write/secondary-capture';
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

describe('verifyWrittenOutput (a streamed output read back once)', () => {
  const description = { source, settingsKey: 'k', seriesKey: 's', derivationDescription: 'test' };
  const head = buildSecondaryCaptureHeader(description, frames.length);
  const written = Buffer.concat([head.header, ...frames]);
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-verify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function verdictFor(bytes: Uint8Array, overrides: Partial<IntendedOutput> = {}): unknown {
    const path = join(dir, 'out.dcm');
    writeFileSync(path, bytes);
    const recorder = recordFrames(frames.length);
    frames.forEach((frame) => recorder.add(frame));
    const file = openFileBytes(path);
    try {
      return verifyWrittenOutput(file, {
        header: head.header,
        frameBytes: 484 * 484 * 3,
        padding: head.padding,
        frames: recorder,
        sopInstanceUid: head.sopInstanceUid,
        rows: 484,
        columns: 484,
        ...overrides,
      });
    } finally {
      file.close();
    }
  }

  const flipped = (at: number): Buffer => {
    const copy = Buffer.from(written);
    copy[at] = (copy[at] ?? 0) ^ 0x01;
    return copy;
  };

  it('accepts the bytes written', () => {
    expect(verdictFor(written)).toEqual({ ok: true });
  });

  it('detects a flipped byte in a frame checked by CRC, in the last frame and in the header', () => {
    expect(verdictFor(flipped(head.header.length + 5))).toEqual({
      ok: false,
      reason: 'pixels of frame 1 differ from the rendered image',
    });
    expect(verdictFor(flipped(written.length - 10))).toEqual({
      ok: false,
      reason: 'pixels of frame 2 differ from the rendered image',
    });
    expect(verdictFor(flipped(200))).toEqual({
      ok: false,
      reason: 'the header read back differs from the header written',
    });
  });

  it('detects a short or overlong file', () => {
    expect(verdictFor(written.subarray(0, written.length - 1000))).toEqual({
      ok: false,
      reason: `the file has ${written.length - 1000} bytes, expected ${written.length}`,
    });
    expect(verdictFor(Buffer.concat([written, Buffer.alloc(2)]))).toMatchObject({ ok: false });
  });

  it('checks the header it parses in memory: SOP Instance UID, frame count, size', () => {
    expect(verdictFor(written, { sopInstanceUid: '1.2.3' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('SOP Instance UID'),
    });
    expect(verdictFor(written, { rows: 100 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('size is 484x484'),
    });
    const one = recordFrames(1);
    one.add(frames[0] ?? new Uint8Array(0));
    // One frame expected: the header's Pixel Data length (two frames) no longer fits the file.
    expect(verdictFor(written, { frames: one })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Pixel Data needs'),
    });
  });
});
