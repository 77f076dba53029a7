import { describe, expect, it } from 'vitest';
import type { PaletteColorLut } from '../../../src/shared/dicom/image-header';
import { renderFrame, rgbToRgba } from '../../../src/shared/pipeline/render';
import { makeHeader } from './make-header';

const NONE = { kind: 'none' } as const;
const rgbPixel = (samples: number[], photometric: string, bits = 8) =>
  makeHeader({
    rows: 1,
    columns: samples.length / 3,
    samplesPerPixel: 3,
    bitsAllocated: bits,
    bitsStored: bits,
    highBit: bits - 1,
    photometric,
  });

describe('renderFrame', () => {
  it('writes gray as R=G=B through the LUT for a 16-bit frame', () => {
    const header = makeHeader(
      { rows: 2, columns: 2 },
      { modalityTransform: { kind: 'rescale', slope: 1, intercept: -1024 } },
    );
    const frame = { data: new Uint16Array([1024, 0, 1273, 5000]), photometric: 'MONOCHROME2' };
    const image = renderFrame(header, frame, {
      kind: 'window',
      center: 50,
      width: 400,
      fn: 'LINEAR',
      source: 'preset',
    });
    expect(image.rows).toBe(2);
    expect(image.columns).toBe(2);
    expect(Array.from(image.data)).toEqual([95, 95, 95, 0, 0, 0, 255, 255, 255, 255, 255, 255]);
  });

  it('converts YBR_FULL to RGB with the PS3.3 C.7.6.3.1.2 equations', () => {
    const samples = [128, 128, 128, 76, 85, 255, 255, 128, 128, 29, 255, 107];
    const image = renderFrame(
      rgbPixel(samples, 'YBR_FULL'),
      { data: new Uint8Array(samples), photometric: 'YBR_FULL' },
      NONE,
    );
    // gray stays gray; (76,85,255) is red; (29,255,107) is blue
    expect(Array.from(image.data)).toEqual([128, 128, 128, 254, 0, 0, 255, 255, 255, 0, 0, 254]);
  });

  it('passes RGB through and keeps the top 8 bits of 16-bit samples', () => {
    const image = renderFrame(
      rgbPixel([0, 0, 0], 'RGB', 16),
      { data: new Uint16Array([0xffff, 0x8001, 0x00ff]), photometric: 'RGB' },
      NONE,
    );
    expect(Array.from(image.data)).toEqual([255, 128, 0]);
  });

  it('keeps the top 8 bits of BitsStored for 12-bit colour samples and 32-bit samples', () => {
    const h12 = makeHeader({
      columns: 1,
      samplesPerPixel: 3,
      bitsStored: 12,
      highBit: 11,
      photometric: 'RGB',
    });
    const img12 = renderFrame(
      h12,
      { data: new Uint16Array([0xfff, 0x800, 0xf00f]), photometric: 'RGB' },
      NONE,
    );
    expect(Array.from(img12.data)).toEqual([255, 128, 0]);
    const img32 = renderFrame(
      rgbPixel([0, 0, 0], 'RGB', 32),
      { data: new Uint32Array([0xffffffff, 0x7f000000, 0x00ffffff]), photometric: 'RGB' },
      NONE,
    );
    expect(Array.from(img32.data)).toEqual([255, 127, 0]);
  });

  it('treats a JPEG 2000 YBR_RCT frame decoded to RGB as RGB, and inverts RCT when it was not', () => {
    const header = rgbPixel([0, 0, 0], 'YBR_RCT');
    expect(
      Array.from(
        renderFrame(header, { data: new Uint8Array([200, 100, 50]), photometric: 'RGB' }, NONE).data,
      ),
    ).toEqual([200, 100, 50]);
    // forward RCT of (200,100,50): Y = floor(450/4) = 112, Cb = 50-100 (+128) = 78, Cr = 200-100 (+128) = 228
    expect(
      Array.from(
        renderFrame(header, { data: new Uint8Array([112, 78, 228]), photometric: 'YBR_RCT' }, NONE).data,
      ),
    ).toEqual([200, 100, 50]);
  });

  it('inverts YBR_ICT with the YCbCr equations', () => {
    const image = renderFrame(
      rgbPixel([0, 0, 0], 'YBR_ICT'),
      { data: new Uint8Array([76, 85, 255]), photometric: 'YBR_ICT' },
      NONE,
    );
    expect(Array.from(image.data)).toEqual([254, 0, 0]);
  });

  it('upsamples native YBR_FULL_422 (Y1 Y2 Cb Cr per pixel pair)', () => {
    const header = makeHeader({
      rows: 1,
      columns: 2,
      samplesPerPixel: 3,
      bitsAllocated: 8,
      bitsStored: 8,
      highBit: 7,
      photometric: 'YBR_FULL_422',
    });
    const image = renderFrame(
      header,
      { data: new Uint8Array([100, 200, 128, 128]), photometric: 'YBR_FULL_422' },
      NONE,
    );
    expect(Array.from(image.data)).toEqual([100, 100, 100, 200, 200, 200]);
  });

  it('maps PALETTE COLOR through 16-bit entries (top 8 bits) from the first mapped value, clamping', () => {
    const table = (scale: number) => ({
      firstMapped: 10,
      bitsPerEntry: 16,
      data: [0x0000, 0x1234 * scale, 0xffff],
    });
    const palette: PaletteColorLut = { red: table(1), green: table(2), blue: table(3) };
    const header = makeHeader(
      { rows: 1, columns: 4, bitsAllocated: 8, bitsStored: 8, highBit: 7, photometric: 'PALETTE COLOR' },
      { palette },
    );
    const image = renderFrame(
      header,
      { data: new Uint8Array([5, 10, 11, 200]), photometric: 'PALETTE COLOR' },
      NONE,
    );
    // 0x1234 -> 0x12, 0x2468 -> 0x24, 0x369c -> 0x36; below 10 -> first entry, above 12 -> last entry
    expect(Array.from(image.data)).toEqual([0, 0, 0, 0, 0, 0, 0x12, 0x24, 0x36, 255, 255, 255]);
  });

  it('uses 8-bit palette entries as they are, for 16-bit indices', () => {
    const table = { firstMapped: 0, bitsPerEntry: 8, data: [7, 8, 9] };
    const header = makeHeader(
      { columns: 2, photometric: 'PALETTE COLOR' },
      { palette: { red: table, green: table, blue: table } },
    );
    const image = renderFrame(
      header,
      { data: new Uint16Array([1, 60000]), photometric: 'PALETTE COLOR' },
      NONE,
    );
    expect(Array.from(image.data)).toEqual([8, 8, 8, 9, 9, 9]);
  });

  it('fails with the reason on a short frame, a missing palette, an unknown photometric or a wrong buffer', () => {
    const gray = makeHeader({ rows: 2, columns: 2 });
    expect(() => renderFrame(gray, { data: new Uint16Array(3), photometric: 'MONOCHROME2' }, NONE)).toThrow(
      /3 samples where 4/,
    );
    const pal = makeHeader({ photometric: 'PALETTE COLOR' });
    expect(() => renderFrame(pal, { data: new Uint16Array(1), photometric: 'PALETTE COLOR' }, NONE)).toThrow(
      /no Palette Color Lookup Tables/,
    );
    expect(() => renderFrame(gray, { data: new Uint16Array(4), photometric: 'HSV' }, NONE)).toThrow(
      /"HSV" cannot be rendered/,
    );
    expect(() =>
      renderFrame(gray, { data: new Uint16Array(4), photometric: 'MONOCHROME2' }, NONE, new Uint8Array(5)),
    ).toThrow(/12 are needed/);
  });

  it('renders into a caller buffer', () => {
    const out = new Uint8Array(3);
    const image = renderFrame(
      makeHeader({}),
      { data: new Uint16Array([65535]), photometric: 'MONOCHROME2' },
      NONE,
      out,
    );
    expect(image.data).toBe(out);
    expect(Array.from(out)).toEqual([255, 255, 255]);
  });
});

describe('rgbToRgba', () => {
  it('adds opaque alpha', () => {
    const rgba = rgbToRgba({ rows: 1, columns: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) });
    expect(Array.from(rgba)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });
});
