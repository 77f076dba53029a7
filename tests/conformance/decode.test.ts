/**
 * Every image of the corpus decodes to exactly what an independent decoder produces.
 * Reference: GDCM's `gdcmconv --raw` for every file GDCM decodes (MANIFEST gdcm_decodes=yes), read back
 * with our native reader. The others are checked against an uncompressed twin or a stated property
 * in decode-twins.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCodecs, readDicomBytes } from '../../src/main/dicom/read-dicom';
import type { DicomImage } from '../../src/main/dicom/types';
import { diffFrames } from '../helpers/frame-diff';
import { corpusFile, corpusFiles, gdcmRawPath, readManifest } from '../helpers/gdcm-reference';

const manifest = readManifest();

function read(path: string): DicomImage {
  const result = readDicomBytes(new Uint8Array(readFileSync(path)));
  if (!result.ok) throw new Error(`${path}: ${result.kind}: ${result.reason}`);
  return result.image;
}

beforeAll(async () => {
  await initCodecs();
});

describe('corpus manifest', () => {
  it('describes every fixture file, so no file is left out of the decode checks', () => {
    expect(manifest.map((r) => r.file).sort()).toEqual(corpusFiles());
    expect(manifest.length).toBe(92);
  });
});

describe('decoding matches GDCM exactly', () => {
  const rows = manifest.filter((r) => r.gdcm_decodes === 'yes');
  it('covers the 77 files GDCM decodes', () => {
    expect(rows.length).toBe(77);
  });
  it.each(rows.map((r) => r.file))('%s: every frame equals gdcmconv --raw', (file) => {
    const ours = read(corpusFile(file));
    const reference = read(gdcmRawPath(corpusFile(file)));
    const frames = ours.header.pixel.numberOfFrames;
    expect(reference.header.pixel.numberOfFrames).toBe(frames);
    for (let i = 0; i < frames; i++) {
      const a = ours.decodeFrame(i);
      const b = reference.decodeFrame(i);
      expect(a.data.constructor).toBe(b.data.constructor);
      expect(diffFrames(a, b)).toEqual({
        lengths: [b.data.length, b.data.length],
        differing: 0,
        maxDifference: 0,
      });
      expect(a.photometric).toBe(b.photometric);
    }
  });
});
