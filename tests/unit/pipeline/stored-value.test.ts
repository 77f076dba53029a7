import { describe, expect, it } from 'vitest';
import { storedValueRange, storedValueReader } from '../../../src/shared/pipeline/stored-value';
import { makeHeader } from './make-header';

describe('stored value (PS3.5 8.1.1)', () => {
  it('masks garbage above HighBit and sign-extends signed 12-bit in 16', () => {
    const read = storedValueReader(makeHeader({ bitsStored: 12, highBit: 11, pixelRepresentation: 1 }).pixel);
    expect(read(0xf7ff)).toBe(2047); // high nibble 0xf is garbage, 0x7ff is the largest positive
    expect(read(0x0800)).toBe(-2048);
    expect(read(0xaffe)).toBe(-2);
    expect(read(0x5001)).toBe(1);
  });

  it('masks unsigned 12-bit in 16 without sign', () => {
    const read = storedValueReader(makeHeader({ bitsStored: 12, highBit: 11 }).pixel);
    expect(read(0xffff)).toBe(4095);
    expect(read(0x1234)).toBe(0x234);
  });

  it('shifts down when HighBit is not BitsStored - 1', () => {
    const read = storedValueReader(makeHeader({ bitsStored: 12, highBit: 15 }).pixel);
    expect(read(0xabc0)).toBe(0xabc);
  });

  it('reads 32-bit signed words as two’s complement', () => {
    const read = storedValueReader(
      makeHeader({ bitsAllocated: 32, bitsStored: 32, highBit: 31, pixelRepresentation: 1 }).pixel,
    );
    expect(read(0xffffffff)).toBe(-1);
    expect(read(0x80000000)).toBe(-2147483648);
    expect(read(123456)).toBe(123456);
  });

  it('gives the representable range', () => {
    expect(storedValueRange(makeHeader({ bitsStored: 12, pixelRepresentation: 1 }).pixel)).toEqual({
      min: -2048,
      max: 2047,
    });
    expect(storedValueRange(makeHeader({ bitsStored: 10 }).pixel)).toEqual({ min: 0, max: 1023 });
  });
});
