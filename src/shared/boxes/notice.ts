/**
 * The AI notice burned into each image that carries a finding (`--notice auto|none|TEXT`): one short
 * line such as 'AI: KidneyNet 2.1 - not reviewed', in the label font, where notice-placement.ts puts it.
 * Drawn by burnFindings after the boxes and labels, in the one pipeline the viewer and the export share.
 */
import type { AlgorithmIdentity } from '../findings/algorithm-identity';
import { describeAlgorithm } from '../findings/algorithm-identity';
import type { RgbImage } from '../pipeline/types';
import { isReviewed, type ReviewState } from '../review/review-state';
import { drawBoxes, drawLabel } from './draw';
import type { BurnBox, Finder, Rgb } from './model';
import { placeNotice, type PlacedNotice } from './notice-placement';

/** What `--notice` asks for: the automatic line, none, or the user's own text. */
export type NoticeChoice = { kind: 'auto' } | { kind: 'none' } | { kind: 'text'; text: string };

const NOTICE_COLOR: Rgb = [255, 255, 255];

/** Reads a --notice value: 'auto', 'none' or any other text (used as written, trimmed). */
export function parseNotice(value: string): NoticeChoice {
  const text = value.trim();
  if (text === 'auto') return { kind: 'auto' };
  if (text === 'none' || text === '') return { kind: 'none' };
  return { kind: 'text', text };
}

/**
 * The line a choice writes, or undefined for none. `shown` are the findings burned into the image (not
 * the rejected ones): auto says 'reviewed' only when a reader gave a verdict on every one of them, so a
 * copy never claims a review that did not happen. An image whose findings the reader drew, every one
 * (`finder` reader), gets no notice: it carries no algorithm's finding.
 */
export function noticeText(
  choice: NoticeChoice,
  algorithm: AlgorithmIdentity | undefined,
  shown: readonly { review?: ReviewState; finder?: Finder }[] = [],
): string | undefined {
  // The notice says an algorithm found what the image shows: not on an image whose findings the reader drew.
  if (shown.length > 0 && shown.every((box) => box.finder === 'reader')) return undefined;
  switch (choice.kind) {
    case 'none':
      return undefined;
    case 'text':
      // An empty text writes nothing (the app's dialog refuses to export it).
      return choice.text.trim() === '' ? undefined : choice.text;
    case 'auto': {
      const state = shown.length > 0 && shown.every(isReviewed) ? 'reviewed' : 'not reviewed';
      return `AI: ${algorithm === undefined ? 'findings' : describeAlgorithm(algorithm)} - ${state}`;
    }
  }
}

/**
 * Burns a frame's findings: the boxes and labels (draw.ts), then, when the frame has a finding and a
 * notice is asked for, the notice in the corner placeNotice picks from the pixels as drawn. Returns
 * where the notice went (the viewer keeps its own corner texts off it), undefined when none was drawn.
 */
export function burnFindings(
  image: RgbImage,
  boxes: readonly BurnBox[],
  options: { labels: boolean; notice?: string },
): PlacedNotice | undefined {
  if (boxes.length === 0) return undefined;
  const layout = drawBoxes(image, boxes, { labels: options.labels });
  if (options.notice === undefined) return undefined;
  const placed = placeNotice(image, options.notice, boxes, layout.placed);
  if (placed) drawLabel(image, placed, NOTICE_COLOR);
  return placed;
}
