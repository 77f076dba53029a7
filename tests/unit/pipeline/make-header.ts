import type { ImageHeader, PixelFormat } from '../../../src/shared/dicom/image-header';
import { makePixelFormat } from '../../helpers/pixel-format';

/** A minimal ImageHeader for pipeline tests: 1 frame, MONOCHROME2 16-bit unsigned unless overridden. */
export function makeHeader(pixel: Partial<PixelFormat>, rest: Partial<ImageHeader> = {}): ImageHeader {
  return {
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    sopInstanceUid: '1.2.3.4',
    studyInstanceUid: '1.2.3',
    seriesInstanceUid: '1.2.3.1',
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    pixel: makePixelFormat(pixel),
    modalityTransform: { kind: 'rescale', slope: 1, intercept: 0 },
    windows: [],
    ...rest,
  };
}
