/// <reference lib="dom" />
/**
 * The two sides of "the viewer shows what the export writes": the canvas pixels read back from the page,
 * and the engine's own rendering of the same file, frame and window (readDicomFile + the shared pipeline).
 */
import type { Page } from '@playwright/test';
import { initCodecs, readDicomFile } from '../../../src/main/dicom/read-dicom';
import { renderFrame, rgbToRgba } from '../../../src/shared/pipeline/render';
import { resolveVoi } from '../../../src/shared/pipeline/resolve-voi';
import type { WindowSpec } from '../../../src/shared/pipeline/types';

export interface CanvasPixels {
  width: number;
  height: number;
  path: string;
  frame: number;
  rgba: Uint8Array;
}

export const CANVAS = 'canvas.image-canvas';

export async function canvasPixels(page: Page): Promise<CanvasPixels> {
  const read = await page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(selector);
    const context = canvas?.getContext('2d');
    if (!canvas || !context) throw new Error('no image canvas');
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000)
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return {
      width: canvas.width,
      height: canvas.height,
      path: canvas.dataset['path'] ?? '',
      frame: Number(canvas.dataset['frame']),
      base64: btoa(binary),
    };
  }, CANVAS);
  return { ...read, rgba: new Uint8Array(Buffer.from(read.base64, 'base64')) };
}

export async function engineRgba(path: string, frame: number, spec: WindowSpec): Promise<Uint8Array> {
  await initCodecs();
  const read = await readDicomFile(path);
  if (!read.ok) throw new Error(`${path}: ${read.reason}`);
  const raw = read.image.decodeFrame(frame);
  const rgb = renderFrame(read.image.header, raw, resolveVoi(spec, read.image.header, raw));
  return new Uint8Array(rgbToRgba(rgb).buffer);
}

/** Number of bytes that differ between two RGBA buffers of the same size. */
export function differingBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}
