/**
 * The pure geometry behind mask placement (src/shared/geometry), against values worked out by hand on
 * paper from the DICOM and NIfTI rules, never from the code under test: RAS <-> LPS, the Image Plane
 * Module (Pixel Spacing is row spacing first), the NIfTI qform, series grids, and the half-voxel grid
 * rule with the reasons a mask is refused.
 */
import { describe, expect, it } from 'vitest';
import { apply, compose, fromColumns, invert, type Affine } from '../../../src/shared/geometry/affine';
import { mapIndex, matchGrid, type Grid } from '../../../src/shared/geometry/grid-match';
import { imagePlane, planeAffine, planeNormal } from '../../../src/shared/geometry/image-plane';
import { qformAffine } from '../../../src/shared/geometry/nifti-qform';
import { lpsToRas, rasAffineToLps, rasToLps, toLps } from '../../../src/shared/geometry/patient-space';
import type { Vec3 } from '../../../src/shared/geometry/vec3';
import { fitVolumeGrid } from '../../../src/shared/geometry/volume-grid';

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? NaN, 9));
}

describe('RAS <-> LPS', () => {
  it('negates x and y and keeps z, both ways', () => {
    expect(rasToLps([1, 2, 3])).toEqual([-1, -2, 3]);
    expect(lpsToRas([-1, -2, 3])).toEqual([1, 2, 3]);
    expect(toLps([4, 5, 6], 'LPS')).toEqual([4, 5, 6]);
    expect(toLps([4, 5, 6], 'RAS')).toEqual([-4, -5, 6]);
  });

  it('turns a NIfTI index->RAS affine into index->LPS: voxel (2,3,4) of an ITK-written mask', () => {
    // ITK stores an LPS series with a RAS affine diag(-0.7, -0.8, 2.5), origin RAS (20.3, 15.1, 30).
    const ras: Affine = {
      m: [
        [-0.7, 0, 0],
        [0, -0.8, 0],
        [0, 0, 2.5],
      ],
      t: [20.3, 15.1, 30],
    };
    const lps = rasAffineToLps(ras);
    // By hand: LPS x = -20.3 + 0.7*2 = -18.9, y = -15.1 + 0.8*3 = -12.7, z = 30 + 2.5*4 = 40.
    expectClose(apply(lps, [2, 3, 4]), [-18.9, -12.7, 40]);
    expectClose(rasToLps(apply(ras, [2, 3, 4])), [-18.9, -12.7, 40]);
  });
});

describe('affine maps', () => {
  const a = fromColumns([2, 0, 0], [0, 3, 0], [1, 0, 4], [10, 20, 30]);

  it('fromColumns puts each index axis step in its column', () => {
    // (1,1,1) -> origin + c0 + c1 + c2 = (10+2+0+1, 20+0+3+0, 30+0+0+4)
    expectClose(apply(a, [1, 1, 1]), [13, 23, 34]);
  });

  it('invert undoes the map and compose chains maps', () => {
    const inverse = invert(a);
    if (!inverse) throw new Error('not invertible');
    expectClose(apply(inverse, [13, 23, 34]), [1, 1, 1]);
    expectClose(apply(compose(inverse, a), [5, -2, 7]), [5, -2, 7]);
  });

  it('a degenerate map has no inverse', () => {
    expect(invert(fromColumns([1, 0, 0], [2, 0, 0], [0, 0, 1], [0, 0, 0]))).toBeUndefined();
  });
});

describe('the Image Plane Module (PS3.3 C.7.6.2)', () => {
  it('voxel -> LPS: Pixel Spacing[0] is the distance between ROWS, [1] between COLUMNS', () => {
    const parsed = imagePlane({
      imagePositionPatient: [-20, -15, 30],
      imageOrientationPatient: [1, 0, 0, 0, 1, 0],
      pixelSpacing: [0.8, 0.7],
      rows: 40,
      columns: 48,
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    // Column 10, row 5: x = -20 + 10*0.7 = -13, y = -15 + 5*0.8 = -11.
    expectClose(apply(planeAffine(parsed.plane), [10, 5, 0]), [-13, -11, 30]);
    const inverse = invert(planeAffine(parsed.plane));
    if (!inverse) throw new Error('not invertible');
    // LPS -> pixel, and the third coordinate is the distance from the plane (2 mm towards the head).
    expectClose(apply(inverse, [-13, -11, 32]), [10, 5, 2]);
  });

  it('a sagittal plane: row direction +y, column direction -z, normal = row x column = -x', () => {
    const parsed = imagePlane({
      imagePositionPatient: [5, -100, 50],
      imageOrientationPatient: [0, 1, 0, 0, 0, -1],
      pixelSpacing: [0.8, 0.7],
      rows: 10,
      columns: 10,
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    expectClose(planeNormal(parsed.plane), [-1, 0, 0]);
    // Column 10 -> y = -100 + 7; row 5 -> z = 50 - 4.
    expectClose(apply(planeAffine(parsed.plane), [10, 5, 0]), [5, -93, 46]);
  });

  it('names the attribute that is missing or wrong', () => {
    const base = { rows: 4, columns: 4 };
    const reason = (header: Parameters<typeof imagePlane>[0]) => {
      const parsed = imagePlane(header);
      return parsed.ok ? 'ok' : parsed.reason;
    };
    expect(reason({ ...base, imageOrientationPatient: [1, 0, 0, 0, 1, 0], pixelSpacing: [1, 1] })).toContain(
      'Image Position (Patient) (0020,0032)',
    );
    expect(
      reason({
        ...base,
        imagePositionPatient: [0, 0, 0],
        imageOrientationPatient: [1, 0, 0, 1, 0, 0],
        pixelSpacing: [1, 1],
      }),
    ).toBe('Image Orientation (Patient) (0020,0037) is not two perpendicular unit vectors');
    expect(
      reason({ ...base, imagePositionPatient: [0, 0, 0], imageOrientationPatient: [1, 0, 0, 0, 1, 0] }),
    ).toBe('Pixel Spacing (0028,0030) is missing or not two positive numbers');
  });
});

describe('the NIfTI-1 qform (method 2)', () => {
  it('the identity quaternion gives the voxel sizes, qfac -1 flips the third axis', () => {
    const a = qformAffine({ b: 0, c: 0, d: 0, offset: [1, 2, 3], pixdim: [0.7, 0.8, 2.5], qfac: -1 });
    expectClose(apply(a, [1, 1, 1]), [1.7, 2.8, 0.5]);
  });

  it('d = 1 (a = 0) is a half turn about z: x and y negated, as dcm2niix and ITK write an axial LPS series', () => {
    const a = qformAffine({ b: 0, c: 0, d: 1, offset: [20, 15, -30], pixdim: [0.7, 0.8, 2.5], qfac: 1 });
    // (2,3,4) -> (20 - 1.4, 15 - 2.4, -30 + 10)
    expectClose(apply(a, [2, 3, 4]), [18.6, 12.6, -20]);
  });
});

const plane = (z: number, spacing: readonly number[] = [0.8, 0.7]) => {
  const parsed = imagePlane({
    imagePositionPatient: [-20, -15, z],
    imageOrientationPatient: [1, 0, 0, 0, 1, 0],
    pixelSpacing: spacing,
    rows: 40,
    columns: 48,
  });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.plane;
};

describe('series grids (fitVolumeGrid)', () => {
  it('orders frames along the normal and steps by the slice spacing, whatever order they come in', () => {
    const fitted = fitVolumeGrid([35, 30, 32.5].map((z) => ({ plane: plane(z), item: `z${z}` })));
    if (!fitted.ok) throw new Error(fitted.reason);
    expect(fitted.grid.slices).toEqual(['z30', 'z32.5', 'z35']);
    expect(fitted.grid.dims).toEqual([48, 40, 3]);
    expect(fitted.grid.sliceSpacing).toBeCloseTo(2.5, 9);
    // Voxel (10, 5, 2): column 10, row 5 of the third slice.
    expectClose(apply(fitted.grid.affine, [10, 5, 2]), [-13, -11, 35]);
  });

  it('refuses uneven slices, naming the slice and how far off it is', () => {
    const fitted = fitVolumeGrid([30, 33, 35].map((z) => ({ plane: plane(z), item: z })));
    expect(fitted).toEqual({
      ok: false,
      reason: 'its slices are not evenly spaced on one line (slice 2 of 3 is 0.50 mm off the grid)',
    });
  });

  it('refuses frames of different pixel spacing', () => {
    const fitted = fitVolumeGrid([
      { plane: plane(30), item: 1 },
      { plane: plane(32.5, [0.7, 0.8]), item: 2 },
    ]);
    expect(fitted).toEqual({ ok: false, reason: 'its frames differ in Pixel Spacing' });
  });
});

describe('the half-voxel grid rule (matchGrid)', () => {
  // The series: 48 columns x 40 rows x 12 slices, columns 0.7 mm apart, rows 0.8 mm, slices 2.5 mm.
  const series: Grid = {
    affine: fromColumns([0.7, 0, 0], [0, 0.8, 0], [0, 0, 2.5], [-20, -15, 30]),
    dims: [48, 40, 12],
  };
  const grid = (c0: Vec3, c1: Vec3, c2: Vec3, origin: Vec3, dims: Vec3 = [48, 40, 12]): Grid => ({
    affine: fromColumns(c0, c1, c2, origin),
    dims,
  });

  it('the same grid maps each voxel to the same pixel and slice', () => {
    const match = matchGrid(series, series);
    if (!match.ok) throw new Error(JSON.stringify(match.differences));
    expect(mapIndex(match.map, [3, 4, 5])).toEqual([3, 4, 5]);
  });

  it('rows flipped (dcm2niix): mask voxel (3, 4, 5) is pixel (3, 35) of slice 5', () => {
    // Mask row j runs from y = -15 + 39*0.8 = 16.2 downwards; y(4) = 13.0 = -15 + 35*0.8.
    const mask = grid([0.7, 0, 0], [0, -0.8, 0], [0, 0, 2.5], [-20, 16.2, 30]);
    const match = matchGrid(mask, series);
    if (!match.ok) throw new Error(JSON.stringify(match.differences));
    expect(mapIndex(match.map, [3, 4, 5])).toEqual([3, 35, 5]);
  });

  it('axes permuted (slice, column, row): mask voxel (5, 3, 4) is pixel (3, 4) of slice 5', () => {
    const mask = grid([0, 0, 2.5], [0.7, 0, 0], [0, 0.8, 0], [-20, -15, 30], [12, 48, 40]);
    const match = matchGrid(mask, series);
    if (!match.ok) throw new Error(JSON.stringify(match.differences));
    expect(mapIndex(match.map, [5, 3, 4])).toEqual([3, 4, 5]);
  });

  it('from a NIfTI RAS affine through RAS -> LPS to the series grid, slices reversed', () => {
    // RAS affine of a mask whose slices run from the top: RAS origin (20, 15, 30 + 11*2.5), z step -2.5.
    const ras: Affine = {
      m: [
        [-0.7, 0, 0],
        [0, -0.8, 0],
        [0, 0, -2.5],
      ],
      t: [20, 15, 57.5],
    };
    const match = matchGrid({ affine: rasAffineToLps(ras), dims: [48, 40, 12] }, series);
    if (!match.ok) throw new Error(JSON.stringify(match.differences));
    // Mask slice 0 is z = 57.5, the series' slice 11.
    expect(mapIndex(match.map, [7, 8, 0])).toEqual([7, 8, 11]);
    expect(mapIndex(match.map, [7, 8, 11])).toEqual([7, 8, 0]);
  });

  it('an origin 0.4 voxel off still fits (within half a voxel)', () => {
    const mask = grid([0.7, 0, 0], [0, 0.8, 0], [0, 0, 2.5], [-20 + 0.4 * 0.7, -15, 30]);
    const match = matchGrid(mask, series);
    if (!match.ok) throw new Error(JSON.stringify(match.differences));
    expect(mapIndex(match.map, [0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('refusal reasons: origin 1 voxel or 0.6 voxel off, spacing swapped, shape, orientation', () => {
    const texts = (mask: Grid): string[] => {
      const match = matchGrid(mask, series);
      return match.ok ? [] : match.differences.map((d) => d.text);
    };
    expect(texts(grid([0.7, 0, 0], [0, 0.8, 0], [0, 0, 2.5], [-19.3, -15, 30]))).toEqual([
      'origin differs by 1.00 voxels (0.7 mm) along the series columns',
    ]);
    expect(texts(grid([0.7, 0, 0], [0, 0.8, 0], [0, 0, 2.5], [-20, -15 + 0.6 * 0.8, 30]))).toEqual([
      'origin differs by 0.60 voxels (0.48 mm) along the series rows',
    ]);
    expect(texts(grid([0.8, 0, 0], [0, 0.7, 0], [0, 0, 2.5], [-20, -15, 30]))).toEqual([
      'spacing differs: mask axis 1 steps 0.8 mm, the series columns 0.7 mm',
      'spacing differs: mask axis 2 steps 0.7 mm, the series rows 0.8 mm',
    ]);
    expect(texts(grid([0.7, 0, 0], [0, 0.8, 0], [0, 0, 2.5], [-20, -15, 30], [48, 40, 11]))).toEqual([
      'shape differs: mask axis 3 has 11 voxels, the series has 12 slices',
    ]);
    // Rotated 10 degrees about z: in the series' anisotropic index space the first axis leans
    // atan(0.7 sin10 / (0.8 cos10)) = 8.77 degrees, the second atan(0.8 sin10 / (0.7 cos10)) = 11.39.
    const c = Math.cos((10 * Math.PI) / 180);
    const s = Math.sin((10 * Math.PI) / 180);
    const rotated = texts(grid([0.7 * c, 0.7 * s, 0], [-0.8 * s, 0.8 * c, 0], [0, 0, 2.5], [-20, -15, 30]));
    expect(rotated).toContain('orientation differs by 8.77 degrees (mask axis 1 against the series columns)');
    expect(rotated).toContain('orientation differs by 11.39 degrees (mask axis 2 against the series rows)');
    // At 45 degrees no mask axis runs along a series axis any more.
    const h = Math.SQRT1_2;
    const diagonal = texts(grid([0.7 * h, 0.7 * h, 0], [-0.7 * h, 0.7 * h, 0], [0, 0, 2.5], [-20, -15, 30]));
    expect(diagonal).toHaveLength(1);
    expect(diagonal[0]).toMatch(/^orientation differs by 45\.0 degrees: the mask axes are not parallel/);
  });
});
