import { constants, gunzipSync } from 'node:zlib';
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
import { readFindingFile } from './finding-file';
import { NIFTI_HEADER_BYTES, inflatePrefix, niftiExtent } from './nifti-extent';
import { voxelLabels } from './nifti-voxels';

const GZIP = [0x1f, 0x8b];

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP[0] && bytes[1] === GZIP[1];
}

/** NIfTI-1 (sizeof_hdr 348) or NIfTI-2 (540) in either byte order, gzipped or not. */
function looksLikeNifti(head: Uint8Array): boolean {
  if (isGzip(head)) {
    // The header is compressed: decompress just enough of the head to see it.
    try {
      // At most 16 KiB of the stream, so a head of compressed zeros inflates to megabytes, not more.
      const inflated = gunzipSync(head.subarray(0, 16 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
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

/**
 * The file's bytes up to the end of the voxels its header declares: a gzipped file is inflated that far
 * and no further (nifti-extent.ts), and a header declaring more than the voxel ceiling is refused first.
 */
async function maskBytes(source: FindingSource): Promise<Uint8Array | string> {
  const file = await readFindingFile(source.path, 'nifti');
  const compressed = isGzip(file);
  let head: Uint8Array = file;
  if (compressed) {
    try {
      head = await inflatePrefix(file, NIFTI_HEADER_BYTES);
    } catch (error) {
      return `the gzip stream is corrupt (${String(error)})`;
    }
  }
  const extent = niftiExtent(head);
  if (typeof extent === 'string') return extent;
  let bytes: Uint8Array = file.subarray(0, extent.end);
  if (compressed) {
    try {
      bytes = await inflatePrefix(file, extent.end);
    } catch (error) {
      return `the gzip stream is corrupt (${String(error)})`;
    }
  }
  if (bytes.length < extent.end)
    return `its voxel data is truncated (${Math.max(0, bytes.length - extent.voxOffset)} of ${extent.end - extent.voxOffset} bytes)`;
  return bytes;
}

async function readMask(source: FindingSource): Promise<ImportedFindings | { volume: LabelVolume }> {
  const bytes = await maskBytes(source);
  if (typeof bytes === 'string') return refused('nifti', `${source.name}: ${bytes}`);
  // nifti-reader-js ships as ES modules only: loaded with import() from the CommonJS bundle.
  const nifti = await import('nifti-reader-js');
  // The inflated bytes are used where they are when they fill their buffer (no copy of a large mask).
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
  if (!nifti.isNIFTI(buffer)) return refused('nifti', `${source.name}: not a NIfTI-1 or NIfTI-2 file`);
  const header = nifti.readHeader(buffer);
  const ndim = header.dims[0] ?? 0;
  const extra = header.dims.slice(4, ndim + 1).filter((d) => d > 1);
  if (ndim < 2 || extra.length > 0)
    return refused(
      'nifti',
      `${source.name}: a mask must be a 3D label volume, this one has dims ${header.dims.slice(1, ndim + 1).join('x')}`,
    );
  const voxels = voxelLabels(header, nifti.readImage(header, buffer));
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
    if (sidecar.algorithm) result.algorithm = sidecar.algorithm;
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
