import { burnFindings } from '../../shared/boxes/notice';
import type { PlacedNotice } from '../../shared/boxes/notice-placement';
import { renderFrame } from '../../shared/pipeline/render';
import { resolveVoi } from '../../shared/pipeline/resolve-voi';
import type { ResolvedVoi, WindowSpec } from '../../shared/pipeline/types';
import type { DicomImage } from '../dicom/types';
import { scratchBuffer } from './scratch-buffers';
import type { FrameBox } from './settings-key';

export interface RenderedFrame {
  /** RGB, pixel-interleaved; one buffer reused from frame to frame: valid until the next call */
  rgb: Uint8Array;
  voi: ResolvedVoi;
  /** where the AI notice was drawn on this frame (its text as shown), absent when none was */
  notice?: PlacedNotice;
}

export interface FrameRenderOptions {
  window: WindowSpec;
  labels: boolean;
  /** every box of the image; each frame draws those of its own (1-based) frame number */
  boxes: readonly FrameBox[];
  /** the AI notice written on frames with a finding (notice.ts); absent: none */
  notice?: string;
}

/**
 * Decodes frame `index` (0-based), windows it and burns its boxes in (PS3.3 C.11: modality, VOI,
 * presentation, then RGB). One frame at a time into one RGB buffer: a file of any frame count needs
 * the memory of one frame.
 */
export function renderOneFrame(image: DicomImage, index: number, options: FrameRenderOptions): RenderedFrame {
  const { header } = image;
  const raw = image.decodeFrame(index);
  const voi = resolveVoi(options.window, header, raw);
  const target = scratchBuffer('rgb', header.pixel.rows * header.pixel.columns * 3);
  const rgb = renderFrame(header, raw, voi, target);
  const frameBoxes = options.boxes.filter((b) => b.frame === index + 1).map((b) => b.box);
  const notice = burnFindings(rgb, frameBoxes, {
    labels: options.labels,
    ...(options.notice === undefined ? {} : { notice: options.notice }),
  });
  return { rgb: rgb.data, voi, ...(notice === undefined ? {} : { notice }) };
}
