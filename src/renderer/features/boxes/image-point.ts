/**
 * Pointer position -> image point. The canvas has the image's own size and is placed by a CSS transform
 * (translate + scale), so its bounding rectangle maps client pixels to image pixels at every zoom and pan.
 */
import { imagePoint, type ImagePoint } from '../../../shared/editor';

export function pointerToImage(canvas: HTMLCanvasElement, clientX: number, clientY: number): ImagePoint {
  const rect = canvas.getBoundingClientRect();
  const sx = rect.width > 0 ? canvas.width / rect.width : 1;
  const sy = rect.height > 0 ? canvas.height / rect.height : 1;
  return imagePoint((clientX - rect.left) * sx, (clientY - rect.top) * sy);
}
