import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type * as Nifti from 'nifti-reader-js';
import type { Affine } from '../../shared/geometry/affine';
import type { Vec3 } from '../../shared/geometry/vec3';
import { qformAffine } from '../../shared/geometry/nifti-qform';
import { rasAffineToLps } from '../../shared/geometry/patient-space';
import { labelStyles } from '../../shared/findings/mask-labels';
import type { LabelVolume } from '../../shared/findings/place-volume';
import { fitSeries, presentLabels, sliceFindings, volumeSlices } from '../../shared/findings/place-volume';
import type { FindingImporter, FindingSource, ImportedFindings } from './importer';
import { refused } from './importer';
import { readSidecar } from './mask-sidecar';

const GZIP = [0x1f, 0x8b];

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP[0] && bytes[1] === GZIP[1];
}

/** NIfTI-1 (sizeof_hdr 348) or NIfTI-2 (540) in either byte order, gzipped or not. */
function looksLikeNifti(head: Uint8Array): boolean {
  if (isGzip(head)) {
    // The header is compressed: decompress just enough of the head to see it.
    try {
      const inflated = gunzipSync(head, { finishFlush: 2 });
      return looksLikeNifti(inflated);
    } catch {
      return false;
    }
  }
  if (head.length < 348) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const size = [view.getInt32(0, true), view.getInt32(0, false)];
  return size.includes(348) || size.includes(540);
}

const INTEGER_TYPES = new Set([2, 4, 8, 256, 512, 768, 1024, 1280]);
const FLOAT_TYPES = new Set([16, 64]);

function voxelArray(header: Nifti.NIFTI1 | Nifti.NIFTI2, image: ArrayBuffer): ArrayLike<number> | string {
  const type = header.datatypeCode;
  const little = header.littleEndian;
  const view = new DataView(image);
  const count = header.dims.slice(1, 4).reduce((a, b) => a * Math.max(1, b), 1);
  const bytes: Record<number, number> = {
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
  const size = bytes[type];
  if (size === undefined || (!INTEGER_TYPES.has(type) && !FLOAT_TYPES.has(type)))
    return `its datatype ${type} is not an integer label type (or float holding whole numbers)`;
  if (image.byteLength < count * size)
    return `its voxel data is truncated (${image.byteLength} of ${count * size} bytes)`;
  const out = new Float64Array(count);
  for (let i = 0, o = 0; i < count; i++, o += size) {
    switch (type) {
      case 2:
        out[i] = view.getUint8(o);
        break;
      case 256:
        out[i] = view.getInt8(o);
        break;
      case 4:
        out[i] = view.getInt16(o, little);
        break;
      case 512:
        out[i] = view.getUint16(o, little);
        break;
      case 8:
        out[i] = view.getInt32(o, little);
        break;
      case 768:
        out[i] = view.getUint32(o, little);
        break;
      case 1024:
        out[i] = Number(view.getBigInt64(o, little));
        break;
      case 1280:
        out[i] = Number(view.getBigUint64(o, little));
        break;
      case 16:
        out[i] = view.getFloat32(o, little);
        break;
      case 64:
        out[i] = view.getFloat64(o, little);
        break;
    }
  }
  const slope = header.scl_slope;
  if (Number.isFinite(slope) && slope !== 0 && (slope !== 1 || header.scl_inter !== 0)) {
    for (let i = 0; i < count; i++) out[i] = (out[i] ?? 0) * slope + header.scl_inter;
  }
  for (let i = 0; i < count; i++) {
    if (!Number.isInteger(out[i])) return `voxel ${i} holds ${out[i]}, not a whole-number label`;
  }
  return out;
}

/** index -> RAS+: the sform when its code is set, else the qform (NIfTI-1 methods 3 and 2). */
function rasAffine(header: Nifti.NIFTI1 | Nifti.NIFTI2): Affine | string {
  if (header.sform_code > 0) {
    const at = (r: number, c: number): number => header.affine[r]?.[c] ?? Number.NaN;
    const row = (r: number): Vec3 => [at(r, 0), at(r, 1), at(r, 2)];
    const affine: Affine = { m: [row(0), row(1), row(2)], t: [at(0, 3), at(1, 3), at(2, 3)] };
    if (![...affine.m.flat(), ...affine.t].every(Number.isFinite))
      return 'its sform is not a set of finite numbers';
    return affine;
  }
  if (header.qform_code > 0) {
    const p = (i: number): number => header.pixDims[i] ?? 0;
    return qformAffine({
      b: header.quatern_b,
      c: header.quatern_c,
      d: header.quatern_d,
      offset: [header.qoffset_x, header.qoffset_y, header.qoffset_z],
      pixdim: [p(1), p(2), p(3)],
      qfac: p(0),
    });
  }
  return 'it has neither an sform nor a qform (both codes are 0), so where its voxels are in the patient is unknown';
}

async function readMask(source: FindingSource): Promise<ImportedFindings | { volume: LabelVolume }> {
  let bytes: Uint8Array = await readFile(source.path);
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      return refused('nifti', `${source.name}: the gzip stream is corrupt (${String(error)})`);
    }
  }
  // nifti-reader-js ships as ES modules only: loaded with import() from the CommonJS bundle.
  const nifti = await import('nifti-reader-js');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  if (!nifti.isNIFTI(buffer)) return refused('nifti', `${source.name}: not a NIfTI-1 or NIfTI-2 file`);
  const header = nifti.readHeader(buffer);
  const ndim = header.dims[0] ?? 0;
  const extra = header.dims.slice(4, ndim + 1).filter((d) => d > 1);
  if (ndim < 2 || extra.length > 0)
    return refused(
      'nifti',
      `${source.name}: a mask must be a 3D label volume, this one has dims ${header.dims.slice(1, ndim + 1).join('x')}`,
    );
  const voxels = voxelArray(header, nifti.readImage(header, buffer));
  if (typeof voxels === 'string') return refused('nifti', `${source.name}: ${voxels}`);
  const affine = rasAffine(header);
  if (typeof affine === 'string') return refused('nifti', `${source.name}: ${affine}`);
  const dim = (i: number): number => (i <= ndim ? Math.max(1, header.dims[i] ?? 1) : 1);
  return {
    volume: {
      dims: [dim(1), dim(2), dim(3)],
      affine: rasAffineToLps(affine),
      labels: voxels,
    },
  };
}

/** NIfTI-1/2 label masks, placed by their sform/qform on the series whose grid they fit. */
export const niftiImporter: FindingImporter = {
  format: 'nifti',
  recognises: (source) => !source.isDirectory && looksLikeNifti(source.head),
  async read(source, context) {
    const read = await readMask(source);
    if (!('volume' in read)) return read;
    const { volume } = read;
    const catalog = await context.catalog();
    const fitted = fitSeries(volume, catalog, source.name);
    if (!fitted.ok) return refused('nifti', fitted.reason);
    const sidecar = await readSidecar(source.path);
    const styles = labelStyles(presentLabels(volume.labels), context.options.maskLabels, sidecar.labels);
    const result: ImportedFindings = { format: 'nifti', findings: [], problems: [], notes: [] };
    if (sidecar.problem) result.problems.push({ origin: source.name, reason: sidecar.problem });
    for (const fit of fitted.fits) {
      const slices = volumeSlices(volume, fit);
      const found = sliceFindings(slices, fit, styles, {
        style: context.options.maskStyle,
        maskName: source.name,
      });
      result.findings.push(...found);
      const onSlices = new Set(found.map((f) => (f.target.kind === 'sop' ? f.target.sopInstanceUid : '')))
        .size;
      result.notes.push(
        `${source.name}: placed on series ${fit.series.seriesInstanceUid} (${found.length} ${context.options.maskStyle === 'box' ? 'boxes' : 'outlines'} on ${onSlices} slices; labels ${styles.map((s) => `${s.value}=${s.name}`).join(', ')})`,
      );
    }
    return result;
  },
};
