import { describe, expect, it } from 'vitest';
import type { MaskRegion } from '../../../src/shared/boxes/model';
import { maskOutlines } from '../../../src/main/twin/mask-outline';
import { regionFromOutlines } from '../../../src/shared/findings/annotations/outline-region';

function region(x: number, y: number, rows: string[]): MaskRegion {
  const width = rows[0]?.length ?? 0;
  const bits = Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0));
  return { x, y, width, height: rows.length, bits };
}

describe('maskOutlines', () => {
  it('outlines a square along its outer pixel edges, closed, corners only', () => {
    expect(maskOutlines(region(10, 20, ['##', '##']))).toEqual([
      [
        [10, 20],
        [12, 20],
        [12, 22],
        [10, 22],
        [10, 20],
      ],
    ]);
  });

  it('gives a ring its outer edge and its hole as two closed outlines', () => {
    const outlines = maskOutlines(region(0, 0, ['###', '#.#', '###']));
    expect(outlines).toHaveLength(2);
    for (const outline of outlines) expect(outline[0]).toEqual(outline[outline.length - 1]);
    const sizes = outlines.map((o) => o.length).sort();
    expect(sizes).toEqual([5, 5]);
    expect(outlines.flat()).toContainEqual([1, 1]);
    expect(outlines.flat()).toContainEqual([3, 3]);
  });

  it('keeps two parts touching at a corner apart', () => {
    const outlines = maskOutlines(region(0, 0, ['#.', '.#']));
    expect(outlines).toHaveLength(2);
    expect(outlines.map((o) => o.length)).toEqual([5, 5]);
  });

  it('follows an L shape with its six corners', () => {
    const [outline] = maskOutlines(region(0, 0, ['#.', '##']));
    expect(outline).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 1],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
  });
});

describe('regionFromOutlines (reading our mask outlines back)', () => {
  const shapes: Record<string, MaskRegion> = {
    square: region(10, 20, ['##', '##']),
    ring: region(3, 4, ['###', '#.#', '###']),
    'two parts touching at a corner': region(0, 0, ['#.', '.#']),
    'an L with a notch': region(5, 5, ['#..#', '####', '.##.']),
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`gives back the region outlined: ${name}`, () => {
      const outlines = maskOutlines(shape).map((outline) => outline.flat());
      expect(regionFromOutlines(outlines)).toEqual(shape);
    });
  }

  it('refuses outlines off the pixel edges', () => {
    expect(regionFromOutlines([[0.5, 0, 2, 0, 2, 2, 0.5, 2, 0.5, 0]])).toBeUndefined();
  });
});
