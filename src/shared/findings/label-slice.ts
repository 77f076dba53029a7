import type { MaskRegion } from '../boxes/model';

/** A labelled frame: `labels[row * columns + column]` is the label value there (0 = background). */
export interface LabelSlice {
  columns: number;
  rows: number;
  labels: Int32Array;
}

/** The pixels of one label on a slice, cropped to their bounding box; undefined when the label is absent. */
export function labelRegion(slice: LabelSlice, value: number): MaskRegion | undefined {
  let x1 = slice.columns;
  let y1 = slice.rows;
  let x2 = -1;
  let y2 = -1;
  const { labels, columns } = slice;
  for (let y = 0; y < slice.rows; y++) {
    const row = y * columns;
    for (let x = 0; x < columns; x++) {
      if (labels[row + x] !== value) continue;
      if (x < x1) x1 = x;
      if (x > x2) x2 = x;
      if (y < y1) y1 = y;
      if (y > y2) y2 = y;
    }
  }
  if (x2 < 0) return undefined;
  const width = x2 - x1 + 1;
  const height = y2 - y1 + 1;
  const bits = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++)
      if (labels[(y + y1) * columns + x + x1] === value) bits[y * width + x] = 1;
  }
  return { x: x1, y: y1, width, height, bits };
}

/** Bounding boxes (inclusive corners) of the 8-connected components of a region, in image pixels. */
export function regionComponents(region: MaskRegion): { x1: number; y1: number; x2: number; y2: number }[] {
  const { width, height, bits } = region;
  const seen = new Uint8Array(width * height);
  const boxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const stack: number[] = [];
  for (let start = 0; start < bits.length; start++) {
    if (bits[start] === 0 || seen[start] === 1) continue;
    seen[start] = 1;
    stack.push(start);
    let x1 = width;
    let y1 = height;
    let x2 = -1;
    let y2 = -1;
    while (stack.length > 0) {
      const p = stack.pop() ?? 0;
      const px = p % width;
      const py = (p - px) / width;
      if (px < x1) x1 = px;
      if (px > x2) x2 = px;
      if (py < y1) y1 = py;
      if (py > y2) y2 = py;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (bits[q] === 0 || seen[q] === 1) continue;
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    boxes.push({ x1: x1 + region.x, y1: y1 + region.y, x2: x2 + region.x, y2: y2 + region.y });
  }
  return boxes;
}
