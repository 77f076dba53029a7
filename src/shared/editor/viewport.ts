import type { Rect } from '../boxes/label-layout';
import { imagePoint, screenPoint, type ImagePoint, type ScreenPoint } from './points';

/**
 * How the image is placed on screen: screen = image * zoom + pan (see points.ts for both spaces).
 * `zoom` is screen (CSS) pixels per image pixel; `panX`/`panY` is where the image's top-left corner lands.
 */
export interface Viewport {
  zoom: number;
  panX: number;
  panY: number;
}

export interface Size {
  width: number;
  height: number;
}

export const identityViewport: Viewport = { zoom: 1, panX: 0, panY: 0 };

export function imageToScreen(viewport: Viewport, point: ImagePoint): ScreenPoint {
  return screenPoint(point.x * viewport.zoom + viewport.panX, point.y * viewport.zoom + viewport.panY);
}

export function screenToImage(viewport: Viewport, point: ScreenPoint): ImagePoint {
  return imagePoint((point.x - viewport.panX) / viewport.zoom, (point.y - viewport.panY) / viewport.zoom);
}

/** A rectangle of image pixels (x, y: its top-left corner) as it lies on screen, in CSS pixels. */
export function rectToScreen(viewport: Viewport, rect: Rect): Rect {
  const { zoom, panX, panY } = viewport;
  return {
    x: rect.x * zoom + panX,
    y: rect.y * zoom + panY,
    width: rect.width * zoom,
    height: rect.height * zoom,
  };
}

/** A distance on screen (e.g. a hit tolerance of 6 CSS px) expressed in image pixels. */
export function screenDistanceToImage(viewport: Viewport, distance: number): number {
  return distance / viewport.zoom;
}

/** The largest zoom at which the whole image fits the view, centred. */
export function fitViewport(image: Size, view: Size): Viewport {
  if (image.width <= 0 || image.height <= 0 || view.width <= 0 || view.height <= 0) return identityViewport;
  const zoom = Math.min(view.width / image.width, view.height / image.height);
  return {
    zoom,
    panX: (view.width - image.width * zoom) / 2,
    panY: (view.height - image.height * zoom) / 2,
  };
}

/** Zoom by `factor` keeping the image point under `anchor` fixed on screen (wheel zoom under the cursor). */
export function zoomAt(
  viewport: Viewport,
  anchor: ScreenPoint,
  factor: number,
  limits = zoomLimits,
): Viewport {
  const zoom = Math.min(limits.max, Math.max(limits.min, viewport.zoom * factor));
  const under = screenToImage(viewport, anchor);
  return { zoom, panX: anchor.x - under.x * zoom, panY: anchor.y - under.y * zoom };
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { zoom: viewport.zoom, panX: viewport.panX + dx, panY: viewport.panY + dy };
}

export const zoomLimits = { min: 0.05, max: 64 };
