/**
 * Where each finding's label goes, as a pure function of the image size and the boxes: the viewer and the
 * export both draw from this layout (src/shared/boxes/draw.ts), so the labels sit on the same pixels.
 *
 * Rules: a label never covers another label, any box outline, or the inside of another box, and stays
 * wholly inside the image. Places are tried in order: above the box, below it, to its right, to its left,
 * inside it; only when none is free is the text drawn smaller, then abbreviated. A label that fits nowhere
 * is left out (and listed), never drawn over something else.
 */
import { advance, fontHeight, fontScale, glyph, labelFont } from './label-font';
import { abbreviations, labelText } from './label-text';
import type { OutlinePlacement } from './model';
import {
  corners,
  outlineExtent,
  outlineWidth,
  rect,
  rectangleBands,
  type Corners,
  type Rect,
} from './outline-bands';

export type { Rect } from './outline-bands';

/** What the layout needs of a box: its corners (inclusive pixels), outline width and placement, and text. */
export interface LabelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  outline?: OutlinePlacement;
  label?: string;
  score?: number;
  /** a mask outline (model.ts MaskRegion): its pixels can lie anywhere in x1..y2 */
  region?: unknown;
}

export interface PlacedLabel extends Rect {
  /** index of the box in the input list */
  box: number;
  text: string;
  /** glyph scale: each font pixel is scale x scale image pixels */
  scale: number;
}

export interface LabelLayout {
  placed: PlacedLabel[];
  /** indices of boxes with text whose label fits nowhere without covering something */
  unplaced: number[];
}

/** Integer glyph scale for an image: 1 up to ~450 px, 2 for 512, 3 for 1024, growing with the short side. */
export function labelScale(image: { rows: number; columns: number }): number {
  return Math.max(1, Math.round(Math.min(image.rows, image.columns) / 300));
}

/**
 * Width and height of a label strip: each glyph's advance (label-font.ts), a font pixel of padding
 * on the left and top (and one more column and row on the right and bottom).
 */
export function labelSize(text: string, scale: number): { width: number; height: number } {
  const font = labelFont(text);
  const s = fontScale(font, scale);
  const columns = Array.from(text).reduce((sum, char) => sum + advance(glyph(char, font), font), 0);
  return { width: (columns + 1 + (font === 'ascii' ? 0 : 1)) * s, height: (fontHeight(font) + 2) * s };
}

/** The pixels a box's outline covers (as draw.ts draws them), which no label may cover. */
export function outlineBands(box: LabelBox): Rect[] {
  // A mask's outline follows the region anywhere inside its bounds: the whole bounds are kept clear.
  if (box.region !== undefined) {
    const { x1, y1, x2, y2 } = corners(box);
    return [rect(x1, y1, x2, y2)];
  }
  return rectangleBands(box);
}

/** The box and its outline together: a label beside the box starts beyond this. */
function footprint(box: LabelBox): Corners {
  return box.region !== undefined ? corners(box) : outlineExtent(box);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(r: Rect, image: { rows: number; columns: number }): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= image.columns && r.y + r.height <= image.rows;
}

const clamp = (value: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, value));

/** Candidate places for a strip of `size` beside `box`, best first. */
function candidates(
  box: LabelBox,
  size: { width: number; height: number },
  image: { rows: number; columns: number },
): Rect[] {
  const { x1, y1, x2, y2 } = footprint(box);
  const { width: w, height: h } = size;
  // The inside clear of the box's own outline: an outside outline leaves the whole box.
  const t = box.region === undefined && box.outline !== 'inside' ? 0 : outlineWidth(box);
  const inner = corners(box);
  const xs = [x1, x2 - w + 1].map((x) => clamp(x, 0, image.columns - w));
  const ys = [y1, y2 - h + 1].map((y) => clamp(y, 0, image.rows - h));
  const places: Rect[] = [];
  for (const x of xs) places.push({ x, y: y1 - h, width: w, height: h });
  for (const x of xs) places.push({ x, y: y2 + 1, width: w, height: h });
  for (const y of ys) places.push({ x: x2 + 1, y, width: w, height: h });
  for (const y of ys) places.push({ x: x1 - w, y, width: w, height: h });
  // Inside, clear of the box's own outline: top-left, then bottom-left.
  places.push({ x: inner.x1 + t, y: inner.y1 + t, width: w, height: h });
  places.push({ x: inner.x1 + t, y: inner.y2 - t - h + 1, width: w, height: h });
  return places;
}

/** Boxes in a fixed order (position, then text), so the layout does not depend on the order given. */
function placementOrder(boxes: readonly LabelBox[]): number[] {
  const key = (b: LabelBox): [number, number, number, number, string] => {
    const c = corners(b);
    return [c.y1, c.x1, c.y2, c.x2, labelText(b) ?? ''];
  };
  return boxes
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = key(boxes[a] as LabelBox);
      const kb = key(boxes[b] as LabelBox);
      for (let i = 0; i < 4; i++) {
        const d = (ka[i] as number) - (kb[i] as number);
        if (d !== 0) return d;
      }
      return ka[4] < kb[4] ? -1 : ka[4] > kb[4] ? 1 : a - b;
    });
}

/** The (text, scale) forms to try, in order: full text large to small, then abbreviations. */
function forms(box: LabelBox, text: string, scale: number): { text: string; scale: number }[] {
  const list: { text: string; scale: number }[] = [];
  for (let s = scale; s >= 1; s--) list.push({ text, scale: s });
  for (const short of abbreviations(box))
    for (let s = scale; s >= 1; s--) list.push({ text: short, scale: s });
  return list;
}

export function layoutLabels(
  image: { rows: number; columns: number },
  boxes: readonly LabelBox[],
  scale: number = labelScale(image),
): LabelLayout {
  const outlines = boxes.map(outlineBands);
  const areas = boxes.map((b) => {
    const c = corners(b);
    return rect(c.x1, c.y1, c.x2, c.y2);
  });
  const placed: PlacedLabel[] = [];
  const unplaced: number[] = [];
  for (const index of placementOrder(boxes)) {
    const box = boxes[index] as LabelBox;
    const text = labelText(box);
    if (text === undefined) continue;
    const own = areas[index] as Rect;
    // The inside of another finding stays visible, unless that finding encloses or crosses this one
    // (a lesion inside an organ box): then its inside is where this label may have to go.
    const covered = areas.filter((area, other) => other !== index && !overlaps(area, own));
    const free = (r: Rect): boolean =>
      inside(r, image) &&
      !placed.some((p) => overlaps(p, r)) &&
      !outlines.some((bands) => bands.some((band) => overlaps(band, r))) &&
      !covered.some((area) => overlaps(area, r));
    let found: PlacedLabel | undefined;
    for (const form of forms(box, text, scale)) {
      const size = labelSize(form.text, form.scale);
      const spot = candidates(box, size, image).find(free);
      if (spot) {
        found = { ...spot, box: index, text: form.text, scale: form.scale };
        break;
      }
    }
    if (found) placed.push(found);
    else unplaced.push(index);
  }
  unplaced.sort((a, b) => a - b);
  return { placed, unplaced };
}
