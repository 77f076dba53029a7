import type { Affine } from './affine';
import { apply, column, compose, invert } from './affine';
import type { Axis, Vec3 } from './vec3';
import { AXES, axisAngleDegrees, norm, vec3 } from './vec3';

type Triple<T> = readonly [T, T, T];

/** How source indices become target indices: target[axis[j]] = start[axis[j]] + sign[j] * source[j]. */
export interface IndexMap {
  axis: Triple<Axis>;
  sign: Triple<1 | -1>;
  /** target index of source voxel (0, 0, 0) */
  start: Vec3;
}

/** What differs between a source grid and a target grid, in words a reader acts on. */
export interface GridDifference {
  kind: 'orientation' | 'spacing' | 'shape' | 'origin';
  text: string;
}

export type GridMatch = { ok: true; map: IndexMap } | { ok: false; differences: GridDifference[] };

export interface Grid {
  /** index -> LPS mm */
  affine: Affine;
  dims: Vec3;
}

const AXIS_NAMES = ['columns', 'rows', 'slices'] as const;

function mm(v: number): string {
  return `${Number(v.toFixed(3))} mm`;
}

function dominantAxis(v: Vec3): Axis {
  let best: Axis = 0;
  for (const i of AXES) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
  return best;
}

function corners(dims: Vec3): Vec3[] {
  const out: Vec3[] = [];
  for (const a of [0, dims[0] - 1])
    for (const b of [0, dims[1] - 1]) for (const c of [0, dims[2] - 1]) out.push([a, b, c]);
  return out;
}

/** Target index of a source index under the map. */
export function mapIndex(map: IndexMap, source: Vec3): Vec3 {
  const out: [number, number, number] = [map.start[0], map.start[1], map.start[2]];
  for (const j of AXES) out[map.axis[j]] = map.start[map.axis[j]] + map.sign[j] * source[j];
  return out;
}

/** Orientation, spacing and shape differences of each source axis against the target axis it runs along. */
function axisDifferences(source: Grid, target: Grid, t: Affine, axis: Triple<Axis>): GridDifference[] {
  const differences: GridDifference[] = [];
  for (const j of AXES) {
    const v = column(t, j);
    const i = axis[j];
    const extent = source.dims[j] - 1;
    const offAxis = Math.max(...AXES.filter((k) => k !== i).map((k) => Math.abs(v[k])));
    if (offAxis * extent >= 0.5) {
      const degrees = (Math.atan2(offAxis, Math.abs(v[i])) * 180) / Math.PI;
      differences.push({
        kind: 'orientation',
        text: `orientation differs by ${degrees.toFixed(2)} degrees (mask axis ${j + 1} against the series ${AXIS_NAMES[i]})`,
      });
    }
    if (Math.abs(Math.abs(v[i]) - 1) * extent >= 0.5) {
      const sourceStep = norm(column(source.affine, j));
      const targetStep = norm(column(target.affine, i));
      differences.push({
        kind: 'spacing',
        text: `spacing differs: mask axis ${j + 1} steps ${mm(sourceStep)}, the series ${AXIS_NAMES[i]} ${mm(targetStep)}`,
      });
    }
    if (source.dims[j] !== target.dims[i]) {
      differences.push({
        kind: 'shape',
        text: `shape differs: mask axis ${j + 1} has ${source.dims[j]} voxels, the series has ${target.dims[i]} ${AXIS_NAMES[i]}`,
      });
    }
  }
  return differences;
}

/**
 * Decides whether every voxel centre of `source` lands within half a voxel of a voxel centre of `target`,
 * one to one, and if so how indices map. Both grids are regular, so checking the source's 8 corner voxels
 * bounds every voxel. No resampling: a source that would need it is refused with what differs
 * (orientation, spacing, shape, origin), in degrees, mm and voxels.
 */
export function matchGrid(source: Grid, target: Grid): GridMatch {
  const inverse = invert(target.affine);
  if (!inverse)
    return { ok: false, differences: [{ kind: 'orientation', text: 'the series grid is degenerate' }] };
  const t = compose(inverse, source.affine);
  const axis: Triple<Axis> = [
    dominantAxis(column(t, 0)),
    dominantAxis(column(t, 1)),
    dominantAxis(column(t, 2)),
  ];
  if (new Set(axis).size !== 3) {
    const degrees = Math.max(
      ...AXES.map((j) =>
        Math.min(...AXES.map((i) => axisAngleDegrees(column(source.affine, j), column(target.affine, i)))),
      ),
    );
    const text = `orientation differs by ${degrees.toFixed(1)} degrees: the mask axes are not parallel to the series rows, columns and slice axis`;
    return { ok: false, differences: [{ kind: 'orientation', text }] };
  }
  const differences = axisDifferences(source, target, t, axis);
  if (differences.length > 0) return { ok: false, differences };
  const sign: Triple<1 | -1> = [
    column(t, 0)[axis[0]] < 0 ? -1 : 1,
    column(t, 1)[axis[1]] < 0 ? -1 : 1,
    column(t, 2)[axis[2]] < 0 ? -1 : 1,
  ];
  const o = apply(t, [0, 0, 0]);
  const start = vec3((i) => {
    const j = axis.indexOf(i);
    return sign[j as Axis] === 1 ? 0 : target.dims[i] - 1;
  });
  for (const i of AXES) {
    const off = o[i] - start[i];
    if (Math.abs(off) >= 0.5) {
      const step = norm(column(target.affine, i));
      differences.push({
        kind: 'origin',
        text: `origin differs by ${Math.abs(off).toFixed(2)} voxels (${mm(Math.abs(off) * step)}) along the series ${AXIS_NAMES[i]}`,
      });
    }
  }
  if (differences.length > 0) return { ok: false, differences };
  const map: IndexMap = { axis, sign, start };
  // The rule itself: all 8 corners within half a voxel of where the map puts them.
  for (const corner of corners(source.dims)) {
    const exact = apply(t, corner);
    const mapped = mapIndex(map, corner);
    for (const i of AXES) {
      const off = Math.abs(exact[i] - mapped[i]);
      if (off >= 0.5) {
        const text = `a corner voxel lands ${off.toFixed(2)} voxels from its series voxel along the ${AXIS_NAMES[i]}`;
        return { ok: false, differences: [{ kind: 'origin', text }] };
      }
    }
  }
  return { ok: true, map };
}
