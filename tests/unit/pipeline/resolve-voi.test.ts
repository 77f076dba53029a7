import { describe, expect, it } from 'vitest';
import { buildGrayLut } from '../../../src/shared/pipeline/gray';
import { resolveVoi } from '../../../src/shared/pipeline/resolve-voi';
import { makeHeader } from './make-header';

const CT = { kind: 'rescale', slope: 1, intercept: -1024 } as const;
const frameOf = (values: number[]) => ({ data: new Uint16Array(values), photometric: 'MONOCHROME2' });

describe('resolveVoi', () => {
  it('auto takes the file’s first usable window', () => {
    const header = makeHeader(
      {},
      {
        windows: [
          { center: 40, width: 0, fn: 'LINEAR' }, // width 0 is not a LINEAR window (C.11.2.1.2.1)
          { center: 300, width: 1500, fn: 'LINEAR_EXACT' },
        ],
        voiLut: { firstMapped: 0, bitsPerEntry: 8, data: [0, 255] },
      },
    );
    expect(resolveVoi({ kind: 'auto' }, header, frameOf([0]))).toEqual({
      kind: 'window',
      center: 300,
      width: 1500,
      fn: 'LINEAR_EXACT',
      source: 'file',
    });
  });

  it('auto falls back to the VOI LUT when the file has no window', () => {
    const lut = { firstMapped: 0, bitsPerEntry: 8, data: [0, 255] };
    expect(resolveVoi({ kind: 'auto' }, makeHeader({}, { voiLut: lut }), frameOf([0]))).toEqual({
      kind: 'lut',
      lut,
    });
  });

  it('auto falls back to the frame’s min-max so that min -> 0 and max -> 255', () => {
    const header = makeHeader({ rows: 2, columns: 2 }, { modalityTransform: CT });
    const frame = frameOf([1000, 1100, 1024, 1300]); // -24 .. 276 HU
    const voi = resolveVoi({ kind: 'auto' }, header, frame);
    expect(voi).toEqual({ kind: 'window', center: 126.5, width: 301, fn: 'LINEAR', source: 'min-max' });
    const lut = buildGrayLut(header, voi);
    expect([lut[1000], lut[1150], lut[1300]]).toEqual([0, 127, 255]);
  });

  it('auto min-max of a signed frame looks at masked, sign-extended values', () => {
    const header = makeHeader({ rows: 1, columns: 3, bitsStored: 12, highBit: 11, pixelRepresentation: 1 });
    const voi = resolveVoi({ kind: 'auto' }, header, frameOf([0xf005, 0x0ffb, 0x0002])); // 5, -5, 2
    expect(voi).toEqual({ kind: 'window', center: 0.5, width: 11, fn: 'LINEAR', source: 'min-max' });
  });

  it('a preset resolves by name, case-insensitively', () => {
    const voi = resolveVoi({ kind: 'preset', name: 'Soft tissue' }, makeHeader({}), frameOf([0]));
    expect(voi).toEqual({ kind: 'window', center: 40, width: 350, fn: 'LINEAR', source: 'preset' });
  });

  it('an unknown preset throws naming the presets that exist', () => {
    expect(() => resolveVoi({ kind: 'preset', name: 'kidney' }, makeHeader({}), frameOf([0]))).toThrow(
      /Unknown window preset "kidney"\. Known presets: abdomen, liver, lung, mediastinum, bone, brain, soft-tissue/,
    );
  });

  it('a custom window keeps its function and rejects widths the function does not allow', () => {
    const header = makeHeader({});
    expect(
      resolveVoi({ kind: 'custom', center: 10, width: 0.5, fn: 'SIGMOID' }, header, frameOf([0])),
    ).toEqual({
      kind: 'window',
      center: 10,
      width: 0.5,
      fn: 'SIGMOID',
      source: 'custom',
    });
    expect(() => resolveVoi({ kind: 'custom', center: 10, width: 0.5 }, header, frameOf([0]))).toThrow(
      /width must be at least 1/,
    );
  });

  it('gives colour images no VOI', () => {
    const rgb = makeHeader(
      { samplesPerPixel: 3, photometric: 'RGB' },
      { windows: [{ center: 1, width: 2, fn: 'LINEAR' }] },
    );
    expect(resolveVoi({ kind: 'preset', name: 'lung' }, rgb, frameOf([0, 0, 0]))).toEqual({ kind: 'none' });
    const palette = makeHeader({ photometric: 'PALETTE COLOR' });
    expect(resolveVoi({ kind: 'auto' }, palette, frameOf([0]))).toEqual({ kind: 'none' });
  });
});
