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
   * rows whose box reaches past the image, with the reason: drawn clipped (the shown ones), or lying
   * wholly outside it (`outside`): those are no findings of the image (nothing is drawn, no twin lists
   * them) and are reported as not placed
   */
  clipped: { origin: string; outside: boolean; text: string }[];
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
 * or presentation state naming it would point at pixels that do not exist. Both are listed in `clipped`.
 */
export function selectBoxes(
  records: readonly BoxRecord[],
  image: SelectionImage,
  options: BoxDrawingOptions,
): BoxSelection {
  const findings: FrameBox[] = [];
  const matchedOrigins: string[] = [];
  const drawnOrigins: string[] = [];
  const clipped: BoxSelection['clipped'] = [];
  for (const record of records) {
    if (record.frame < 1 || record.frame > image.frames) continue;
    matchedOrigins.push(record.origin);
    if (!passesMinScore(record, options.minScore)) continue;
    const clip = boxClip(record, image);
    const shown = isShown(record);
    if (clip && (clip.outside || shown))
      clipped.push({ origin: record.origin, outside: clip.outside, text: boxClipText(clip, image) });
    if (clip?.outside === true) continue;
    findings.push({
      frame: record.frame,
      box: toBurnBox(record, options),
    });
    if (shown) drawnOrigins.push(record.origin);
  }
  return {
    boxes: findings.filter((f) => isShown(f.box)),
    findings,
    matchedOrigins,
    drawnOrigins,
    clipped,
  };
}
