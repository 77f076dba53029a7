import type { MaskRegion } from '../../shared/boxes/model';
import type { Polyline } from './types';

type Point = readonly [number, number];

const key = (x: number, y: number): number => y * 65536 + x;

/**
 * The closed outlines of a mask region along its pixel edges, in PIXEL units (PS3.3 C.10.5.1.2: the
 * top-left corner of the top-left pixel is 0,0, so pixel (c, r) spans c..c+1 and r..r+1). Each
 * outline (an outer edge or a hole) is one closed polyline, its first point repeated at the end, with
 * only its corners kept. Edges run with the region on their right, so where two parts touch at a
 * corner the walk turns right and keeps them apart.
 */
export function maskOutlines(region: MaskRegion): Polyline[] {
  const inside = (col: number, row: number): boolean =>
    col >= 0 &&
    row >= 0 &&
    col < region.width &&
    row < region.height &&
    region.bits[row * region.width + col] === 1;
  // Directed boundary edges, keyed by their start point; several may start at a corner point.
  const edges = new Map<number, Point[]>();
  const add = (from: Point, to: Point): void => {
    const k = key(from[0], from[1]);
    const list = edges.get(k);
    if (list) list.push(to);
    else edges.set(k, [to]);
  };
  for (let row = 0; row < region.height; row++) {
    for (let col = 0; col < region.width; col++) {
      if (!inside(col, row)) continue;
      const x = region.x + col;
      const y = region.y + row;
      if (!inside(col, row - 1)) add([x, y], [x + 1, y]);
      if (!inside(col + 1, row)) add([x + 1, y], [x + 1, y + 1]);
      if (!inside(col, row + 1)) add([x + 1, y + 1], [x, y + 1]);
      if (!inside(col - 1, row)) add([x, y + 1], [x, y]);
    }
  }
  const outlines: Polyline[] = [];
  for (const [startKey, targets] of [...edges.entries()].sort((a, b) => a[0] - b[0])) {
    while (targets.length > 0) {
      const start: Point = [startKey % 65536, Math.floor(startKey / 65536)];
      const points: Point[] = [start];
      let previous = start;
      let current = targets.shift() as Point;
      while (current[0] !== start[0] || current[1] !== start[1]) {
        points.push(current);
        const next = edges.get(key(current[0], current[1])) ?? [];
        const chosen = rightmostTurn(previous, current, next);
        const [to] = next.splice(chosen, 1);
        if (to === undefined) break; // cannot happen: every corner has as many edges out as in
        previous = current;
        current = to;
      }
      points.push(start);
      outlines.push(cornersOnly(points));
    }
  }
  return outlines;
}

/** Index of the edge that turns most to the right of the direction previous -> current. */
function rightmostTurn(previous: Point, current: Point, options: readonly Point[]): number {
  if (options.length <= 1) return 0;
  const dx = current[0] - previous[0];
  const dy = current[1] - previous[1];
  let best = 0;
  let bestScore = -Infinity;
  options.forEach((to, index) => {
    const ex = to[0] - current[0];
    const ey = to[1] - current[1];
    // y grows downwards: a right turn has a positive cross product; straight on scores 0, left -1.
    const cross = dx * ey - dy * ex;
    if (cross > bestScore) {
      bestScore = cross;
      best = index;
    }
  });
  return best;
}

/** Drops points in the middle of straight runs; the closing point stays. */
function cornersOnly(points: readonly Point[]): Polyline {
  const kept: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const point = points[i] as Point;
    const before = kept[kept.length - 1];
    const after = points[i + 1];
    if (before && after && i < points.length - 1) {
      const straight =
        (before[0] === point[0] && point[0] === after[0]) ||
        (before[1] === point[1] && point[1] === after[1]);
      if (straight) continue;
    }
    kept.push(point);
  }
  return kept;
}
