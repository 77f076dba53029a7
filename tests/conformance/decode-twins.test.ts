/**
 * The corpus files GDCM 3 cannot decode (MANIFEST gdcm_decodes=no), each checked against a reference
 * we trust: an uncompressed twin of the same pixels, OpenJPEG for HTJ2K, or the specific reason a
 * non-image is skipped. The first test fails if a 'no' file is added without a check here.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpegLsNearLossless } from '../helpers/jpeg-ls-near';
import { initCodecs, readDicomBytes } from '../../src/main/dicom/read-dicom';
import type { DicomImage, ReadResult } from '../../src/main/dicom/types';
import { diffFrames } from '../helpers/frame-diff';
import { corpusFile, readManifest } from '../helpers/gdcm-reference';
import { openJpegFirstFrame } from '../helpers/openjpeg-reference';

function result(file: string): ReadResult {
  return readDicomBytes(new Uint8Array(readFileSync(corpusFile(file))));
}

function image(file: string): DicomImage {
  const r = result(file);
  if (!r.ok) throw new Error(`${file}: ${r.reason}`);
  return r.image;
}

const EXACT = { differing: 0, maxDifference: 0 };

function expectSameFrames(file: string, twin: string): void {
  const a = image(file);
  const b = image(twin);
  expect(a.header.pixel.numberOfFrames).toBe(b.header.pixel.numberOfFrames);
  for (let i = 0; i < a.header.pixel.numberOfFrames; i++) {
    expect(diffFrames(a.decodeFrame(i), b.decodeFrame(i))).toMatchObject(EXACT);
  }
}

const CHECKED = new Set<string>();
function check(file: string, name: string, body: () => void): void {
  CHECKED.add(file);
  it(`${file}: ${name}`, body);
}

beforeAll(async () => {
  await initCodecs();
});

describe('files GDCM cannot decode', () => {
  check('HTJ2KLossless_08_RGB.dcm', 'HTJ2K lossless equals OpenJPEG exactly', () => {
    const frame = image('HTJ2KLossless_08_RGB.dcm').decodeFrame(0);
    expect(frame.photometric).toBe('RGB');
    const reference = openJpegFirstFrame(corpusFile('HTJ2KLossless_08_RGB.dcm'));
    expect(diffFrames(frame, { data: reference, photometric: 'RGB' })).toEqual({
      lengths: [921600, 921600],
      ...EXACT,
    });
  });

  check(
    'HTJ2K_08_RGB.dcm',
    'HTJ2K lossy is within 1 of OpenJPEG (irreversible wavelet rounding differs)',
    () => {
      const frame = image('HTJ2K_08_RGB.dcm').decodeFrame(0);
      const diff = diffFrames(frame, {
        data: openJpegFirstFrame(corpusFile('HTJ2K_08_RGB.dcm')),
        photometric: 'RGB',
      });
      expect(diff.lengths).toEqual([921600, 921600]);
      expect(diff.maxDifference).toBeLessThanOrEqual(1);
      expect(diff.differing).toBeLessThan(921600 / 1000);
    },
  );

  for (const [file, single, max] of [
    ['SC_rgb_16bit_2frame.dcm', 'SC_rgb_16bit.dcm', 0xffff],
    ['SC_rgb_32bit_2frame.dcm', 'SC_rgb_32bit.dcm', 0xffffffff],
    ['SC_rgb_expb_16bit_2frame.dcm', 'SC_rgb_16bit.dcm', 0xffff],
    ['SC_rgb_expb_32bit_2frame.dcm', 'SC_rgb_32bit.dcm', 0xffffffff],
  ] as const) {
    check(file, 'frame 1 equals the single-frame file, frame 2 is its bitwise inverse', () => {
      const two = image(file);
      const first = two.decodeFrame(0);
      const second = two.decodeFrame(1);
      expect(diffFrames(first, image(single).decodeFrame(0))).toMatchObject(EXACT);
      const inverted = first.data.map((v) => max - v);
      expect(diffFrames(second, { data: inverted, photometric: 'RGB' })).toMatchObject(EXACT);
    });
  }

  check(
    'dp_CT0012.fragmented_no_bot_jpeg_ls.81.dcm',
    'near-lossless JPEG-LS is within NEAR of the lossless twin',
    () => {
      const file = 'dp_CT0012.fragmented_no_bot_jpeg_ls.81.dcm';
      const near = jpegLsNearLossless(new Uint8Array(readFileSync(corpusFile(file))));
      expect(near).toBe(2);
      const lossy = image(file);
      const lossless = image('dp_CT0012.fragmented_no_bot_jpeg_lossless.57.dcm');
      for (const i of [0, 1]) {
        const diff = diffFrames(lossy.decodeFrame(i), lossless.decodeFrame(i));
        expect(diff.maxDifference).toBe(near);
      }
    },
  );

  check('dp_report_dfl', 'a deflated Enhanced SR is skipped as not an image', () => {
    expect(result('dp_report_dfl')).toEqual({
      ok: false,
      kind: 'not-image',
      reason: 'Enhanced SR is not an image (no Pixel Data); skipped',
    });
  });

  check(
    'emri_small_jpeg_2k_lossless_too_short.dcm',
    'decodes to the uncompressed twin although its Sequence Delimitation Item is missing',
    () => {
      expectSameFrames('emri_small_jpeg_2k_lossless_too_short.dcm', 'emri_small.dcm');
    },
  );

  for (const [file, twin] of [
    ['liver_deflate.dcm', 'liver.dcm'],
    ['liver_rle.dcm', 'liver.dcm'],
    ['liver_nonbyte_aligned_deflate.dcm', 'liver_nonbyte_aligned.dcm'],
    ['liver_nonbyte_aligned_rle.dcm', 'liver_nonbyte_aligned.dcm'],
  ] as const) {
    check(file, `1-bit segmentation equals ${twin} in all 3 frames`, () => expectSameFrames(file, twin));
  }

  for (const [file, which] of [
    ['parametric_map_float.dcm', 'Float Pixel Data'],
    ['parametric_map_double_float.dcm', 'Double Float Pixel Data'],
  ] as const) {
    check(file, `is skipped because ${which} is not supported`, () => {
      expect(result(file)).toEqual({
        ok: false,
        kind: 'not-image',
        reason: `${which} is not supported (only integer Pixel Data can be windowed and converted); skipped`,
      });
    });
  }

  it('checks every file the manifest marks as not decodable by GDCM', () => {
    const no = readManifest()
      .filter((r) => r.gdcm_decodes === 'no')
      .map((r) => r.file)
      .sort();
    expect([...CHECKED].sort()).toEqual(no);
  });
});
