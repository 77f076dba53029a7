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
});
