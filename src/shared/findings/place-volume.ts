import type { BoxRecord } from '../boxes/model';
import type { Affine } from '../geometry/affine';
import { apply } from '../geometry/affine';
import { matchGrid } from '../geometry/grid-match';
import type { IndexMap } from '../geometry/grid-match';
import type { Vec3 } from '../geometry/vec3';
import { norm, sub, vec3 } from '../geometry/vec3';
import type { VolumeGrid } from '../geometry/volume-grid';
import type { CatalogImage, CatalogSeries, ImageCatalog } from './catalog';
import { describeSeries } from './catalog';
import type { LabelSlice } from './label-slice';
import { labelRegion, regionComponents } from './label-slice';
import type { LabelStyle } from './mask-labels';

export type MaskStyle = 'outline' | 'box';

/** A label volume in patient space: voxel (i, j, k) holds labels[i + j*d0 + k*d0*d1]. */
export interface LabelVolume {
  dims: Vec3;
  /** voxel index -> LPS mm */
  affine: Affine;
  labels: ArrayLike<number>;
}

/** A series a volume fits, with its grid and how volume indices become series indices. */
export interface SeriesFit {
  series: CatalogSeries;
  grid: VolumeGrid<CatalogImage>;
  map: IndexMap;
}

export type FitResult = { ok: true; fits: SeriesFit[] } | { ok: false; reason: string };

function centre(a: Affine, dims: Vec3): Vec3 {
  return apply(
    a,
    vec3((i) => (dims[i] - 1) / 2),
  );
}

/**
 * The series whose grid the volume fits within half a voxel. When several fit (e.g. two reconstructions on
 * one grid) the volume is placed on each. When none does, one sentence naming the nearest series (fewest
 * differences, then closest centre) and what differs.
 */
export function fitSeries(volume: LabelVolume, catalog: ImageCatalog, maskName: string): FitResult {
  const fits: SeriesFit[] = [];
  let nearest: { series: CatalogSeries; text: string; score: number } | undefined;
  const maskCentre = centre(volume.affine, volume.dims);
  for (const series of catalog.series) {
    const grid = series.grid;
    if (!grid) {
      const text = `it is not a regular 3D grid: ${series.gridProblem ?? 'its geometry is unknown'}`;
      if (!nearest) nearest = { series, text, score: Number.MAX_VALUE };
      continue;
    }
    const match = matchGrid({ affine: volume.affine, dims: volume.dims }, grid);
    if (match.ok) {
      fits.push({ series, grid, map: match.map });
      continue;
    }
    const distance = norm(sub(maskCentre, centre(grid.affine, grid.dims)));
    const score = match.differences.length * 1e6 + distance;
    if (!nearest || score < nearest.score)
      nearest = { series, text: match.differences.map((d) => d.text).join('; '), score };
  }
  if (fits.length > 0) return { ok: true, fits };
  const reason = nearest
    ? `${maskName} fits no opened series, so nothing is drawn from it; the nearest is ${describeSeries(nearest.series)}: ${nearest.text}. DICOM Ink does not resample: write the mask on that series' grid`
    : `${maskName} cannot be placed: no DICOM image series was found among the inputs`;
  return { ok: false, reason };
}

/** The volume's labels carried (by index, no interpolation) onto each slice of the fitted series. */
export function volumeSlices(volume: LabelVolume, fit: SeriesFit): LabelSlice[] {
  const [columns, rows, count] = fit.grid.dims;
  const slices: LabelSlice[] = [];
  for (let k = 0; k < count; k++) slices.push({ columns, rows, labels: new Int32Array(columns * rows) });
  const plane = columns * rows;
  const strides: Vec3 = [1, columns, plane];
  const { axis, sign, start } = fit.map;
  const step = vec3((j) => sign[j] * strides[axis[j]]);
  const base = start[0] + start[1] * columns + start[2] * plane;
  const [d0, d1, d2] = volume.dims;
  let source = 0;
  for (let k = 0; k < d2; k++) {
    for (let j = 0; j < d1; j++) {
      let target = base + j * step[1] + k * step[2];
      for (let i = 0; i < d0; i++, source++, target += step[0]) {
        const value = volume.labels[source] ?? 0;
        if (value === 0) continue;
        const index = Math.floor(target / plane);
        const slice = slices[index];
        if (slice) slice.labels[target - index * plane] = value;
      }
    }
  }
  return slices;
}

/** Findings from labelled slices: per label and slice one outline region, or one box per 8-connected part. */
export function sliceFindings(
  slices: readonly LabelSlice[],
  fit: SeriesFit,
  styles: readonly LabelStyle[],
  options: { style: MaskStyle; maskName: string },
): BoxRecord[] {
  const records: BoxRecord[] = [];
  slices.forEach((slice, k) => {
    const image = fit.grid.slices[k];
    if (!image) return;
    for (const style of styles) {
      const region = labelRegion(slice, style.value);
      if (!region) continue;
      const common = {
        target: { kind: 'sop' as const, sopInstanceUid: image.sopInstanceUid },
        frame: 1,
        label: style.name,
        color: style.color,
      };
      const where = `${options.maskName} label ${style.value} on ${image.relativePath}`;
      if (options.style === 'outline') {
        records.push({
          ...common,
          x1: region.x,
          y1: region.y,
          x2: region.x + region.width - 1,
          y2: region.y + region.height - 1,
          region,
          origin: where,
        });
      } else {
        regionComponents(region).forEach((box, n) =>
          records.push({ ...common, ...box, origin: `${where} #${n + 1}` }),
        );
      }
    }
  });
  return records;
}

/** Every label value present in a volume, ascending. */
export function presentLabels(labels: ArrayLike<number>): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i] ?? 0;
    if (v !== 0) seen.add(v);
  }
  return [...seen].sort((a, b) => a - b);
}
