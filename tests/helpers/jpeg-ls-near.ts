import { parseDicom } from 'dicom-parser';

/** NEAR parameter (ITU-T T.87 C.2.3) of the first frame's first scan: the allowed error of near-lossless JPEG-LS. */
export function jpegLsNearLossless(file: Uint8Array): number {
  const ds = parseDicom(file);
  const fragment = ds.elements.x7fe00010?.fragments?.[0];
  if (!fragment) throw new Error('no encapsulated pixel data');
  const bytes = ds.byteArray;
  for (let at = fragment.position; at + 1 < fragment.position + fragment.length; at++) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xda) {
      const components = bytes[at + 4] ?? 0;
      return bytes[at + 5 + 2 * components] ?? -1;
    }
  }
  throw new Error('no JPEG-LS scan header');
}
