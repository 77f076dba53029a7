/**
 * A mask's voxels as labels, kept in their own type: a uint8 mask stays one byte a voxel (a view on the
 * inflated bytes when the byte order allows, else one copy of the same width), never widened to Float64.
 * 64-bit integers become Int32 (labels past 2^31 are refused), and a scaling (scl_slope, scl_inter) that
 * changes values gives Int32 labels.
 */
import type * as Nifti from 'nifti-reader-js';
import { NIFTI_VOXEL_BYTES } from './nifti-extent';

type Labels =
  Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

type Make = (count: number) => Labels;
type Get = (view: DataView, offset: number, little: boolean) => number;

/** Each datatype (nifti1.h DT_*): its typed array and how one voxel is read from bytes. */
const TYPES: Readonly<Record<number, { make: Make; get: Get }>> = {
  2: { make: (n) => new Uint8Array(n), get: (v, o) => v.getUint8(o) },
  256: { make: (n) => new Int8Array(n), get: (v, o) => v.getInt8(o) },
  4: { make: (n) => new Int16Array(n), get: (v, o, l) => v.getInt16(o, l) },
  512: { make: (n) => new Uint16Array(n), get: (v, o, l) => v.getUint16(o, l) },
  8: { make: (n) => new Int32Array(n), get: (v, o, l) => v.getInt32(o, l) },
  768: { make: (n) => new Uint32Array(n), get: (v, o, l) => v.getUint32(o, l) },
  16: { make: (n) => new Float32Array(n), get: (v, o, l) => v.getFloat32(o, l) },
  64: { make: (n) => new Float64Array(n), get: (v, o, l) => v.getFloat64(o, l) },
  1024: { make: (n) => new Int32Array(n), get: (v, o, l) => Number(v.getBigInt64(o, l)) },
  1280: { make: (n) => new Int32Array(n), get: (v, o, l) => Number(v.getBigUint64(o, l)) },
};

const PLATFORM_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The voxels in their own type: a view when the bytes can be used as they are, else one copy. */
function nativeLabels(
  type: number,
  size: number,
  image: ArrayBuffer,
  count: number,
  little: boolean,
): Labels {
  const kind = TYPES[type];
  if (!kind) throw new Error(`datatype ${type} has no reader`);
  const wide = type === 1024 || type === 1280;
  if (!wide && (size === 1 || little === PLATFORM_LITTLE)) {
    const probe = kind.make(0);
    const Ctor = probe.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => Labels;
    return new Ctor(image, 0, count);
  }
  const out = kind.make(count);
  const view = new DataView(image);
  for (let i = 0, o = 0; i < count; i++, o += size) {
    const value = kind.get(view, o, little);
    if (wide && (value > 2 ** 31 - 1 || value < -(2 ** 31)))
      throw new Error(`voxel ${i} holds ${value}, past the labels a mask may have (up to 2^31 - 1)`);
    out[i] = value;
  }
  return out;
}

/** Values scaled by scl_slope/scl_inter, as Int32 labels (a scaling that changes values). */
function scaled(labels: Labels, slope: number, inter: number): Int32Array | string {
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const value = (labels[i] ?? 0) * slope + inter;
    if (!Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1)
      return `voxel ${i} holds ${value} after scl_slope/scl_inter, not a whole-number label`;
    out[i] = value;
  }
  return out;
}

/** The header's voxels as whole-number labels, or why they are not labels. */
export function voxelLabels(
  header: Nifti.NIFTI1 | Nifti.NIFTI2,
  image: ArrayBuffer,
): ArrayLike<number> | string {
  const type = header.datatypeCode;
  const size = NIFTI_VOXEL_BYTES[type];
  if (size === undefined)
    return `its datatype ${type} is not an integer label type (or float holding whole numbers)`;
  const count = header.dims.slice(1, 4).reduce((a, b) => a * Math.max(1, b), 1);
  if (image.byteLength < count * size)
    return `its voxel data is truncated (${image.byteLength} of ${count * size} bytes)`;
  let labels: Labels;
  try {
    labels = nativeLabels(type, size, image, count, header.littleEndian);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const slope = header.scl_slope;
  if (Number.isFinite(slope) && slope !== 0 && (slope !== 1 || header.scl_inter !== 0))
    return scaled(labels, slope, header.scl_inter);
  if (labels instanceof Float32Array || labels instanceof Float64Array) {
    for (let i = 0; i < count; i++) {
      if (!Number.isInteger(labels[i])) return `voxel ${i} holds ${labels[i]}, not a whole-number label`;
    }
  }
  return labels;
}
