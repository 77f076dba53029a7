import type { Rgb } from '../boxes/model';

/**
 * A DICOM CIELab triplet (PS3.3 C.10.7.1.1: L* 0..100 and a*, b* -128..127 scaled to 0..0xFFFF) as sRGB,
 * through XYZ with the D65 white point (the standard's reference for CIELab) and the sRGB transfer curve.
 */
export function dicomLabToRgb(lab: readonly number[]): Rgb {
  const L = ((lab[0] ?? 0) / 0xffff) * 100;
  const a = ((lab[1] ?? 0) / 0xffff) * 255 - 128;
  const b = ((lab[2] ?? 0) / 0xffff) * 255 - 128;
  const fy = (L + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const inverse = (t: number): number => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));
  const [X, Y, Z] = [0.95047 * inverse(fx), 1.0 * inverse(fy), 1.08883 * inverse(fz)];
  const linear = [
    3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z,
    -0.969266 * X + 1.8760108 * Y + 0.041556 * Z,
    0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z,
  ];
  const channel = (v: number): number => {
    const c = Math.min(1, Math.max(0, v));
    const s = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
    return Math.round(s * 255);
  };
  return [channel(linear[0] ?? 0), channel(linear[1] ?? 0), channel(linear[2] ?? 0)];
}
