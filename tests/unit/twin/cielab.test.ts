import { describe, expect, it } from 'vitest';
import { dicomLabToRgb } from '../../../src/shared/findings/cielab';
import { rgbToDicomLab } from '../../../src/shared/findings/rgb-to-cielab';

describe('rgbToDicomLab', () => {
  it('is the inverse of dicomLabToRgb for the drawing colours', () => {
    const colours: [number, number, number][] = [
      [255, 0, 0],
      [0, 255, 0],
      [230, 159, 0],
      [86, 180, 233],
      [255, 204, 0],
      [0, 0, 0],
      [255, 255, 255],
    ];
    for (const rgb of colours) expect(dicomLabToRgb(rgbToDicomLab(rgb))).toEqual(rgb);
  });

  it('scales white to L* 100 and a*, b* 0 (PS3.3 C.10.7.1.1)', () => {
    const [L, a, b] = rgbToDicomLab([255, 255, 255]);
    expect(L).toBe(0xffff);
    expect(Math.abs(a - 0x8080)).toBeLessThan(3);
    expect(Math.abs(b - 0x8080)).toBeLessThan(3);
  });

  it('gives the CIELab of sRGB red and green (L* 53.2408 a* 80.0925 b* 67.2032; 87.7347 -86.1827 83.1793)', () => {
    // D65 reference values, scaled as PS3.3 C.10.7.1.1 says: L* x 65535/100, (a* + 128) x 65535/255
    const scaled = (L: number, a: number, b: number): number[] => [
      (L * 0xffff) / 100,
      ((a + 128) * 0xffff) / 255,
      ((b + 128) * 0xffff) / 255,
    ];
    const cases: [[number, number, number], number[]][] = [
      [[255, 0, 0], scaled(53.2408, 80.0925, 67.2032)],
      [[0, 255, 0], scaled(87.7347, -86.1827, 83.1793)],
    ];
    for (const [rgb, expected] of cases) {
      const lab = rgbToDicomLab(rgb);
      lab.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThanOrEqual(1));
    }
  });
});
