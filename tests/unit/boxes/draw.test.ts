import { describe, expect, it } from 'vitest';
import { drawBoxes, labelScale, labelSize } from '../../../src/shared/boxes/draw';
import type { BurnBox } from '../../../src/shared/boxes/model';
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
): BurnBox => ({
  x1,
  y1,
  x2,
  y2,
  color: RED,
  thickness,
  ...(label === undefined ? {} : { label }),
});

describe('drawBoxes', () => {
  it('draws a 4 px outline inward from the box edge, touching nothing else', () => {
    const image = grayImage(14, 14);
    drawBoxes(image, [redBox(1, 1, 12, 12, 4)], { labels: false });
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
    drawBoxes(image, [redBox(6, 1, 1, 3, 2)], { labels: false });
    expect(picture(image)).toEqual(['........', '.RRRRRR.', '.RRRRRR.', '.RRRRRR.', '........']);
  });

  it('clips boxes that cross or lie outside the image edge without throwing', () => {
    const image = grayImage(6, 6);
    drawBoxes(image, [redBox(-3, -3, 2, 2, 1), redBox(4, 4, 50, 50, 1), redBox(100, 100, 120, 120, 3)], {
      labels: false,
    });
    expect(picture(image)).toEqual(['..R...', '..R...', 'RRR...', '......', '....RR', '....R.']);
  });

  it('burns a label above the box only when labels are asked for', () => {
    const without = grayImage(60, 40);
    drawBoxes(without, [redBox(10, 20, 30, 30, 1, 'A1')], { labels: false });
    expect(picture(without).slice(0, 20).join('')).toMatch(/^\.+$/);

    const withLabels = grayImage(60, 40);
    drawBoxes(withLabels, [redBox(10, 20, 30, 30, 1, 'A1')], { labels: true });
    // scale 1: strip 2 * 6 + 1 = 13 wide, 9 high, on rows 11..19 from column 10; black background
    expect(labelSize('A1', 1)).toEqual({ width: 13, height: 9 });
    expect(pixel(withLabels, 10, 11)).toEqual([0, 0, 0]);
    expect(pixel(withLabels, 22, 19)).toEqual([0, 0, 0]);
    expect(pixel(withLabels, 23, 19)).toEqual([GRAY, GRAY, GRAY]);
    expect(pixel(withLabels, 10, 10)).toEqual([GRAY, GRAY, GRAY]);
    // 'A' top row is .RRR. starting one pixel in: columns 12..14 of row 12 are red
    expect([11, 12, 13, 14, 15].map((x) => pixel(withLabels, x, 12)[0])).toEqual([0, 255, 255, 255, 0]);
    const rows = picture(withLabels);
    expect(rows.slice(20).join('')).toBe(picture(without).slice(20).join(''));
  });

  it('puts the label below the box when there is no room above', () => {
    const image = grayImage(40, 40);
    drawBoxes(image, [redBox(5, 2, 20, 10, 1, 'x')], { labels: true });
    expect(pixel(image, 5, 11)).toEqual([0, 0, 0]); // strip starts right under the box
    expect(pixel(image, 5, 1)).toEqual([GRAY, GRAY, GRAY]);
  });

  it('scales glyphs with the image size', () => {
    expect(labelScale({ rows: 256, columns: 256 })).toBe(1);
    expect(labelScale({ rows: 512, columns: 512 })).toBe(2);
    expect(labelScale({ rows: 1024, columns: 768 })).toBe(3);
  });
});
