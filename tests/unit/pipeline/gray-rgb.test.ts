import { describe, expect, it } from 'vitest';
import { grayLutToRgb, lutCoversSamples } from '../../../src/shared/pipeline/gray-rgb';

/** The plain definition: pixel i becomes three copies of lut[data[i]]. */
function reference(lut: Uint8Array, data: ArrayLike<number>, pixels: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < pixels; i++) {
    const gray = lut[data[i] ?? 0] ?? 0;
    out.push(gray, gray, gray);
  }
  return out;
}

const lut16 = Uint8Array.from({ length: 0x10000 }, (_, raw) => (raw * 37 + (raw >> 8)) & 0xff);

describe('gray table to RGB triplets', () => {
  it('matches the byte-by-byte definition for every pixel count around the 4-pixel word groups', () => {
    const data = Uint16Array.from({ length: 11 }, (_, i) => i * 5003);
    for (let pixels = 0; pixels <= 11; pixels++) {
      const out = new Uint8Array(pixels * 3);
      grayLutToRgb(lut16, data, pixels, out);
      expect(Array.from(out)).toEqual(reference(lut16, data, pixels));
    }
  });

  it('gives the same bytes into an output that does not start on a 4-byte boundary', () => {
    const data = Uint16Array.from([0, 255, 256, 65535, 4096, 1024, 7]);
    const backing = new Uint8Array(1 + 7 * 3);
    const out = backing.subarray(1);
    grayLutToRgb(lut16, data, 7, out);
    expect(Array.from(out)).toEqual(reference(lut16, data, 7));
    expect(backing[0]).toBe(0);
  });

  it('writes levels 0 and 255 as whole bytes (no sign spill between packed pixels)', () => {
    const lut = Uint8Array.from({ length: 256 }, (_, raw) => (raw % 2 === 0 ? 255 : 0));
    const data = Uint8Array.from([0, 1, 0, 0, 1, 0, 1, 1]);
    const out = new Uint8Array(24);
    grayLutToRgb(lut, data, 8, out);
    expect(Array.from(out)).toEqual(reference(lut, data, 8));
  });

  it('accepts only tables that cover every value of the sample type', () => {
    expect(lutCoversSamples(new Uint8Array(256), new Uint8Array(4))).toBe(true);
    expect(lutCoversSamples(new Uint8Array(2), new Uint8Array(4))).toBe(false);
    expect(lutCoversSamples(new Uint8Array(4096), new Uint16Array(4))).toBe(false);
    expect(lutCoversSamples(new Uint8Array(65536), new Uint16Array(4))).toBe(true);
    expect(lutCoversSamples(new Uint8Array(65536), new Uint32Array(4))).toBe(false);
  });
});
