/**
 * Whether a box reaches past the image it is drawn on. Drawing clips silently (draw.ts never touches a
 * pixel outside the image), so the CLI summary and the app report such boxes with this one function.
 */

export type ImageEdge = 'left' | 'top' | 'right' | 'bottom';

/** A box's corners in image pixels (0-based, inclusive, in any order). */
export interface BoxCorners {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ImageSize {
  columns: number;
  rows: number;
}

export interface BoxClip {
  /** the edges the box reaches past, in the order left, top, right, bottom */
  edges: ImageEdge[];
  /** no pixel of the box is inside the image: nothing of it is drawn */
  outside: boolean;
}

/** How a box lies against the image: undefined when it lies wholly inside, else the edges it crosses. */
export function boxClip(box: BoxCorners, image: ImageSize): BoxClip | undefined {
  const left = Math.min(box.x1, box.x2);
  const right = Math.max(box.x1, box.x2);
  const top = Math.min(box.y1, box.y2);
  const bottom = Math.max(box.y1, box.y2);
  const edges: ImageEdge[] = [];
  if (left < 0) edges.push('left');
  if (top < 0) edges.push('top');
  if (right > image.columns - 1) edges.push('right');
  if (bottom > image.rows - 1) edges.push('bottom');
  if (edges.length === 0) return undefined;
  const outside = right < 0 || bottom < 0 || left > image.columns - 1 || top > image.rows - 1;
  return { edges, outside };
}

/** "the right and bottom edges": the edges in words, for the app's marks on a clipped box. */
export function edgesText(edges: readonly ImageEdge[]): string {
  return `the ${joinEdges(edges)} ${edges.length === 1 ? 'edge' : 'edges'}`;
}

function joinEdges(edges: readonly ImageEdge[]): string {
  if (edges.length <= 1) return edges.join('');
  return `${edges.slice(0, -1).join(', ')} and ${edges[edges.length - 1] ?? ''}`;
}

/**
 * One sentence for a person: "extends past the right and bottom edges of the 512 x 512 image, so it is
 * clipped" or "lies entirely outside the 512 x 512 image, so nothing of it is drawn".
 */
export function boxClipText(clip: BoxClip, image: ImageSize): string {
  const size = `${image.columns} x ${image.rows}`;
  if (clip.outside) return `lies entirely outside the ${size} image, so nothing of it is drawn`;
  const noun = clip.edges.length === 1 ? 'edge' : 'edges';
  return `extends past the ${joinEdges(clip.edges)} ${noun} of the ${size} image, so it is clipped`;
}
