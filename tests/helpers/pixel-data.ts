import { readFileSync } from 'node:fs';
import { parseDicom } from 'dicom-parser';

/** The raw Pixel Data bytes of a DICOM file DICOM Ink wrote (Explicit VR Little Endian, native). */
export function pixelDataBytes(path: string): Buffer {
  const bytes = readFileSync(path);
  const element = parseDicom(bytes).elements.x7fe00010;
  if (!element) throw new Error(`${path} has no Pixel Data`);
  return bytes.subarray(element.dataOffset, element.dataOffset + element.length);
}

/** How many RGB pixels differ between two files' Pixel Data (their lengths must match). */
export function differingRgbPixels(a: string, b: string): number {
  const [x, y] = [pixelDataBytes(a), pixelDataBytes(b)];
  if (x.length !== y.length) throw new Error(`${a} and ${b} differ in Pixel Data length`);
  let differing = 0;
  for (let i = 0; i < x.length; i += 3) {
    if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) differing++;
  }
  return differing;
}
