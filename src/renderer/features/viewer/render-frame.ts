/**
 * Draws a frame into a canvas through the shared pipeline (resolveVoi -> renderFrame -> rgbToRgba): the same
 * code the export uses, so the canvas holds exactly the RGB the exported file will. The canvas has the
 * image's own size; zoom and pan are a CSS transform, so canvas pixels stay image pixels.
 */
import { burnFindings } from '../../../shared/boxes/notice';
import type { Rect } from '../../../shared/boxes/label-layout';
import type { BurnBox } from '../../../shared/boxes/model';
import { renderFrame, rgbToRgba } from '../../../shared/pipeline/render';
import { resolveVoi } from '../../../shared/pipeline/resolve-voi';
import type { ResolvedVoi, WindowSpec } from '../../../shared/pipeline/types';
import type { ViewerFrame } from '../../lib/raw-frame';

/** `notice`: where the AI notice was burned, in image pixels. */
export type DrawOutcome =
  { ok: true; voi: ResolvedVoi; ms: number; notice?: Rect } | { ok: false; error: string };

/** Buffers reused between draws (a W/L drag redraws every pointer move). */
export interface Scratch {
  rgb?: Uint8Array;
  image?: ImageData;
}

/** The boxes burned into the shown slice, exactly as the export burns them (src/shared/boxes/draw.ts). */
export interface Burn {
  boxes: readonly BurnBox[];
  labels: boolean;
  /** the AI notice on a slice with findings, as the export writes it (shared/boxes/notice.ts) */
  notice?: string;
}

export function drawFrame(
  canvas: HTMLCanvasElement,
  frame: ViewerFrame,
  spec: WindowSpec,
  scratch: Scratch,
  burn: Burn = { boxes: [], labels: false },
): DrawOutcome {
  const started = performance.now();
  const { rows, columns } = frame.header.pixel;
  let voi: ResolvedVoi;
  try {
    voi = resolveVoi(spec, frame.header, frame.raw);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (scratch.rgb?.length !== rows * columns * 3) scratch.rgb = new Uint8Array(rows * columns * 3);
  if (scratch.image?.width !== columns || scratch.image.height !== rows)
    scratch.image = new ImageData(columns, rows);
  let notice: Rect | undefined;
  try {
    const rgb = renderFrame(frame.header, frame.raw, voi, scratch.rgb);
    notice = burnFindings(rgb, burn.boxes, burn);
    rgbToRgba(rgb, scratch.image.data);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (canvas.width !== columns) canvas.width = columns;
  if (canvas.height !== rows) canvas.height = rows;
  canvas.getContext('2d')?.putImageData(scratch.image, 0, 0);
  return { ok: true, voi, ms: performance.now() - started, ...(notice && { notice }) };
}

/** Width/level text for the overlay and the inputs, e.g. "W 400 L 50". */
export function windowNumbers(voi: ResolvedVoi | undefined): { center: number; width: number } | undefined {
  return voi?.kind === 'window' ? { center: voi.center, width: voi.width } : undefined;
}
