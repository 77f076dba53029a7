import type { PixelFormat } from '../../src/shared/dicom/image-header';

/** A PixelFormat for unit tests: one 1x1 frame of MONOCHROME2 16-bit unsigned samples unless overridden. */
export function makePixelFormat(overrides: Partial<PixelFormat> = {}): PixelFormat {
  return {
    rows: 1,
    columns: 1,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 16,
    highBit: 15,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME2',
    planarConfiguration: 0,
    numberOfFrames: 1,
    ...overrides,
  };
}
