import type { MaskRegion } from '../../boxes/model';

/**
 * How DICOM Ink marks, in a presentation state's Graphic Group Description (0070,0208), a group whose
 * closed POLYLINEs are the outlines of one mask region along pixel edges (written by src/main/twin).
 */
export const MASK_REGION_GROUP =
  'mask region: closed outlines along pixel edges, the region inside (even-odd)';

/** Coordinates within this of a whole number count as on a pixel edge (float32 values). */
const EDGE_TOLERANCE = 1e-3;

function whole(value: number): number | undefined {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) <= EDGE_TOLERANCE ? rounded : undefined;
}

/** The vertical edges of closed outlines (x, from row, to row); undefined when an outline is not on pixel edges. */
function verticalEdges(outlines: readonly (readonly number[])[]): [number, number, number][] | undefined {
  const edges: [number, number, number][] = [];
  for (const outline of outlines) {
    const points = outline.map(whole);
    if (points.some((p) => p === undefined) || points.length < 10) return undefined;
    for (let i = 0; i + 3 < points.length; i += 2) {
      const [x0, y0, x1, y1] = points.slice(i, i + 4) as number[];
      if (x0 !== x1 && y0 !== y1) return undefined;
      if (x0 === x1 && y0 !== y1)
        edges.push([
          x0 as number,
          Math.min(y0 as number, y1 as number),
          Math.max(y0 as number, y1 as number),
        ]);
    }
  }
  return edges;
}

/**
 * The pixels inside closed outlines that run along pixel edges (PS3.3 C.10.5.1.2: pixel (c, r) spans c..c+1,
 * r..r+1), by the even-odd rule at pixel centres, so holes stay out: the region mask-outline.ts outlined,
 * cropped to its bounds. Undefined when an outline leaves the pixel edges or encloses nothing.
 */
export function regionFromOutlines(outlines: readonly (readonly number[])[]): MaskRegion | undefined {
  const edges = verticalEdges(outlines);
  if (!edges || edges.length === 0) return undefined;
  const x = Math.min(...edges.map((e) => e[0]));
  const y = Math.min(...edges.map((e) => e[1]));
  const width = Math.max(...edges.map((e) => e[0])) - x;
  const height = Math.max(...edges.map((e) => e[2])) - y;
  if (width <= 0 || height <= 0) return undefined;
  const bits = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const centre = y + row + 0.5;
    const crossings = edges
      .filter(([, top, bottom]) => top < centre && centre < bottom)
      .map(([ex]) => ex)
      .sort((a, b) => a - b);
    for (let i = 0; i + 1 < crossings.length; i += 2)
      for (let col = (crossings[i] as number) - x; col < (crossings[i + 1] as number) - x; col++)
        bits[row * width + col] = 1;
  }
  return bits.includes(1) ? { x, y, width, height, bits } : undefined;
}
