import type { RgbImage } from '../pipeline/types';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './bitmap-font';
import type { BurnBox, Rgb } from './model';

/** Background behind label text, dark so the box colour reads on any gray. */
const LABEL_BACKGROUND: Rgb = [0, 0, 0];

/** Fills x1..x2, y1..y2 (inclusive) clipped to the image; nothing outside the image is touched. */
function fillRect(image: RgbImage, x1: number, y1: number, x2: number, y2: number, color: Rgb): void {
  const left = Math.max(x1, 0);
  const right = Math.min(x2, image.columns - 1);
  const top = Math.max(y1, 0);
  const bottom = Math.min(y2, image.rows - 1);
  if (left > right || top > bottom) return;
  const [r, g, b] = color;
  const data = image.data;
  for (let y = top; y <= bottom; y++) {
    let o = (y * image.columns + left) * 3;
    for (let x = left; x <= right; x++, o += 3) {
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
    }
  }
}

/**
 * The outline as four bands `thickness` pixels wide lying inside x1..x2, y1..y2, so the outer edge is exactly
 * the box; when the box is thinner than two bands they overlap and the box is filled.
 */
function drawOutline(image: RgbImage, box: BurnBox): void {
  const t = Math.max(1, Math.round(box.thickness));
  const x1 = Math.min(box.x1, box.x2);
  const x2 = Math.max(box.x1, box.x2);
  const y1 = Math.min(box.y1, box.y2);
  const y2 = Math.max(box.y1, box.y2);
  fillRect(image, x1, y1, x2, Math.min(y1 + t - 1, y2), box.color);
  fillRect(image, x1, Math.max(y2 - t + 1, y1), x2, y2, box.color);
  fillRect(image, x1, y1, Math.min(x1 + t - 1, x2), y2, box.color);
  fillRect(image, Math.max(x2 - t + 1, x1), y1, x2, y2, box.color);
}

/** Integer glyph scale for an image: 1 up to ~450 px, 2 for 512, 3 for 1024, growing with the short side. */
export function labelScale(image: { rows: number; columns: number }): number {
  return Math.max(1, Math.round(Math.min(image.rows, image.columns) / 300));
}

/** Width and height of a label strip: one glyph cell (glyph + 1 column gap) per character, plus padding. */
export function labelSize(text: string, scale: number): { width: number; height: number } {
  const chars = Array.from(text).length;
  return { width: (chars * (GLYPH_WIDTH + 1) + 1) * scale, height: (GLYPH_HEIGHT + 2) * scale };
}

/** Where the strip goes: above the box if it fits, else below it, else just inside its top edge. */
function labelOrigin(
  image: RgbImage,
  box: BurnBox,
  size: { width: number; height: number },
): { x: number; y: number } {
  const top = Math.min(box.y1, box.y2);
  const bottom = Math.max(box.y1, box.y2);
  let y: number;
  if (top - size.height >= 0) y = top - size.height;
  else if (bottom + size.height < image.rows) y = bottom + 1;
  else y = Math.max(top, 0);
  const left = Math.min(box.x1, box.x2);
  const x = Math.max(0, Math.min(left, image.columns - size.width));
  return { x, y };
}

function drawLabel(image: RgbImage, box: BurnBox, text: string, scale: number): void {
  const size = labelSize(text, scale);
  const origin = labelOrigin(image, box, size);
  fillRect(
    image,
    origin.x,
    origin.y,
    origin.x + size.width - 1,
    origin.y + size.height - 1,
    LABEL_BACKGROUND,
  );
  let penX = origin.x + scale;
  const penY = origin.y + scale;
  for (const char of Array.from(text)) {
    const rows = glyphRows(char);
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      const bits = rows[row] ?? 0;
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if ((bits & (1 << (GLYPH_WIDTH - 1 - col))) === 0) continue;
        const x = penX + col * scale;
        const y = penY + row * scale;
        fillRect(image, x, y, x + scale - 1, y + scale - 1, box.color);
      }
    }
    penX += (GLYPH_WIDTH + 1) * scale;
  }
}

/**
 * Burns boxes into an RGB image in place: outlines drawn inward from each box edge, clipped to the image
 * (boxes partly or wholly outside never throw). With `labels`, each non-empty label is written beside its box
 * in the box colour on a dark strip. Without labels, pixels outside the outlines are left exactly as they were.
 */
export function drawBoxes(image: RgbImage, boxes: readonly BurnBox[], options: { labels: boolean }): void {
  for (const box of boxes) drawOutline(image, box);
  if (!options.labels) return;
  const scale = labelScale(image);
  for (const box of boxes) {
    const text = box.label?.trim();
    if (text) drawLabel(image, box, text, scale);
  }
}
