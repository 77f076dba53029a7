import { describe, expect, it } from 'vitest';
import { drawBoxes, labelScale, labelSize } from '../../../src/shared/boxes/draw';
import type { BurnBox, OutlinePlacement } from '../../../src/shared/boxes/model';
import type { RgbImage } from '../../../src/shared/pipeline/types';

const GRAY = 100;
const RED = [255, 0, 0] as const;

function grayImage(columns: number, rows: number): RgbImage {
  return { columns, rows, data: new Uint8Array(columns * rows * 3).fill(GRAY) };
}

function pixel(image: RgbImage, x: number, y: number): number[] {
  const o = (y * image.columns + x) * 3;
  return Array.from(image.data.subarray(o, o + 3));
}

/** 'R' for a red pixel, '.' for untouched gray, '?' otherwise. */
function picture(image: RgbImage): string[] {
  const lines: string[] = [];
  for (let y = 0; y < image.rows; y++) {
    let line = '';
    for (let x = 0; x < image.columns; x++) {
      const [r, g, b] = pixel(image, x, y);
      line += r === 255 && g === 0 && b === 0 ? 'R' : r === GRAY && g === GRAY && b === GRAY ? '.' : '?';
    }
    lines.push(line);
  }
  return lines;
}

const redBox = (
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  thickness: number,
  label?: string,
  outline?: OutlinePlacement,
): BurnBox => ({
  x1,
  y1,
  x2,
  y2,
  color: RED,
  thickness,
  ...(label === undefined ? {} : { label }),
  ...(outline === undefined ? {} : { outline }),
});

describe('drawBoxes', () => {
  it('draws a 2 px outline outside the box by default: every pixel of x1..x2, y1..y2 stays untouched', () => {
    const image = grayImage(10, 9);
    drawBoxes(image, [redBox(3, 3, 6, 5, 2)], { labels: false });
    expect(picture(image)).toEqual([
      '..........',
      '.RRRRRRRR.',
      '.RRRRRRRR.',
      '.RR....RR.',
      '.RR....RR.',
      '.RR....RR.',
      '.RRRRRRRR.',
      '.RRRRRRRR.',
      '..........',
    ]);
  });

  it('clips an outside outline at the image edge', () => {
    const image = grayImage(6, 5);
    drawBoxes(image, [redBox(0, 1, 3, 2, 1), redBox(5, 4, 5, 4, 1)], { labels: false });
    expect(picture(image)).toEqual(['RRRRR.', '....R.', '....R.', 'RRRRRR', '....R.']);
  });

  it('draws a 4 px outline inward from the box edge with outline inside, touching nothing else', () => {
    const image = grayImage(14, 14);
    drawBoxes(image, [redBox(1, 1, 12, 12, 4, undefined, 'inside')], { labels: false });
    expect(picture(image)).toEqual([
      '..............',
      '.RRRRRRRRRRRR.',
      '.RRRRRRRRRRRR.',
      '.RRRRRRRRRRRR.',
      '.RRRRRRRRRRRR.',
      '.RRRR....RRRR.',
      '.RRRR....RRRR.',
      '.RRRR....RRRR.',
      '.RRRR....RRRR.',
      '.RRRRRRRRRRRR.',
      '.RRRRRRRRRRRR.',
      '.RRRRRRRRRRRR.',
      '.RRRRRRRRRRRR.',
      '..............',
    ]);
  });

  it('fills a box thinner than twice the thickness', () => {
    const image = grayImage(8, 5);
    drawBoxes(image, [redBox(6, 1, 1, 3, 2, undefined, 'inside')], { labels: false });
    expect(picture(image)).toEqual(['........', '.RRRRRR.', '.RRRRRR.', '.RRRRRR.', '........']);
  });

  it('clips boxes that cross or lie outside the image edge without throwing', () => {
    const image = grayImage(6, 6);
    const inside = (x1: number, y1: number, x2: number, y2: number, t: number): BurnBox =>
      redBox(x1, y1, x2, y2, t, undefined, 'inside');
    drawBoxes(image, [inside(-3, -3, 2, 2, 1), inside(4, 4, 50, 50, 1), inside(100, 100, 120, 120, 3)], {
      labels: false,
    });
    expect(picture(image)).toEqual(['..R...', '..R...', 'RRR...', '......', '....RR', '....R.']);
  });

  it('burns a label above the box only when labels are asked for', () => {
    const without = grayImage(60, 40);
    drawBoxes(without, [redBox(10, 20, 30, 30, 1, 'A1')], { labels: false });
    expect(picture(without).slice(0, 19).join('')).toMatch(/^\.+$/);

    const withLabels = grayImage(60, 40);
    drawBoxes(withLabels, [redBox(10, 20, 30, 30, 1, 'A1')], { labels: true });
    // scale 1: strip 2 * 6 + 1 = 13 wide, 9 high, just above the outside outline (row 19, columns 9..31):
    // rows 10..18 from column 9; black background
    expect(labelSize('A1', 1)).toEqual({ width: 13, height: 9 });
    expect(pixel(withLabels, 9, 10)).toEqual([0, 0, 0]);
    expect(pixel(withLabels, 21, 18)).toEqual([0, 0, 0]);
    expect(pixel(withLabels, 22, 18)).toEqual([GRAY, GRAY, GRAY]);
    expect(pixel(withLabels, 9, 9)).toEqual([GRAY, GRAY, GRAY]);
    // 'A' top row is .RRR. starting one pixel in: columns 11..13 of row 11 are red
    expect([10, 11, 12, 13, 14].map((x) => pixel(withLabels, x, 11)[0])).toEqual([0, 255, 255, 255, 0]);
    const rows = picture(withLabels);
    expect(rows.slice(19).join('')).toBe(picture(without).slice(19).join(''));
  });

  it('puts the label below the box when there is no room above', () => {
    const image = grayImage(40, 40);
    drawBoxes(image, [redBox(5, 2, 20, 10, 1, 'x')], { labels: true });
    expect(pixel(image, 4, 11)).toEqual([255, 0, 0]); // the outline's bottom band, outside the box
    expect(pixel(image, 4, 12)).toEqual([0, 0, 0]); // strip starts right under the outline
    expect(pixel(image, 5, 0)).toEqual([GRAY, GRAY, GRAY]);
  });

  it('puts the label right against an inside outline, at the box edge', () => {
    const image = grayImage(40, 40);
    drawBoxes(image, [redBox(5, 2, 20, 10, 1, 'x', 'inside')], { labels: true });
    expect(pixel(image, 5, 11)).toEqual([0, 0, 0]);
    expect(pixel(image, 5, 10)).toEqual([255, 0, 0]);
  });

  it('scales glyphs with the image size', () => {
    expect(labelScale({ rows: 256, columns: 256 })).toBe(1);
    expect(labelScale({ rows: 512, columns: 512 })).toBe(2);
    expect(labelScale({ rows: 1024, columns: 768 })).toBe(3);
  });
});
