/**
 * The segments of a segmentation twin: which findings it stores (mask regions; boxes only when asked,
 * as filled rectangles; never a finding rejected in review), one segment per label (and colour) and
 * review state, and the segments' numbers. Pure.
 */
import type { Finder, Rgb } from '../../shared/boxes/model';
import { isShown, reviewOf, type ReviewState } from '../../shared/review/review-state';
import type { Code } from './finding-codes';
import { findingGroupKey } from './finding-group';
import { findingTypeCode, segmentCategoryCode } from './finding-codes';
import type { TwinFinding, TwinImage } from './types';

/** What a segmentation stores of a finding whose label has no name. */
export const UNLABELLED_SEGMENT = 'finding';

export interface Segment {
  /** Segment Number (0062,0004): 1, 2, ... */
  number: number;
  label: string;
  color: Rgb;
  category: Code;
  type: Code;
  /** 'reader': the segment holds findings the reader drew (MANUAL, never the algorithm's) */
  finder?: Finder;
  /** the reader's verdict on the algorithm's findings it holds (absent for the reader's own) */
  review?: SegmentReview;
}

/** The verdicts a stored finding can have: a rejected one is not stored. */
export type SegmentReview = Exclude<ReviewState, 'rejected'>;

/**
 * The key of one segment: its label and colour (findingGroupKey, the reader's apart from the
 * algorithm's) and, for the algorithm's findings, their review state; the reader's are theirs.
 */
function keyOf(
  label: string,
  color: Rgb,
  finder: Finder | undefined,
  review: SegmentReview | undefined,
): string {
  const group = findingGroupKey(label, color, finder);
  return finder === 'reader' ? group : `${group}\u0000${review ?? 'unreviewed'}`;
}

/** The findings of an image a segmentation stores: mask regions, and boxes with `boxes`; none rejected. */
export function segmentFindings(image: TwinImage, boxes: boolean): TwinFinding[] {
  return image.findings.filter((f) => isShown(f) && (f.region !== undefined || boxes));
}

/**
 * Findings of one label and colour are one segment, the reader's apart from the algorithm's, and the
 * algorithm's apart by review state (a segment is AUTOMATIC, SEMIAUTOMATIC or MANUAL as a whole, and
 * says whether a reader has reviewed what it holds).
 */
export function segmentKey(finding: TwinFinding): string {
  return keyOf(finding.label ?? UNLABELLED_SEGMENT, finding.color, finding.finder, segmentReview(finding));
}

/** The key of a segment (the same as segmentKey of its findings). */
export function keyOfSegment(segment: Segment): string {
  return keyOf(segment.label, segment.color, segment.finder, segment.review);
}

/** A stored finding's review state (rejected findings are never stored). */
function segmentReview(finding: TwinFinding): SegmentReview {
  const review = reviewOf(finding);
  return review === 'rejected' ? 'unreviewed' : review;
}

/**
 * The segment keys in one order that keeps every image's own order of its findings wherever the
 * images agree (a topological order of "comes before on some frame", ties broken by first sight), so a
 * segmentation read back lists each frame's findings in the order the source drew them: a mask's labels
 * in their value order, which decides which label is drawn over which.
 */
function orderedKeys(sequences: readonly (readonly string[])[]): string[] {
  const firstSeen: string[] = [];
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const sequence of sequences) {
    sequence.forEach((key, i) => {
      if (!after.has(key)) {
        firstSeen.push(key);
        after.set(key, new Set());
        before.set(key, 0);
      }
      const previous = sequence[i - 1];
      if (previous === undefined || previous === key) return;
      const next = after.get(previous) as Set<string>;
      if (next.has(key)) return;
      next.add(key);
      before.set(key, (before.get(key) ?? 0) + 1);
    });
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < firstSeen.length) {
    // The first key seen with nothing left before it; on a cycle (images disagree), the first unplaced.
    const ready =
      firstSeen.find((k) => !placed.has(k) && before.get(k) === 0) ??
      (firstSeen.find((k) => !placed.has(k)) as string);
    order.push(ready);
    placed.add(ready);
    for (const next of after.get(ready) ?? []) before.set(next, (before.get(next) ?? 0) - 1);
  }
  return order;
}

/** The segments of a series' images (in slice order): numbered in their drawing order. */
export function segmentsOf(images: readonly TwinImage[], boxes: boolean): Segment[] {
  const sequences: string[][] = [];
  const firstOf = new Map<string, TwinFinding>();
  for (const image of images) {
    const byFrame = new Map<number, string[]>();
    for (const finding of segmentFindings(image, boxes)) {
      const key = segmentKey(finding);
      if (!firstOf.has(key)) firstOf.set(key, finding);
      const keys = byFrame.get(finding.frame);
      if (keys) keys.push(key);
      else byFrame.set(finding.frame, [key]);
    }
    sequences.push(...byFrame.values());
  }
  return orderedKeys(sequences).map((key, i) => {
    const finding = firstOf.get(key) as TwinFinding;
    const label = finding.label ?? UNLABELLED_SEGMENT;
    return {
      number: i + 1,
      label,
      color: finding.color,
      category: segmentCategoryCode(finding.label),
      type: findingTypeCode(finding.label),
      ...(finding.finder === undefined ? {} : { finder: finding.finder }),
      ...(finding.finder === 'reader' ? {} : { review: segmentReview(finding) }),
    };
  });
}
