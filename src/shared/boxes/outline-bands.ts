/**
 * Where a box outline's pixels lie, as a pure function of the box: draw.ts fills these bands and
 * label-layout.ts keeps labels off them, so what is drawn and what is kept clear are the same pixels.
 */
import type { OutlinePlacement } from './model';

/** Half-open pixel rectangle: columns x..x+width-1, rows y..y+height-1. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the outline needs of a box: its corners (inclusive pixels), outline width and placement. */
export interface OutlineBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thickness: number;
  outline?: OutlinePlacement;
}

export interface Corners {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function corners(box: Corners): Corners {
  return {
    x1: Math.min(box.x1, box.x2),
    y1: Math.min(box.y1, box.y2),
    x2: Math.max(box.x1, box.x2),
    y2: Math.max(box.y1, box.y2),
  };
}

/** The rectangle of inclusive corners x1..x2, y1..y2. */
export function rect(x1: number, y1: number, x2: number, y2: number): Rect {
  return { x: x1, y: y1, width: x2 - x1 + 1, height: y2 - y1 + 1 };
}

/** The outline width in whole pixels (at least 1). */
export function outlineWidth(box: { thickness: number }): number {
  return Math.max(1, Math.round(box.thickness));
}

/**
 * The four bands of a rectangle's outline, `thickness` pixels wide. Outside (the default): the bands ring
 * the box, their inner edge just outside x1..x2, y1..y2, so every pixel of the box stays visible. Inside:
 * the bands lie within the box, the outer edge exactly the box; a box thinner than two bands is filled.
 * Bands may reach past the image edge: the drawing clips them.
 */
export function rectangleBands(box: OutlineBox): Rect[] {
  const { x1, y1, x2, y2 } = corners(box);
  const t = outlineWidth(box);
  if (box.outline === 'inside')
    return [
      rect(x1, y1, x2, Math.min(y1 + t - 1, y2)),
      rect(x1, Math.max(y2 - t + 1, y1), x2, y2),
      rect(x1, y1, Math.min(x1 + t - 1, x2), y2),
      rect(Math.max(x2 - t + 1, x1), y1, x2, y2),
    ];
  return [
    rect(x1 - t, y1 - t, x2 + t, y1 - 1),
    rect(x1 - t, y2 + 1, x2 + t, y2 + t),
    rect(x1 - t, y1, x1 - 1, y2),
    rect(x2 + 1, y1, x2 + t, y2),
  ];
}

/** The corners of everything the outline and the box cover: the box itself, grown by an outside outline. */
export function outlineExtent(box: OutlineBox): Corners {
  const c = corners(box);
  if (box.outline === 'inside') return c;
  const t = outlineWidth(box);
  return { x1: c.x1 - t, y1: c.y1 - t, x2: c.x2 + t, y2: c.y2 + t };
}
