import { parseDicom } from 'dicom-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../src/main/dicom/decode/decode-frame';
import { groupFragments, type Fragment } from '../../../src/main/dicom/decode/fragments';
import { DicomDecodeError } from '../../../src/main/dicom/errors';
import { initCodecs, readDicomBytes } from '../../../src/main/dicom/read-dicom';
import type { PixelCodec } from '../../../src/main/dicom/transfer-syntaxes';
import { corpusBytes } from '../../helpers/gdcm-reference';

beforeAll(async () => {
  await initCodecs();
});

describe('a cut compressed frame is an error, not a grey image', () => {
  // Decoders fill a truncated JPEG or HTJ2K stream with grey and report success (CODECS.md).
  for (const [file, codec] of [
    ['JPEG-LL.dcm', 'jpeg'],
    ['dp_IM00001.fragmented_no_bot_jpeg_baseline.50.dcm', 'jpeg'],
    ['dp_CT1_UNC.not_fragmented_no_bot_jpeg_ls.80.dcm', 'jpeg-ls'],
    ['emri_small_jpeg_2k_lossless.dcm', 'jpeg2000'],
    ['HTJ2KLossless_08_RGB.dcm', 'htj2k'],
  ] as const) {
    it(`${file}: 90% of the first fragment throws DicomDecodeError`, () => {
      const bytes = corpusBytes(file);
      const result = readDicomBytes(bytes);
      if (!result.ok) throw new Error(result.reason);
      const fragment = parseDicom(bytes).elements.x7fe00010?.fragments?.[0] as Fragment;
      const cut = { ...fragment, length: Math.floor(fragment.length * 0.9) };
      const source = {
        kind: 'encapsulated' as const,
        codec: codec as PixelCodec,
        bytes,
        fragments: [cut],
        frames: [[0]],
      };
      const decode = () => decodeFrame(source, { ...result.image.header.pixel, numberOfFrames: 1 }, 0);
      expect(decode).toThrow(DicomDecodeError);
      expect(decode).toThrow('frame 1 has no end-of-image marker: the compressed data is truncated');
    });
  }
});

describe('groupFragments (PS3.5 A.4)', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 1, 2, 3, 4, 0xff, 0xd8, 5, 6]);
  const f = (position: number, length: number, offset: number): Fragment => ({ position, length, offset });
  const fragments = [f(0, 2, 0), f(2, 4, 10), f(6, 2, 22), f(8, 2, 32)];

  it('uses the Basic Offset Table when it has one entry per frame', () => {
    expect(groupFragments(jpeg, fragments, [0, 22], 2, 'jpeg')).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
  it('takes one fragment per frame when the counts match', () => {
    expect(groupFragments(jpeg, fragments, [], 4, 'jpeg')).toEqual([[0], [1], [2], [3]]);
  });
  it('joins all fragments for a single frame', () => {
    expect(groupFragments(jpeg, fragments, [], 1, 'jpeg')).toEqual([[0, 1, 2, 3]]);
  });
  it('splits on JPEG start-of-image markers without an offset table', () => {
    expect(groupFragments(jpeg, fragments, [], 2, 'jpeg')).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
  it('says so when the fragments do not split into the declared frames', () => {
    expect(groupFragments(jpeg, fragments, [], 3, 'jpeg')).toBe(
      'encapsulated Pixel Data splits into 2 frames but Number of Frames is 3',
    );
  });
});
