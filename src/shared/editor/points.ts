/**
 * Two coordinate spaces, two types (Excalidraw's habit): a screen point can never be passed where an
 * image point is expected without going through the viewport.
 *
 * Image space: x to the right (columns), y down (rows), one unit = one image pixel, origin at the
 * top-left CORNER of pixel (0, 0). Pixel (column c, row r) therefore covers [c, c+1) x [r, r+1) and its
 * centre is (c + 0.5, r + 0.5). This is the convention of a canvas drawing the image at integer zoom
 * and of PS3.3 C.7.6.2.1.1 (Pixel Spacing measures between pixel centres).
 *
 * Screen space: CSS pixels relative to the top-left corner of the viewport element (what a pointer
 * event gives after subtracting the element's bounding rectangle).
 */
declare const imageSpace: unique symbol;
declare const screenSpace: unique symbol;

export type ImagePoint = { readonly x: number; readonly y: number } & { readonly [imageSpace]: true };
export type ScreenPoint = { readonly x: number; readonly y: number } & { readonly [screenSpace]: true };

/** The brand exists only at compile time: at run time both are plain `{ x, y }` objects. */
export function imagePoint(x: number, y: number): ImagePoint {
  return { x, y } as ImagePoint;
}

export function screenPoint(x: number, y: number): ScreenPoint {
  return { x, y } as ScreenPoint;
}

/** The 0-based column and row of the pixel that contains an image point. */
export function pixelAt(point: ImagePoint): { column: number; row: number } {
  return { column: Math.floor(point.x), row: Math.floor(point.y) };
}

/** The centre of a pixel, as an image point. */
export function pixelCentre(column: number, row: number): ImagePoint {
  return imagePoint(column + 0.5, row + 0.5);
}
