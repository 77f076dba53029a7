import type { Rgb } from '../boxes/model';

/**
 * sRGB as a DICOM CIELab triplet (PS3.3 C.10.7.1.1: L* 0..100 and a*, b* -128..127 scaled to
 * 0..0xFFFF), through XYZ with the D65 white point: the inverse of dicomLabToRgb (cielab.ts).
 */
export function rgbToDicomLab(rgb: Rgb): [number, number, number] {
  const linear = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = [linear[0] ?? 0, linear[1] ?? 0, linear[2] ?? 0];
  const X = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const Y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const Z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const L = 116 * f(Y) - 16;
  const a = 500 * (f(X) - f(Y));
  const bStar = 200 * (f(Y) - f(Z));
  const scale = (value: number, low: number, span: number): number =>
    Math.min(0xffff, Math.max(0, Math.round(((value - low) / span) * 0xffff)));
  return [scale(L, 0, 100), scale(a, -128, 255), scale(bStar, -128, 255)];
}
