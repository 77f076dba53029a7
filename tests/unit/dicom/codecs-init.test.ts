import { describe, expect, it } from 'vitest';
import { DicomDecodeError } from '../../../src/main/dicom/errors';
import { initCodecs, readDicomBytes } from '../../../src/main/dicom/read-dicom';
import { describeTransferSyntax } from '../../../src/main/dicom/transfer-syntaxes';
import { corpusBytes } from '../../helpers/gdcm-reference';

describe('codec initialisation', () => {
  it('refuses to decode a compressed frame before initCodecs, then decodes after it (twice is harmless)', async () => {
    const result = readDicomBytes(corpusBytes('JLSL_08_07_0_1F.dcm'));
    if (!result.ok) throw new Error(result.reason);
    expect(() => result.image.decodeFrame(0)).toThrow(DicomDecodeError);
    expect(() => result.image.decodeFrame(0)).toThrow(
      'the image codecs are not initialised: call initCodecs() before decoding compressed frames',
    );
    await Promise.all([initCodecs(), initCodecs()]);
    await initCodecs();
    expect(result.image.decodeFrame(0).data.length).toBe(128 * 128);
  });

  it('throws DicomDecodeError for a frame index out of range', async () => {
    await initCodecs();
    const result = readDicomBytes(corpusBytes('emri_small_RLE.dcm'));
    if (!result.ok) throw new Error(result.reason);
    expect(() => result.image.decodeFrame(10)).toThrow('frame 10 does not exist: the image has 10 frame(s)');
  });

  it('names transfer syntaxes for dicom-ink info', () => {
    expect(describeTransferSyntax('1.2.840.10008.1.2.4.80')).toBe(
      'JPEG-LS Lossless (1.2.840.10008.1.2.4.80)',
    );
    expect(describeTransferSyntax('1.2.840.10008.1.2.4.100')).toBe(
      'unsupported transfer syntax (1.2.840.10008.1.2.4.100)',
    );
  });
});
