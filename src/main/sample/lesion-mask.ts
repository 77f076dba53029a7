import { gzipSync } from 'node:zlib';
import { FIELD_OF_VIEW_MM, lesionSection } from './anatomy';
import type { PhantomOptions } from './phantom';
import { sliceSpacing } from './phantom';
import { pixelRange, pixelToMm } from './render-slice';

const HEADER_BYTES = 348;
/** header + the 4-byte extension flag (no extensions): where the voxels start */
const VOX_OFFSET = 352;

/**
 * The phantom's kidney lesion as a NIfTI-1 label mask (label 1), gzipped, on the series' own grid in the
 * layout SimpleITK writes: i = column, j = row, k = instance (superior to inferior), with the sform
 * (code 1, scanner) mapping voxels to RAS+ mm. Voxels are in the lesion by the same rule the phantom
 * paints it, so the outline hugs the lesion's pixels.
 */
export function lesionMaskNifti(options: PhantomOptions): Uint8Array {
  const { size, slices } = options;
  const ps = FIELD_OF_VIEW_MM / size;
  const spacing = sliceSpacing(slices);
  const voxels = new Uint8Array(size * size * slices);
  for (let k = 0; k < slices; k++) {
    const s = lesionSection((k + 0.5) * spacing);
    if (!s) continue;
    const [y0, y1] = pixelRange(s.cy, s.ry, size);
    const [x0, x1] = pixelRange(s.cx, s.rx, size);
    for (let y = y0; y <= y1; y++) {
      const dy = (pixelToMm(y, size) - s.cy) / s.ry;
      for (let x = x0; x <= x1; x++) {
        const dx = (pixelToMm(x, size) - s.cx) / s.rx;
        if (dx * dx + dy * dy <= 1) voxels[k * size * size + y * size + x] = 1;
      }
    }
  }
  const header = Buffer.alloc(VOX_OFFSET);
  header.writeInt32LE(HEADER_BYTES, 0);
  [3, size, size, slices, 1, 1, 1, 1].forEach((d, i) => header.writeInt16LE(d, 40 + 2 * i));
  header.writeInt16LE(2, 70); // datatype: unsigned char
  header.writeInt16LE(8, 72); // bitpix
  [1, ps, ps, spacing, 0, 0, 0, 0].forEach((p, i) => header.writeFloatLE(p, 76 + 4 * i));
  header.writeFloatLE(VOX_OFFSET, 108);
  header.writeFloatLE(1, 112); // scl_slope
  header.writeUInt8(2, 123); // xyzt_units: mm
  header.writeInt16LE(0, 252); // qform_code
  header.writeInt16LE(1, 254); // sform_code: scanner
  // LPS: x = corner + i*ps, y = corner + j*ps, z = -(k + 0.5)*spacing; RAS negates x and y.
  const corner = -(size * ps) / 2 + ps / 2;
  const rows = [
    [-ps, 0, 0, -corner],
    [0, -ps, 0, -corner],
    [0, 0, -spacing, -0.5 * spacing],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => header.writeFloatLE(v, 280 + 16 * r + 4 * c)));
  header.write('n+1\0', 344, 'latin1');
  return gzipSync(Buffer.concat([header, voxels]));
}
