import type { BoxRecord, OutlinePlacement, Rgb } from '../../shared/boxes/model';
import { toBurnBox } from '../../shared/boxes/match';
import { passesMinScore } from '../../shared/boxes/min-score';
import type { FrameBox } from './settings-key';

export interface BoxSelection {
  /** boxes to draw, per 1-based frame */
  boxes: FrameBox[];
  /** origins of the rows that name this image and one of its frames (drawn or dropped by --min-score) */
  matchedOrigins: string[];
  /** origins of the rows drawn */
  drawnOrigins: string[];
}

export interface BoxDrawingOptions {
  color: Rgb;
  thickness: number;
  outline?: OutlinePlacement;
  minScore?: number;
}

/**
 * From the rows a box file has for one image, the boxes to burn in: rows naming a frame the image
 * does not have stay unmatched (the summary lists them), rows scoring below --min-score are dropped.
 */
export function selectBoxes(
  records: readonly BoxRecord[],
  frameCount: number,
  options: BoxDrawingOptions,
): BoxSelection {
  const boxes: FrameBox[] = [];
  const matchedOrigins: string[] = [];
  const drawnOrigins: string[] = [];
  for (const record of records) {
    if (record.frame < 1 || record.frame > frameCount) continue;
    matchedOrigins.push(record.origin);
    if (!passesMinScore(record, options.minScore)) continue;
    drawnOrigins.push(record.origin);
    boxes.push({
      frame: record.frame,
      box: toBurnBox(record, options),
    });
  }
  return { boxes, matchedOrigins, drawnOrigins };
}
