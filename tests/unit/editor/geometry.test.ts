import { describe, expect, it } from 'vitest';
import {
  copyBoxToSlices,
  createBoxFromDrag,
  dragDelta,
  moveBox,
  resizeBox,
  slicesBetween,
} from '../../../src/shared/editor/box-geometry';
import type { EditableBox, ImageBounds } from '../../../src/shared/editor/editable-box';
import { hitTest } from '../../../src/shared/editor/hit-test';
import { imagePoint } from '../../../src/shared/editor/points';

const bounds: ImageBounds = { columns: 512, rows: 256 };

function box(id: string, x1: number, y1: number, x2: number, y2: number): EditableBox {
  return { id, sliceKey: '1.2.3.1', frame: 1, x1, y1, x2, y2, color: [255, 0, 0], thickness: 4 };
}

describe('hitTest', () => {
  const a = box('a', 100, 100, 199, 149); // edges at x 100 and 200, y 100 and 150
  const b = box('b', 150, 120, 159, 129); // small box drawn on top of a

  it('finds the body of a box for a point inside it', () => {
    expect(hitTest([a], imagePoint(120.5, 110.5), 2)).toEqual({ boxId: 'a', handle: 'body' });
  });

  it('returns undefined away from every box', () => {
    expect(hitTest([a, b], imagePoint(10, 10), 2)).toBeUndefined();
    expect(hitTest([a], imagePoint(203, 125), 2)).toBeUndefined();
  });

  it('names every edge and corner handle within the tolerance', () => {
    const at = (x: number, y: number) => hitTest([a], imagePoint(x, y), 2)?.handle;
    expect(at(150, 99)).toBe('n');
    expect(at(150, 151.5)).toBe('s');
    expect(at(101, 125)).toBe('w');
    expect(at(201.9, 125)).toBe('e');
    expect(at(100, 100)).toBe('nw');
    expect(at(200, 100)).toBe('ne');
    expect(at(99, 151)).toBe('sw');
    expect(at(201, 149)).toBe('se');
  });

  it('the topmost (last) box wins, and a handle wins over a body', () => {
    expect(hitTest([a, b], imagePoint(155, 125), 1)).toEqual({ boxId: 'b', handle: 'body' });
    // (150, 125) is inside a but on b's west edge.
    expect(hitTest([a, b], imagePoint(150.2, 125), 1)).toEqual({ boxId: 'b', handle: 'w' });
  });

  it('on a box thinner than the tolerance picks the nearer edge', () => {
    const thin = box('t', 10, 10, 10, 40); // edges at x 10 and 11
    expect(hitTest([thin], imagePoint(10.2, 25), 3)?.handle).toBe('w');
    expect(hitTest([thin], imagePoint(10.8, 25), 3)?.handle).toBe('e');
  });
});

describe('moveBox', () => {
  it('shifts by whole pixels keeping the size', () => {
    const moved = moveBox(
      box('a', 10, 20, 29, 39),
      dragDelta(imagePoint(50.2, 50.2), imagePoint(55.6, 47.1)),
      bounds,
    );
    expect([moved.x1, moved.y1, moved.x2, moved.y2]).toEqual([15, 17, 34, 36]);
  });

  it('stops at the image border without shrinking', () => {
    const moved = moveBox(box('a', 490, 5, 509, 24), { dx: 40, dy: -30 }, bounds);
    expect([moved.x1, moved.y1, moved.x2, moved.y2]).toEqual([492, 0, 511, 19]);
  });
});

describe('resizeBox', () => {
  const a = box('a', 100, 100, 199, 149);

  it('moves the east edge to the nearest pixel boundary', () => {
    const r = resizeBox(a, 'e', imagePoint(250.4, 0), bounds);
    expect([r.x1, r.y1, r.x2, r.y2]).toEqual([100, 100, 249, 149]);
  });

  it('grabbing an edge without moving changes nothing', () => {
    const r = resizeBox(a, 'se', imagePoint(200.3, 149.8), bounds);
    expect([r.x1, r.y1, r.x2, r.y2]).toEqual([100, 100, 199, 149]);
  });

  it('dragging the north-west corner past the south-east one flips the box and normalises corners', () => {
    const r = resizeBox(a, 'nw', imagePoint(230, 180), bounds);
    expect([r.x1, r.y1, r.x2, r.y2]).toEqual([200, 150, 229, 179]);
  });

  it('clamps to the image and keeps at least one pixel', () => {
    const r = resizeBox(a, 'sw', imagePoint(-40, 900), bounds);
    expect([r.x1, r.y1, r.x2, r.y2]).toEqual([0, 100, 199, 255]);
    const collapsed = resizeBox(a, 'e', imagePoint(100.2, 0), bounds);
    expect([collapsed.x1, collapsed.x2]).toEqual([100, 100]);
  });

  it('keeps id, slice, colour and label', () => {
    const labelled = { ...a, label: 'lesion' };
    const r = resizeBox(labelled, 'n', imagePoint(0, 90), bounds);
    expect(r).toMatchObject({ id: 'a', sliceKey: '1.2.3.1', label: 'lesion', color: [255, 0, 0], y1: 90 });
  });
});

describe('createBoxFromDrag', () => {
  const defaults = { sliceKey: '1.2.3.1', frame: 2, color: [0, 255, 0] as const, thickness: 3 };

  it('covers the pixels under both ends, whatever the drag direction', () => {
    const b = createBoxFromDrag(imagePoint(40.7, 30.2), imagePoint(10.1, 60.9), defaults, bounds);
    expect([b.x1, b.y1, b.x2, b.y2]).toEqual([10, 30, 40, 60]);
    expect(b.frame).toBe(2);
  });

  it('clips a drag that leaves the image', () => {
    const b = createBoxFromDrag(imagePoint(-5, -5), imagePoint(600, 300), defaults, bounds);
    expect([b.x1, b.y1, b.x2, b.y2]).toEqual([0, 0, 511, 255]);
  });
});

describe('copyBoxToSlices', () => {
  it('copies geometry and style to every other slice and skips the source slice', () => {
    const source = { ...box('a', 1, 2, 3, 4), label: 'tumour' };
    const copies = copyBoxToSlices(source, [
      { sliceKey: '1.2.3.1', frame: 1 },
      { sliceKey: '1.2.3.2', frame: 1 },
      { sliceKey: '1.2.3.3', frame: 1 },
    ]);
    expect(copies.map((c) => c.sliceKey)).toEqual(['1.2.3.2', '1.2.3.3']);
    expect(copies[0]).toEqual({
      sliceKey: '1.2.3.2',
      frame: 1,
      x1: 1,
      y1: 2,
      x2: 3,
      y2: 4,
      color: [255, 0, 0],
      thickness: 4,
      label: 'tumour',
    });
  });

  it('slicesBetween clips a range to the series, in either order', () => {
    const series = [0, 1, 2, 3, 4].map((i) => ({ sliceKey: `s${i}`, frame: 1 }));
    expect(slicesBetween(series, 3, 1).map((s) => s.sliceKey)).toEqual(['s1', 's2', 's3']);
    expect(slicesBetween(series, 4, 9).map((s) => s.sliceKey)).toEqual(['s4']);
    expect(slicesBetween(series, 5, 5)).toEqual([]);
  });
});
