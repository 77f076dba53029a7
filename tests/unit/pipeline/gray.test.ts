import { describe, expect, it } from 'vitest';
import { buildGrayLut, grayMapper } from '../../../src/shared/pipeline/gray';
import { renderFrame } from '../../../src/shared/pipeline/render';
import type { ResolvedVoi } from '../../../src/shared/pipeline/types';
import { makeHeader } from './make-header';

const ABDOMEN: ResolvedVoi = { kind: 'window', center: 50, width: 400, fn: 'LINEAR', source: 'custom' };
const CT = { kind: 'rescale', slope: 1, intercept: -1024 } as const;

describe('gray pipeline: stored -> modality -> VOI -> 8 bits', () => {
  it('renders CT stored 1024, intercept -1024 (0 HU), W400/L50 as gray 95', () => {
    const header = makeHeader({}, { modalityTransform: CT });
    expect(buildGrayLut(header, ABDOMEN)[1024]).toBe(95);
    expect(buildGrayLut(header, ABDOMEN)[1024 - 150]).toBe(0); // -150 HU is the lower border
    expect(buildGrayLut(header, ABDOMEN)[1024 + 249]).toBe(255); // 249 HU is the upper border
  });

  it('applies the rescale slope before the window', () => {
    const header = makeHeader({}, { modalityTransform: { kind: 'rescale', slope: 2, intercept: -1024 } });
    // 537 * 2 - 1024 = 50 HU, the center: ((50 - 49.5) / 399 + 0.5) * 255 = 127.82
    expect(buildGrayLut(header, ABDOMEN)[537]).toBe(127);
  });

  it('masks garbage high bits of signed 12-bit data before the window', () => {
    const header = makeHeader({ bitsStored: 12, highBit: 11, pixelRepresentation: 1 });
    const lut = buildGrayLut(header, ABDOMEN);
    expect(lut.length).toBe(65536);
    // 0xf000 | 0x000 is stored 0 -> gray 95; 0x0f6a is stored -150 -> 0; 0xa0f9 is stored 249 -> 255
    expect(lut[0xf000]).toBe(95);
    expect(lut[0x0f6a]).toBe(0);
    expect(lut[0xa0f9]).toBe(255);
  });

  it('inverts MONOCHROME1 after windowing', () => {
    const mono1 = makeHeader({ photometric: 'MONOCHROME1' }, { modalityTransform: CT });
    const lut = buildGrayLut(mono1, ABDOMEN);
    // 0 HU windows to 95.86; inverted 255 - 95.86 = 159.14 -> 159 (MONOCHROME2 gives 95)
    expect(lut[1024]).toBe(159);
    expect(lut[0]).toBe(255); // below the window: black in MONOCHROME2, white here
    expect(lut[4000]).toBe(0);
  });

  it('runs a Modality LUT (PS3.3 C.11.1) before the VOI, clamping outside its range', () => {
    const header = makeHeader(
      { bitsStored: 12, highBit: 11 },
      {
        modalityTransform: {
          kind: 'lut',
          lut: { firstMapped: 100, bitsPerEntry: 16, data: [1000, 1100, 1200] },
        },
      },
    );
    const voi: ResolvedVoi = { kind: 'window', center: 1100, width: 201, fn: 'LINEAR', source: 'custom' };
    const lut = buildGrayLut(header, voi);
    expect(lut[100]).toBe(0); // 1000 <= 1099.5 - 100
    expect(lut[101]).toBe(128); // ((1100 - 1099.5) / 200 + 0.5) * 255 = 128.1
    expect(lut[102]).toBe(255);
    expect(lut[0]).toBe(0); // below firstMapped takes the first entry
    expect(lut[4095]).toBe(255); // past the end takes the last entry
  });

  it('runs a VOI LUT on modality values', () => {
    const header = makeHeader({ bitsAllocated: 8, bitsStored: 8, highBit: 7 });
    const lut = buildGrayLut(header, {
      kind: 'lut',
      lut: { firstMapped: 0, bitsPerEntry: 8, data: [255, 128, 0] },
    });
    expect(lut.length).toBe(256);
    expect([lut[0], lut[1], lut[2], lut[200]]).toEqual([255, 128, 0, 0]);
  });

  it('maps the whole representable range when no VOI is given', () => {
    const header = makeHeader({ bitsAllocated: 8, bitsStored: 8, highBit: 7 });
    const lut = buildGrayLut(header, { kind: 'none' });
    expect([lut[0], lut[128], lut[255]]).toEqual([0, 128, 255]);
  });

  it('equals the reference formula for every raw word of a signed 12-bit table', () => {
    const header = makeHeader(
      { bitsStored: 12, highBit: 11, pixelRepresentation: 1 },
      { modalityTransform: { kind: 'rescale', slope: 1.5, intercept: -300 } },
    );
    const voi: ResolvedVoi = { kind: 'window', center: 40.3, width: 777.7, fn: 'LINEAR', source: 'custom' };
    const lut = buildGrayLut(header, voi);
    let mismatches = 0;
    for (let raw = 0; raw < 65536; raw++) {
      const low = raw & 0xfff;
      const stored = low >= 2048 ? low - 4096 : low;
      const x = stored * 1.5 - 300;
      const c = 40.3;
      const w = 777.7;
      let y: number;
      if (x <= c - 0.5 - (w - 1) / 2) y = 0;
      else if (x > c - 0.5 + (w - 1) / 2) y = 255;
      else y = Math.floor(((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
      if (lut[raw] !== y) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('computes 32-bit samples per pixel with the same mapping', () => {
    const header = makeHeader(
      { rows: 1, columns: 3, bitsAllocated: 32, bitsStored: 32, highBit: 31, pixelRepresentation: 1 },
      { modalityTransform: CT },
    );
    const frame = { data: new Uint32Array([1024, 0xffffffff, 100000]), photometric: 'MONOCHROME2' };
    const image = renderFrame(header, frame, ABDOMEN);
    expect(Array.from(image.data)).toEqual([95, 95, 95, 0, 0, 0, 255, 255, 255]);
    expect(grayMapper(header, ABDOMEN)(1024)).toBe(95);
    expect(() => buildGrayLut(header, ABDOMEN)).toThrow(/BitsAllocated 1\.\.16/);
  });
});
