import { describe, expect, it } from 'vitest';
import { boxClip, boxClipText } from '../../../src/shared/boxes/clip';

const image = { columns: 512, rows: 256 };

describe('boxClip', () => {
  it('is undefined for a box touching the last column and row (corners are inclusive)', () => {
    expect(boxClip({ x1: 0, y1: 0, x2: 511, y2: 255 }, image)).toBeUndefined();
  });

  it('names every edge a box reaches past, whatever the corner order', () => {
    expect(boxClip({ x1: 500, y1: 10, x2: 512, y2: 20 }, image)).toEqual({
      edges: ['right'],
      outside: false,
    });
    expect(boxClip({ x1: 10, y1: 300, x2: -4, y2: 250 }, image)).toEqual({
      edges: ['left', 'bottom'],
      outside: false,
    });
    expect(boxClip({ x1: -1, y1: -1, x2: 600, y2: 300 }, image)?.edges).toEqual([
      'left',
      'top',
      'right',
      'bottom',
    ]);
  });

  it('tells a box wholly outside the image from one that is only clipped', () => {
    expect(boxClip({ x1: 512, y1: 0, x2: 530, y2: 10 }, image)).toEqual({ edges: ['right'], outside: true });
    expect(boxClip({ x1: -20, y1: -20, x2: -1, y2: 5 }, image)).toEqual({
      edges: ['left', 'top'],
      outside: true,
    });
  });
});

describe('boxClipText', () => {
  it('says which edges and the image size, or that nothing is drawn', () => {
    expect(boxClipText({ edges: ['right'], outside: false }, image)).toBe(
      'extends past the right edge of the 512 x 256 image, so it is clipped',
    );
    expect(boxClipText({ edges: ['left', 'top', 'bottom'], outside: false }, image)).toBe(
      'extends past the left, top and bottom edges of the 512 x 256 image, so it is clipped',
    );
    expect(boxClipText({ edges: ['right'], outside: true }, image)).toBe(
      'lies entirely outside the 512 x 256 image, so nothing of it is drawn',
    );
  });
});
