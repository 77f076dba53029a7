/**
 * Issue 26: the converter reads each input's header into one buffer it reuses from file to file
 * (read-input.ts). An image read that way says and decodes exactly what a fresh read of it does, and the
 * buffer is really reused (a second file's header lands in the same memory).
 */
import { describe, expect, it } from 'vitest';
import { openDicomFile } from '../../../src/main/dicom/read-dicom';
import type { DicomImage } from '../../../src/main/dicom/types';

const FILES = [
  'tests/fixtures/corpus/MR2_UNCR.dcm',
  'tests/fixtures/corpus/693_UNCI.dcm',
  'tests/fixtures/corpus/OBXXXX1A_2frame.dcm',
];

function opened(path: string, headerBuffer?: (bytes: number) => Uint8Array): DicomImage {
  const read = openDicomFile(path, headerBuffer ? { headerBuffer } : {});
  if (!read.ok) throw new Error(`${path}: ${read.reason}`);
  return read.image;
}

/** What an image says and decodes, as plain data. */
function facts(image: DicomImage): unknown {
  const frames = Array.from({ length: image.header.pixel.numberOfFrames }, (_, i) => {
    const { data } = image.decodeFrame(i);
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
  });
  return { header: image.header, patient: image.getString('00100010'), frames };
}

describe('an input header read into a reused buffer', () => {
  it('reads each file as a fresh read does, file after file in one buffer', () => {
    let buffer = new Uint8Array(0);
    const handed: Uint8Array[] = [];
    const reuse = (bytes: number): Uint8Array => {
      if (buffer.length < bytes) buffer = new Uint8Array(bytes * 2);
      handed.push(buffer);
      return buffer.subarray(0, bytes);
    };
    for (const path of FILES) {
      const fresh = opened(path);
      const reused = opened(path, reuse);
      expect(facts(reused)).toEqual(facts(fresh));
      fresh.close();
      reused.close();
    }
    // the files are read into one buffer (it grew at most once per larger file)
    expect(new Set(handed).size).toBeLessThan(handed.length);
  });
});
