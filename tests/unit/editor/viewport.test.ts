import { describe, expect, it } from 'vitest';
import { imagePoint, pixelAt, pixelCentre, screenPoint } from '../../../src/shared/editor/points';
import {
  fitViewport,
  imageToScreen,
  screenDistanceToImage,
  screenToImage,
  zoomAt,
  type Viewport,
} from '../../../src/shared/editor/viewport';

describe('viewport transforms', () => {
  const view: Viewport = { zoom: 2.5, panX: 40, panY: -12 };

  it('maps an image point to screen as image * zoom + pan', () => {
    const s = imageToScreen(view, imagePoint(10, 20));
    expect(s.x).toBe(65);
    expect(s.y).toBe(38);
  });

  it('screenToImage inverts imageToScreen under zoom and pan', () => {
    const p = screenToImage(view, screenPoint(65, 38));
    expect(p.x).toBeCloseTo(10, 12);
    expect(p.y).toBeCloseTo(20, 12);
  });

  it('a click anywhere inside a zoomed pixel lands on that pixel (pixel-centre convention)', () => {
    // At zoom 4, pan (100, 50), pixel (3, 7) covers screen x 112..116, y 78..82.
    const v: Viewport = { zoom: 4, panX: 100, panY: 50 };
    expect(pixelAt(screenToImage(v, screenPoint(112, 78)))).toEqual({ column: 3, row: 7 });
    expect(pixelAt(screenToImage(v, screenPoint(115.9, 81.9)))).toEqual({ column: 3, row: 7 });
    expect(pixelAt(screenToImage(v, screenPoint(116, 82)))).toEqual({ column: 4, row: 8 });
    const centre = imageToScreen(v, pixelCentre(3, 7));
    expect([centre.x, centre.y]).toEqual([114, 80]);
  });

  it('fits a 512x512 image into a 1000x800 view centred at zoom 800/512', () => {
    const v = fitViewport({ width: 512, height: 512 }, { width: 1000, height: 800 });
    expect(v.zoom).toBe(1.5625);
    expect(v.panX).toBe(100);
    expect(v.panY).toBe(0);
  });

  it('zooming under the cursor keeps the image point under the cursor fixed', () => {
    const anchor = screenPoint(300, 200);
    const before = screenToImage(view, anchor);
    const zoomed = zoomAt(view, anchor, 2);
    expect(zoomed.zoom).toBe(5);
    const after = screenToImage(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x, 10);
    expect(after.y).toBeCloseTo(before.y, 10);
  });

  it('zoom is limited to 64x', () => {
    expect(zoomAt({ zoom: 50, panX: 0, panY: 0 }, screenPoint(0, 0), 10).zoom).toBe(64);
  });

  it('a 6 px screen tolerance is 1.5 image pixels at zoom 4', () => {
    expect(screenDistanceToImage({ zoom: 4, panX: 0, panY: 0 }, 6)).toBe(1.5);
  });
});
