/** NIfTI voxels kept in their own type (issue 20, point 3): never widened to Float64. */
import type * as Nifti from 'nifti-reader-js';
import { describe, expect, it } from 'vitest';
import { voxelLabels } from '../../../src/main/findings/nifti-voxels';

function header(datatypeCode: number, littleEndian = true, slope = 1, inter = 0): Nifti.NIFTI1 {
  return {
    datatypeCode,
    littleEndian,
    dims: [3, 2, 2, 1, 1, 1, 1, 1],
    scl_slope: slope,
    scl_inter: inter,
  } as Nifti.NIFTI1;
}

function bytes(
  size: number,
  write: (view: DataView, offset: number, value: number) => void,
  values: number[],
) {
  const buffer = new ArrayBuffer(values.length * size);
  values.forEach((v, i) => write(new DataView(buffer), i * size, v));
  return buffer;
}

describe('voxelLabels', () => {
  it('uint8 labels stay a Uint8Array over the same bytes', () => {
    const image = new Uint8Array([0, 1, 2, 1]).buffer;
    const labels = voxelLabels(header(2), image);
    expect(labels).toBeInstanceOf(Uint8Array);
    expect((labels as Uint8Array).buffer).toBe(image);
    expect([...(labels as Uint8Array)]).toEqual([0, 1, 2, 1]);
  });

  it('big-endian int16 labels are one Int16Array copy in the machine order', () => {
    const image = bytes(2, (v, o, x) => v.setInt16(o, x, false), [0, 300, -2, 7]);
    const labels = voxelLabels(header(4, false), image);
    expect(labels).toBeInstanceOf(Int16Array);
    expect([...(labels as Int16Array)]).toEqual([0, 300, -2, 7]);
  });

  it('int64 labels become Int32; past 2^31 - 1 they are refused', () => {
    const fits = bytes(8, (v, o, x) => v.setBigInt64(o, BigInt(x), true), [0, 1, 2, 3]);
    expect(voxelLabels(header(1024), fits)).toBeInstanceOf(Int32Array);
    const past = bytes(8, (v, o, x) => v.setBigInt64(o, BigInt(x), true), [0, 2 ** 31, 0, 0]);
    expect(voxelLabels(header(1024), past)).toMatch(/voxel 1 holds 2147483648, past the labels/);
  });

  it('float32 must hold whole numbers; a scaling gives Int32 labels', () => {
    const half = bytes(4, (v, o, x) => v.setFloat32(o, x, true), [0, 1.5, 0, 0]);
    expect(voxelLabels(header(16), half)).toMatch(/voxel 1 holds 1.5, not a whole-number label/);
    const scaled = voxelLabels(header(2, true, 2, 1), new Uint8Array([0, 1, 2, 3]).buffer);
    expect(scaled).toBeInstanceOf(Int32Array);
    expect([...(scaled as Int32Array)]).toEqual([1, 3, 5, 7]);
  });
});
