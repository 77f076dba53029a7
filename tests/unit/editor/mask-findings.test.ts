/**
 * Mask outlines as editor findings: regions packed for JSON (sessions, IPC) and unpacked to the same bits,
 * moved with their box, dropped when the box is resized, burned with the converter's bounds; labels
 * grouped with counts and slices; slice marks; label visibility.
 */
import { describe, expect, it } from 'vitest';
import {
  packRegion,
  packedArea,
  packedRegionProblem,
  unpackRegion,
} from '../../../src/shared/boxes/packed-region';
import { packedRegionSchema } from '../../../src/shared/boxes/packed-region-schema';
import { moveBox, resizeBox } from '../../../src/shared/editor/box-geometry';
import { toBurnBox, type EditableBox } from '../../../src/shared/editor/editable-box';
import { labelGroups, labelShown, sliceMarks } from '../../../src/shared/editor/label-groups';
import { imagePoint } from '../../../src/shared/editor/points';

// A 4x3 window: row 0 = 0110, row 1 = 1111, row 2 = 0000.
const bits = Uint8Array.from([0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
const region = { x: 10, y: 20, width: 4, height: 3, bits };

describe('packed regions', () => {
  it('packs into runs alternating outside/inside, starting outside', () => {
    expect(packRegion(region)).toEqual({ x: 10, y: 20, width: 4, height: 3, runs: [1, 2, 1, 4, 4] });
    expect(packRegion({ ...region, bits: Uint8Array.from([1, 0, 0, 0]), width: 2, height: 2 }).runs).toEqual([
      0, 1, 3,
    ]);
  });

  it('unpacks to exactly the same bits, and counts the pixels inside', () => {
    const packed = packRegion(region);
    expect([...unpackRegion(packed).bits]).toEqual([...bits]);
    expect(packedArea(packed)).toBe(6);
  });

  it('refuses runs that do not fill the window', () => {
    const bad = { x: 0, y: 0, width: 4, height: 3, runs: [1, 2] };
    expect(packedRegionProblem(bad)).toBe("the region's runs cover 3 pixels, its window 12");
    expect(packedRegionSchema.safeParse(bad).success).toBe(false);
    expect(packedRegionSchema.safeParse(packRegion(region)).success).toBe(true);
  });
});

const outline = (extra: Partial<EditableBox> = {}): EditableBox => ({
  id: 'b1',
  sliceKey: '1.2.3',
  frame: 1,
  x1: 10,
  y1: 20,
  x2: 13,
  y2: 22,
  color: [230, 159, 0],
  thickness: 2,
  label: 'kidney lesion',
  region: packRegion(region),
  ...extra,
});

describe('outline findings in the editor', () => {
  it('moving the box moves its region by the same pixels', () => {
    const moved = moveBox(outline(), { dx: 5, dy: -3 }, { columns: 64, rows: 64 });
    expect([moved.x1, moved.y1, moved.x2, moved.y2]).toEqual([15, 17, 18, 19]);
    expect(moved.region).toMatchObject({ x: 15, y: 17, width: 4, height: 3 });
    expect(moved.region?.runs).toEqual([1, 2, 1, 4, 4]);
  });

  it('resizing turns the outline into the rectangle drawn (no stretched mask)', () => {
    const resized = resizeBox(outline(), 'se', imagePoint(20, 30), { columns: 64, rows: 64 });
    expect(resized.region).toBeUndefined();
    expect([resized.x1, resized.y1, resized.x2, resized.y2]).toEqual([10, 20, 19, 29]);
  });

  it('burns the region, with bounds grown by the thickness as the converter does', () => {
    const burn = toBurnBox(outline());
    expect([burn.x1, burn.y1, burn.x2, burn.y2]).toEqual([8, 18, 15, 24]);
    expect([...(burn.region?.bits ?? [])]).toEqual([...bits]);
  });
});

describe('labels and slice marks', () => {
  const listed = [
    { box: outline({ id: 'a' }), index: 4 },
    { box: outline({ id: 'b' }), index: 5 },
    { box: outline({ id: 'c', region: undefined }), index: 5 },
    { box: outline({ id: 'd', label: undefined, color: [255, 0, 0] }), index: 9 },
  ];

  it('groups by label with counts, outlines, slices and the first colour', () => {
    expect(labelGroups(listed)).toEqual([
      { label: 'kidney lesion', color: [230, 159, 0], count: 3, outlines: 2, slices: [4, 5] },
      { label: '', color: [255, 0, 0], count: 1, outlines: 1, slices: [9] },
    ]);
  });

  it('marks each slice that carries findings once, with how many', () => {
    expect(sliceMarks(listed)).toEqual([
      { index: 4, count: 1, color: [230, 159, 0] },
      { index: 5, count: 2, color: [230, 159, 0] },
      { index: 9, count: 1, color: [255, 0, 0] },
    ]);
  });

  it('a hidden label hides its boxes; boxes without a label hide under ""', () => {
    expect(labelShown({ label: 'kidney lesion' }, ['kidney lesion'])).toBe(false);
    expect(labelShown({ label: 'cyst' }, ['kidney lesion'])).toBe(true);
    expect(labelShown({}, [''])).toBe(false);
    expect(labelShown({ label: 'x' }, undefined)).toBe(true);
  });
});
