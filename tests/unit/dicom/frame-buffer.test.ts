/**
 * Issue 26: the converter reads each input's native frames into one buffer it reuses from file to file
 * (read-input.ts: a fresh frame-sized buffer per slice cost page faults on every file). A frame read
 * that way holds exactly what a fresh read of it does, and it really is the buffer handed over.
 */
import { describe, expect, it } from 'vitest';
import { openDicomFile } from '../../../src/main/dicom/read-dicom';
import type { DicomImage } from '../../../src/main/dicom/types';

/** native single-frame and multi-frame files of the bundled corpus */
const FILES = ['tests/fixtures/corpus/MR2_UNCR.dcm', 'tests/fixtures/corpus/OBXXXX1A_2frame.dcm'];

function opened(path: string, frameBuffer?: (bytes: number) => Uint8Array): DicomImage {
  const read = openDicomFile(path, { borrowPixels: true, ...(frameBuffer && { frameBuffer }) });
  if (!read.ok) throw new Error(`${path}: ${read.reason}`);
  return read.image;
}

function frameText(image: DicomImage, index: number): string {
  const { data } = image.decodeFrame(index);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

describe('native frames read into a buffer reused from file to file', () => {
  it('decodes every frame of every file as a fresh read does, each frame in the buffer handed over', () => {
    const buffers = new Map<number, Uint8Array>();
    const handed: number[] = [];
    const reuse = (bytes: number): Uint8Array => {
      handed.push(bytes);
      const kept = buffers.get(bytes) ?? new Uint8Array(bytes);
      buffers.set(bytes, kept);
      return kept;
    };
    for (const path of FILES) {
      const fresh = opened(path);
      const reused = opened(path, reuse);
      for (let i = 0; i < reused.header.pixel.numberOfFrames; i++) {
        const { data } = reused.decodeFrame(i);
        expect(buffers.has(data.byteLength) && buffers.get(data.byteLength)?.buffer === data.buffer).toBe(
          true,
        );
        expect(frameText(reused, i)).toBe(frameText(fresh, i));
      }
      fresh.close();
      reused.close();
    }
    // every frame of both files asked for a buffer, and got one of the few kept
    expect(handed.length).toBeGreaterThanOrEqual(3);
    expect(buffers.size).toBeLessThan(handed.length);
  });
});
