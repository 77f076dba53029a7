import type { RgbImage } from '../pipeline/types';
import { advance, fontScale, glyph, labelFont } from './label-font';
import { layoutLabels, type LabelLayout, type Rect } from './label-layout';
import type { BurnBox, Rgb } from './model';
import { rectangleBands } from './outline-bands';
import { drawRegionOutline } from './region-outline';

export { labelScale, labelSize } from './label-layout';

/** Background behind label text, dark so the box colour reads over bone and air alike. */
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

/** A region's outline around it, or a rectangle's four bands (outline-bands.ts: outside unless asked inside). */
function drawOutline(image: RgbImage, box: BurnBox): void {
  if (box.region) {
    drawRegionOutline(image, box.region, box.thickness, box.color);
    return;
  }
  for (const band of rectangleBands(box))
    fillRect(image, band.x, band.y, band.x + band.width - 1, band.y + band.height - 1, box.color);
}

/** A label strip: black background, text in `color`, in the label font (the notice uses it too). */
export function drawLabel(image: RgbImage, label: Rect & { text: string; scale: number }, color: Rgb): void {
  const { x, y, width, height } = label;
  fillRect(image, x, y, x + width - 1, y + height - 1, LABEL_BACKGROUND);
  const font = labelFont(label.text);
  const scale = fontScale(font, label.scale);
  let penX = x + scale;
  const penY = y + scale;
  for (const char of Array.from(label.text)) {
    const g = glyph(char, font);
    for (let row = 0; row < g.height; row++) {
      const bits = g.rows[row] ?? 0;
      for (let col = 0; col < g.width; col++) {
        if ((bits & (1 << (g.width - 1 - col))) === 0) continue;
        const px = penX + col * scale;
        const py = penY + row * scale;
        fillRect(image, px, py, px + scale - 1, py + scale - 1, color);
      }
    }
    penX += advance(g, font) * scale;
  }
}

/**
 * Burns boxes into an RGB image in place: outlines drawn outside each box edge (or inward, with the box's
 * `outline: 'inside'`), clipped to the image
 * (boxes partly or wholly outside never throw). With `labels`, each box's label and score are written
 * beside it in the box colour on a black strip, where layoutLabels (label-layout.ts) puts them: never over
 * another label, an outline or another finding, always inside the image. Without labels, pixels outside
 * the outlines are left exactly as they were. Returns the layout (empty without labels).
 */
export function drawBoxes(
  image: RgbImage,
  boxes: readonly BurnBox[],
  options: { labels: boolean },
): LabelLayout {
  for (const box of boxes) drawOutline(image, box);
  if (!options.labels) return { placed: [], unplaced: [] };
  const layout = layoutLabels(image, boxes);
  for (const label of layout.placed) drawLabel(image, label, (boxes[label.box] as BurnBox).color);
  return layout;
}
