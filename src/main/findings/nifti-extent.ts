/**
 * How many bytes a NIfTI file's header says it holds (header, extensions, voxels), read from its first
 * bytes, so a gzipped mask is inflated no further than that: a small file that inflates to gigabytes (a
 * "gzip bomb") costs what its header declares, and a header declaring more voxel data than
 * NIFTI_VOXEL_LIMIT is refused before anything is inflated. Offsets: NIfTI-1 (nifti1.h: dim[8] int16 at
 * 40, datatype at 70, bitpix at 72, vox_offset float32 at 108) and NIfTI-2 (nifti2.h: datatype at 12,
 * bitpix at 14, dim[8] int64 at 16, vox_offset int64 at 168).
 */
import { createGunzip } from 'node:zlib';

/** The most voxel data (dims x bytes per voxel) a mask may declare: 512 MiB (e.g. 512 x 512 x 1024 int16). */
export const NIFTI_VOXEL_LIMIT = 512 * 1024 * 1024;

/** Bytes per voxel of the datatypes a label mask may have (nifti1.h DT_* codes). */
export const NIFTI_VOXEL_BYTES: Readonly<Record<number, number>> = {
  2: 1,
  256: 1,
  4: 2,
  512: 2,
  8: 4,
  768: 4,
  16: 4,
  1024: 8,
  1280: 8,
  64: 8,
};

export interface NiftiExtent {
  /** where the voxels start */
  voxOffset: number;
  /** the byte just past the last voxel: the file needs this many bytes */
  end: number;
}

/** The header's own size: 540 bytes for NIfTI-2, 348 for NIfTI-1. */
export const NIFTI_HEADER_BYTES = 540;

/** The extent the header declares, or why it is refused; `head` is at least the header's first bytes. */
export function niftiExtent(head: Uint8Array): NiftiExtent | string {
  if (head.length < 348) return 'its header is truncated';
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const little = view.getInt32(0, true) === 348 || view.getInt32(0, true) === 540;
  const version = view.getInt32(0, little) === 540 ? 2 : 1;
  if (version === 2 && head.length < 540) return 'its header is truncated';
  const dim = (i: number): number =>
    version === 1 ? view.getInt16(40 + 2 * i, little) : Number(view.getBigInt64(16 + 8 * i, little));
  const datatype = view.getInt16(version === 1 ? 70 : 12, little);
  const voxOffset =
    version === 1 ? Math.floor(view.getFloat32(108, little)) : Number(view.getBigInt64(168, little));
  const ndim = dim(0);
  if (!(ndim >= 1 && ndim <= 7)) return `its header gives ${ndim} dimensions (dim[0] must be 1 to 7)`;
  let voxels = 1;
  for (let i = 1; i <= ndim; i++) {
    const d = dim(i);
    if (!Number.isSafeInteger(d) || d < 0) return `its header gives dimension ${i} as ${d}`;
    voxels *= Math.max(1, d);
  }
  const size = NIFTI_VOXEL_BYTES[datatype];
  if (size === undefined)
    return `its datatype ${datatype} is not an integer label type (or float holding whole numbers)`;
  const bytes = voxels * size;
  if (bytes > NIFTI_VOXEL_LIMIT)
    return (
      `its header declares ${voxels} voxels of ${size} byte(s) (${(bytes / 2 ** 20).toFixed(0)} MiB), over the ` +
      `${NIFTI_VOXEL_LIMIT / 2 ** 20} MiB of voxel data a mask may have, so it is not read`
    );
  const header = version === 1 ? 348 : 540;
  if (!Number.isSafeInteger(voxOffset) || voxOffset < 0 || voxOffset > 64 * 2 ** 20)
    return `its vox_offset ${voxOffset} is not a plausible place for its voxels to start`;
  const start = Math.max(voxOffset, header);
  return { voxOffset: start, end: start + bytes };
}

/**
 * The first `limit` bytes a gzip stream inflates to (fewer when it ends sooner); inflation stops there,
 * so the rest of the stream, however much it would inflate to, is never produced.
 */
export function inflatePrefix(compressed: Uint8Array, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Not zero-filled: pages are touched (and counted) only as inflated bytes arrive.
    const out = Buffer.allocUnsafe(limit);
    let filled = 0;
    let settled = false;
    const gunzip = createGunzip();
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      if (error) reject(error);
      else resolve(out.subarray(0, filled));
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      const take = Math.min(chunk.length, limit - filled);
      chunk.copy(out, filled, 0, take);
      filled += take;
      if (filled >= limit) finish();
    });
    gunzip.on('end', () => finish());
    gunzip.on('error', (error) => finish(error));
    gunzip.end(compressed);
  });
}
