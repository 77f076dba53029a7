import { describe, expect, it } from 'vitest';
import type { PixelFormat } from '../../../src/shared/dicom/image-header';
import { makePixelFormat } from '../../helpers/pixel-format';
import { decodeNativeFrame } from '../../../src/main/dicom/decode/native';

/** Two samples on one row unless overridden. */
const format = (overrides: Partial<PixelFormat>): PixelFormat =>
  makePixelFormat({ columns: 2, ...overrides });

describe('native frames with borrow', () => {
  it('views aligned little endian 16-bit samples in place instead of copying them', () => {
    const file = new Uint8Array([0, 0, 0x34, 0x12, 0x18, 0xfc, 9, 9]);
    const frame = decodeNativeFrame(
      { bytes: file.subarray(2, 6), bigEndian: false, vr: 'OW' },
      format({}),
      0,
      true,
    );
    expect(Array.from(frame.data)).toEqual([0x1234, 0xfc18]);
    expect(frame.data.buffer).toBe(file.buffer);
    expect(frame.data.byteOffset).toBe(2);
  });

  it('copies 16-bit samples at an odd offset, which a Uint16Array cannot view', () => {
    const file = new Uint8Array([0, 0x34, 0x12, 0x18, 0xfc]);
    const frame = decodeNativeFrame(
      { bytes: file.subarray(1), bigEndian: false, vr: 'OW' },
      format({}),
      0,
      true,
    );
    expect(Array.from(frame.data)).toEqual([0x1234, 0xfc18]);
    expect(frame.data.buffer).not.toBe(file.buffer);
  });

  it('copies and swaps Big Endian samples, leaving the source unchanged', () => {
    const bytes = new Uint8Array([0x12, 0x34, 0xfc, 0x18]);
    const frame = decodeNativeFrame({ bytes, bigEndian: true, vr: 'OW' }, format({}), 0, true);
    expect(Array.from(frame.data)).toEqual([0x1234, 0xfc18]);
    expect(Array.from(bytes)).toEqual([0x12, 0x34, 0xfc, 0x18]);
  });

  it('views the second frame of 8-bit data at its own offset', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const pixel = format({ bitsAllocated: 8, bitsStored: 8, highBit: 7, numberOfFrames: 2 });
    const frame = decodeNativeFrame({ bytes, bigEndian: false, vr: 'OB' }, pixel, 1, true);
    expect(Array.from(frame.data)).toEqual([3, 4]);
    expect(frame.data.buffer).toBe(bytes.buffer);
  });

  it('views 8-bit samples of a Buffer as a plain Uint8Array, so planar data interleaves without Buffer()', () => {
    const file = Buffer.from([9, 10, 20, 30, 11, 21, 31]);
    const pixel = format({
      bitsAllocated: 8,
      bitsStored: 8,
      highBit: 7,
      samplesPerPixel: 3,
      photometric: 'RGB',
      planarConfiguration: 1,
    });
    const frame = decodeNativeFrame({ bytes: file.subarray(1), bigEndian: false, vr: 'OB' }, pixel, 0, true);
    expect(Object.getPrototypeOf(frame.data)).toBe(Uint8Array.prototype);
    expect(Array.from(frame.data)).toEqual([10, 30, 21, 20, 11, 31]);
  });

  it('still returns a fresh copy without borrow', () => {
    const bytes = new Uint8Array([0x34, 0x12, 0x18, 0xfc]);
    const frame = decodeNativeFrame({ bytes, bigEndian: false, vr: 'OW' }, format({}), 0);
    expect(frame.data.buffer).not.toBe(bytes.buffer);
    expect(frame.data.byteLength).toBe(frame.data.buffer.byteLength);
  });
});
