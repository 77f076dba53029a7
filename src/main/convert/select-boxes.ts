import { boxClip, boxClipText, type ImageSize } from '../../shared/boxes/clip';
import type { BoxRecord, OutlinePlacement, Rgb } from '../../shared/boxes/model';
import { toBurnBox } from '../../shared/boxes/match';
import { passesMinScore } from '../../shared/boxes/min-score';
import type { FrameBox } from './settings-key';
import { isShown } from '../../shared/review/review-state';

export interface BoxSelection {
  /** boxes to draw, per 1-based frame: every finding the reader has not rejected */
  boxes: FrameBox[];
  /** every finding of the image (rejected ones too), for the report and the output identity */
  findings: FrameBox[];
  /** origins of the rows that name this image and one of its frames (drawn or dropped by --min-score) */
  matchedOrigins: string[];
  /** origins of the rows drawn */
  drawnOrigins: string[];
  /**
   * rows naming this image whose box lies wholly outside it: not findings of the image (nothing is
   * drawn, no twin lists them), reported as not placed with the reason
   */
  outside: { origin: string; text: string }[];
}

/** The image the rows name: how many frames it has and its size in pixels. */
export interface SelectionImage extends ImageSize {
  frames: number;
}

export interface BoxDrawingOptions {
  color: Rgb;
  thickness: number;
  outline?: OutlinePlacement;
  minScore?: number;
}

/**
 * From the rows a box file has for one image, the boxes to burn in: rows naming a frame the image
 * does not have stay unmatched (the summary lists them), rows scoring below --min-score are dropped,
 * rows the reader rejected are kept as findings (the report lists them) but not drawn. A box lying
 * wholly outside the image is no finding of it: nothing of it could be drawn, and a report, key image
 * or presentation state naming it would point at pixels that do not exist; it is listed in `outside`.
 */
export function selectBoxes(
  records: readonly BoxRecord[],
  image: SelectionImage,
  options: BoxDrawingOptions,
): BoxSelection {
  const findings: FrameBox[] = [];
  const matchedOrigins: string[] = [];
  const drawnOrigins: string[] = [];
  const outside: BoxSelection['outside'] = [];
  for (const record of records) {
    if (record.frame < 1 || record.frame > image.frames) continue;
    matchedOrigins.push(record.origin);
    if (!passesMinScore(record, options.minScore)) continue;
    const clip = boxClip(record, image);
    if (clip?.outside === true) {
      outside.push({ origin: record.origin, text: boxClipText(clip, image) });
      continue;
    }
    findings.push({
      frame: record.frame,
      box: toBurnBox(record, options),
    });
    if (isShown(record)) drawnOrigins.push(record.origin);
  }
  return {
    boxes: findings.filter((f) => isShown(f.box)),
    findings,
    matchedOrigins,
    drawnOrigins,
    outside,
  };
}
