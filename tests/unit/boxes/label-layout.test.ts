import { describe, expect, it } from 'vitest';
import { drawBoxes } from '../../../src/shared/boxes/draw';
import {
  labelSize,
  layoutLabels,
  outlineBands,
  overlaps,
  type LabelBox,
  type Rect,
} from '../../../src/shared/boxes/label-layout';
import { abbreviations, labelText } from '../../../src/shared/boxes/label-text';
import type { BurnBox } from '../../../src/shared/boxes/model';
import type { RgbImage } from '../../../src/shared/pipeline/types';

const GRAY = 100;
const box = (x1: number, y1: number, x2: number, y2: number, label?: string, score?: number): BurnBox => ({
  x1,
  y1,
  x2,
  y2,
  color: [255, 0, 0],
  thickness: 2,
  ...(label === undefined ? {} : { label }),
  ...(score === undefined ? {} : { score }),
});

function grayImage(columns: number, rows: number): RgbImage {
  return { columns, rows, data: new Uint8Array(columns * rows * 3).fill(GRAY) };
}

/** Every rule of the layout, checked on its output: inside the image, no label over a label, an outline or another finding. */
function expectLegible(image: { rows: number; columns: number }, boxes: readonly LabelBox[]): void {
  const { placed } = layoutLabels(image, boxes);
  for (const [i, label] of placed.entries()) {
    expect(label.x, label.text).toBeGreaterThanOrEqual(0);
    expect(label.y, label.text).toBeGreaterThanOrEqual(0);
    expect(label.x + label.width, label.text).toBeLessThanOrEqual(image.columns);
    expect(label.y + label.height, label.text).toBeLessThanOrEqual(image.rows);
    for (const other of placed.slice(i + 1))
      expect(overlaps(label, other), `${label.text} / ${other.text}`).toBe(false);
    for (const b of boxes)
      for (const band of outlineBands(b)) expect(overlaps(label, band), label.text).toBe(false);
  }
}

/** The pixels each label's strip covers, read back from a drawn image: black strip + red glyphs, nothing else. */
function paintedOutside(before: RgbImage, after: RgbImage, allowed: readonly Rect[]): number {
  let count = 0;
  for (let y = 0; y < after.rows; y++) {
    for (let x = 0; x < after.columns; x++) {
      const o = (y * after.columns + x) * 3;
      const same = [0, 1, 2].every((c) => after.data[o + c] === before.data[o + c]);
      if (same) continue;
      const point = { x, y, width: 1, height: 1 };
      if (!allowed.some((r) => overlaps(r, point))) count++;
    }
  }
  return count;
}

describe('label text', () => {
  it('is the label and the score with two decimals, or either alone', () => {
    expect(labelText({ label: 'kidney lesion', score: 0.934 })).toBe('kidney lesion 0.93');
    expect(labelText({ label: ' lesion ' })).toBe('lesion');
    expect(labelText({ score: 0.5 })).toBe('0.50');
    expect(labelText({ label: '  ' })).toBeUndefined();
  });

  it('abbreviates by cutting the name and keeping the score, then the score alone', () => {
    expect(abbreviations({ label: 'cyst', score: 0.9 })).toEqual([
      'cys. 0.90',
      'cy. 0.90',
      'c. 0.90',
      '0.90',
    ]);
    expect(abbreviations({ label: 'ab' })).toEqual(['a.']);
  });
});

describe('layoutLabels', () => {
  it('keeps the labels of two neighbouring boxes apart ("left kidney l|right kidney" no more)', () => {
    const image = { columns: 512, rows: 512 };
    const boxes = [
      box(150, 200, 200, 260, 'left kidney', 0.91),
      box(205, 200, 255, 260, 'right kidney', 0.88),
    ];
    const { placed, unplaced } = layoutLabels(image, boxes);
    expect(unplaced).toEqual([]);
    expect(placed.map((p) => p.text).sort()).toEqual(['left kidney 0.91', 'right kidney 0.88']);
    expect(placed.every((p) => p.scale === 2)).toBe(true);
    expectLegible(image, boxes);
  });

  it('burns the two labels so that neither strip touches the other one, in the pixels too', () => {
    const image = grayImage(512, 512);
    const boxes = [
      box(150, 200, 200, 260, 'left kidney', 0.91),
      box(205, 200, 255, 260, 'right kidney', 0.88),
    ];
    const outlinesOnly = grayImage(512, 512);
    drawBoxes(outlinesOnly, boxes, { labels: false });
    const layout = drawBoxes(image, boxes, { labels: true });
    expect(layout.placed).toHaveLength(2);
    // Labels changed pixels only inside their own strips, and left every outline pixel as it was.
    expect(paintedOutside(outlinesOnly, image, layout.placed)).toBe(0);
    for (const b of boxes) {
      for (const band of outlineBands(b)) {
        for (let y = band.y; y < band.y + band.height; y++) {
          for (let x = band.x; x < band.x + band.width; x++) {
            const o = (y * 512 + x) * 3;
            expect([image.data[o], image.data[o + 1], image.data[o + 2]]).toEqual([255, 0, 0]);
          }
        }
      }
    }
    const [a, b] = layout.placed;
    if (!a || !b) throw new Error('two labels expected');
    expect(overlaps(a, b)).toBe(false);
  });

  it('tries above, then below, then beside, then inside the box, beyond its outside outline', () => {
    const image = { columns: 200, rows: 100 };
    const size = labelSize('x', 1);
    // Room above: the strip ends on the row before the outline (thickness 2), from the outline's left edge.
    expect(layoutLabels(image, [box(50, 40, 90, 60, 'x')], 1).placed[0]).toMatchObject({
      x: 48,
      y: 38 - size.height,
    });
    // Top edge of the image: below the outline.
    expect(layoutLabels(image, [box(50, 0, 90, 60, 'x')], 1).placed[0]).toMatchObject({ x: 48, y: 63 });
    // Full height: to the right of the outline.
    expect(layoutLabels(image, [box(50, 0, 90, 99, 'x')], 1).placed[0]).toMatchObject({ x: 93, y: 0 });
    // Full width and height: the outline lies outside the image, the whole box is free inside.
    expect(layoutLabels(image, [box(0, 0, 199, 99, 'x')], 1).placed[0]).toMatchObject({ x: 0, y: 0 });
  });

  it('with the outline inside, tries the same places against the box edge and inside clear of the outline', () => {
    const image = { columns: 200, rows: 100 };
    const size = labelSize('x', 1);
    const inside = (x1: number, y1: number, x2: number, y2: number): LabelBox => ({
      ...box(x1, y1, x2, y2, 'x'),
      outline: 'inside',
    });
    expect(layoutLabels(image, [inside(50, 40, 90, 60)], 1).placed[0]).toMatchObject({
      x: 50,
      y: 40 - size.height,
    });
    expect(layoutLabels(image, [inside(50, 0, 90, 60)], 1).placed[0]).toMatchObject({ x: 50, y: 61 });
    expect(layoutLabels(image, [inside(50, 0, 90, 99)], 1).placed[0]).toMatchObject({ x: 91, y: 0 });
    expect(layoutLabels(image, [inside(0, 0, 199, 99)], 1).placed[0]).toMatchObject({ x: 2, y: 2 });
  });

  it('stays inside the image next to every edge and corner', () => {
    const image = { columns: 256, rows: 256 };
    const boxes = [
      box(0, 0, 20, 20, 'top left corner finding'),
      box(235, 0, 255, 20, 'top right corner finding'),
      box(0, 235, 20, 255, 'bottom left'),
      box(235, 235, 255, 255, 'bottom right', 0.5),
      box(120, -30, 140, 10, 'past the top edge'),
    ];
    const { unplaced } = layoutLabels(image, boxes);
    expect(unplaced).toEqual([]);
    expectLegible(image, boxes);
  });

  it('never covers another finding, and does not depend on the order of the boxes', () => {
    const image = { columns: 512, rows: 512 };
    const boxes = [
      box(100, 100, 140, 130, 'lesion A', 0.9),
      box(100, 70, 140, 95, 'lesion B', 0.8),
      box(100, 135, 140, 170, 'lesion C', 0.7),
      box(145, 100, 180, 130, 'lesion D', 0.6),
    ];
    const forward = layoutLabels(image, boxes);
    const backward = layoutLabels(image, [...boxes].reverse());
    const byText = (l: typeof forward) =>
      l.placed.map(({ box: _i, ...rest }) => rest).sort((a, b) => a.text.localeCompare(b.text));
    expect(byText(backward)).toEqual(byText(forward));
    for (const label of forward.placed) {
      for (const [i, b] of boxes.entries()) {
        if (i === label.box) continue;
        expect(overlaps(label, { x: b.x1, y: b.y1, width: b.x2 - b.x1 + 1, height: b.y2 - b.y1 + 1 })).toBe(
          false,
        );
      }
    }
    expectLegible(image, boxes);
  });

  it('labels a lesion inside an organ box, inside the organ', () => {
    const image = { columns: 300, rows: 300 };
    const boxes = [box(0, 0, 299, 299, 'kidney'), box(120, 120, 160, 160, 'tumour', 0.95)];
    const { placed, unplaced } = layoutLabels(image, boxes);
    expect(unplaced).toEqual([]);
    expect(placed.map((p) => p.text).sort()).toEqual(['kidney', 'tumour 0.95']);
    expectLegible(image, boxes);
  });

  it('shrinks, then abbreviates, only when the full text fits nowhere', () => {
    // 60 px wide image: "lesion 0.93" is 67 px at scale 1, so it cannot fit whole at any size.
    const image = { columns: 60, rows: 60 };
    const { placed } = layoutLabels(image, [box(10, 20, 40, 40, 'lesion', 0.93)], 2);
    expect(placed[0]?.text).toBe('les. 0.93'); // 9 cells: 55 px
    expect(placed[0]?.scale).toBe(1);
    // 120 px: the full text fits at scale 1 but not at 2.
    const wider = layoutLabels({ columns: 120, rows: 60 }, [box(10, 20, 40, 40, 'lesion', 0.93)], 2);
    expect(wider.placed[0]).toMatchObject({ text: 'lesion 0.93', scale: 1 });
  });

  it('leaves a label out, and lists it, when it fits nowhere without covering something', () => {
    const image = { columns: 30, rows: 30 };
    const { placed, unplaced } = layoutLabels(image, [box(0, 0, 29, 29, 'x'), box(2, 2, 27, 27, 'y')], 1);
    expect(placed.length + unplaced.length).toBe(2);
    expect(unplaced.length).toBeGreaterThan(0);
    expectLegible(image, [box(0, 0, 29, 29, 'x'), box(2, 2, 27, 27, 'y')]);
  });

  it('holds every rule for many random crowded slices', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 100; round++) {
      const image = { columns: 512, rows: 512 };
      const boxes: LabelBox[] = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => {
        const x = Math.floor(random() * 480);
        const y = Math.floor(random() * 480);
        return {
          ...box(
            x,
            y,
            x + 8 + Math.floor(random() * 80),
            y + 8 + Math.floor(random() * 80),
            `finding ${i}`,
            random(),
          ),
          thickness: 1 + Math.floor(random() * 4),
          outline: random() < 0.5 ? 'inside' : 'outside',
        };
      });
      expectLegible(image, boxes);
    }
  });
});

describe('layoutLabels with mask outlines', () => {
  it('never puts a label inside the bounds of a mask outline, whose pixels can lie anywhere there', () => {
    const image = { columns: 100, rows: 60 };
    const region = { x: 0, y: 0, width: 1, height: 1, bits: new Uint8Array([1]) };
    const { placed } = layoutLabels(image, [{ ...box(0, 0, 99, 59, 'x'), region }], 1);
    expect(placed).toEqual([]);
  });
});
