import { describe, expect, it } from 'vitest';
import type { PixelFormat } from '../../../src/shared/dicom/image-header';
import { makePixelFormat } from '../../helpers/pixel-format';
import { decodeNativeFrame, nativePixelDataBytes } from '../../../src/main/dicom/decode/native';
import { DicomDecodeError } from '../../../src/main/dicom/errors';

/** Two samples on one row unless overridden. */
const format = (overrides: Partial<PixelFormat>): PixelFormat =>
  makePixelFormat({ columns: 2, ...overrides });

describe('native pixel data', () => {
  it('byte-swaps 16-bit Big Endian samples to host order', () => {
    const bytes = new Uint8Array([0x12, 0x34, 0xfc, 0x18]);
    const frame = decodeNativeFrame({ bytes, bigEndian: true, vr: 'OW' }, format({}), 0);
    expect(Array.from(frame.data)).toEqual([0x1234, 0xfc18]);
    expect(Array.from(bytes)).toEqual([0x12, 0x34, 0xfc, 0x18]); // the source is not modified
  });

  it('byte-swaps 32-bit Big Endian samples', () => {
    const bytes = new Uint8Array([0x01, 0x02, 0x03, 0x04]);
    const frame = decodeNativeFrame(
      { bytes, bigEndian: true, vr: 'OW' },
      format({ columns: 1, bitsAllocated: 32, bitsStored: 32, highBit: 31 }),
      0,
    );
    expect(frame.data).toBeInstanceOf(Uint32Array);
    expect(Array.from(frame.data)).toEqual([0x01020304]);
  });

  it("keeps two's-complement bits of signed 16-bit data raw (the pipeline sign-extends)", () => {
    const frame = decodeNativeFrame(
      { bytes: new Uint8Array([0x00, 0xfc, 0xff, 0xff]), bigEndian: false, vr: 'OW' },
      format({ pixelRepresentation: 1 }),
      0,
    );
    expect(Array.from(frame.data)).toEqual([0xfc00, 0xffff]);
  });

  it('unpacks 1-bit frames least significant bit first, also when a frame starts mid-byte', () => {
    // 3x3 frames (9 bits each): frame 2 starts at bit 9 of the stream.
    const pixel = format({
      rows: 3,
      columns: 3,
      bitsAllocated: 1,
      bitsStored: 1,
      highBit: 0,
      numberOfFrames: 2,
    });
    expect(nativePixelDataBytes(pixel)).toBe(3);
    const bytes = new Uint8Array([0b00000101, 0b10000010, 0b00000011]);
    const first = decodeNativeFrame({ bytes, bigEndian: false, vr: 'OB' }, pixel, 0);
    const second = decodeNativeFrame({ bytes, bigEndian: false, vr: 'OB' }, pixel, 1);
    expect(Array.from(first.data)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(second.data)).toEqual([1, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('interleaves planar configuration 1 RGB', () => {
    const pixel = format({
      samplesPerPixel: 3,
      bitsAllocated: 8,
      bitsStored: 8,
      highBit: 7,
      photometric: 'RGB',
      planarConfiguration: 1,
    });
    const frame = decodeNativeFrame(
      { bytes: new Uint8Array([1, 2, 10, 20, 100, 200]), bigEndian: false, vr: 'OB' },
      pixel,
      0,
    );
    expect(Array.from(frame.data)).toEqual([1, 10, 100, 2, 20, 200]);
  });

  it('upsamples native YBR_FULL_422 to YBR_FULL', () => {
    const pixel = format({
      samplesPerPixel: 3,
      bitsAllocated: 8,
      bitsStored: 8,
      highBit: 7,
      photometric: 'YBR_FULL_422',
    });
    const frame = decodeNativeFrame(
      { bytes: new Uint8Array([50, 60, 128, 130]), bigEndian: false, vr: 'OB' },
      pixel,
      0,
    );
    expect(frame.photometric).toBe('YBR_FULL');
    expect(Array.from(frame.data)).toEqual([50, 128, 130, 60, 128, 130]);
  });

  it('throws DicomDecodeError naming the byte counts when a frame is cut short', () => {
    const read = () =>
      decodeNativeFrame({ bytes: new Uint8Array(3), bigEndian: false, vr: 'OW' }, format({}), 0);
    expect(read).toThrow(DicomDecodeError);
    expect(read).toThrow('frame 1 needs 4 bytes of Pixel Data, 3 present: the file is truncated');
  });
});
