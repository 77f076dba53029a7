/** Boxes live in image pixel space: 0-based column (x) and row (y), corners inclusive. */

import type { ReviewState } from '../review/review-state';

export type Rgb = readonly [number, number, number];

/** Who found a finding, when it was not the algorithm: the reader drew it (box file column `finder`). */
export type Finder = 'reader';

/** Which image a box belongs to, as a box file names it. */
export type BoxTarget =
  | { kind: 'sop'; sopInstanceUid: string }
  | { kind: 'file'; file: string }
  | { kind: 'series-instance'; seriesInstanceUid: string; instanceNumber: number };

/**
 * The pixels of one label of a mask on one frame: a `width` x `height` window whose top-left pixel is
 * (x, y); `bits[row * width + col]` is 1 inside the label. Drawn as an outline around the region.
 */
export interface MaskRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  bits: Uint8Array;
}

/** One parsed row of a box file, or one finding an importer placed on an image frame (see src/main/findings). */
export interface BoxRecord {
  target: BoxTarget;
  /** 1-based frame number */
  frame: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label?: string;
  score?: number;
  color?: Rgb;
  /** outline width in pixels for this box; the drawing default applies when absent */
  thickness?: number;
  /** where it came from: `file:line` for CSV, `file[index]` for JSON */
  origin: string;
  /** a mask region: x1..y2 is then its bounding box and the outline follows the region, outside it */
  region?: MaskRegion;
  /** the finding's identifier (box file `id`, the report's Tracking Identifier): kept through every output */
  id?: string;
  /** the reader's verdict (box file `review`); absent = unreviewed */
  review?: ReviewState;
  /** who found it (box file `finder`): 'reader' for a finding the reader drew; absent = the algorithm */
  finder?: Finder;
  /** the Series Instance UID a row names beside its SOP Instance UID or file (for --require-review's message) */
  series?: string;
}

/** A row that could not be used, with the reason a person can act on. */
export interface BoxParseError {
  origin: string;
  reason: string;
}

/**
 * Where a box's outline lies: `outside` (the default) leaves every pixel of x1..x2, y1..y2 visible, the
 * outline's inner edge just outside the box; `inside` draws it inward from the box edge (the outer edge is
 * the box). Mask outlines always lie outside their region.
 */
export type OutlinePlacement = 'outside' | 'inside';

export function isOutlinePlacement(text: string): text is OutlinePlacement {
  return text === 'outside' || text === 'inside';
}

/** What the pixel pipeline burns into one frame. */
export interface BurnBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: Rgb;
  thickness: number;
  /** where the rectangle's outline lies (absent: outside); ignored for a region */
  outline?: OutlinePlacement;
  label?: string;
  /** the detector's confidence (0-1): burned after the label ("kidney lesion 0.93") */
  score?: number;
  /** outline this region (outside it) instead of the rectangle; x1..y2 then bound the drawn outline */
  region?: MaskRegion;
  /** the finding's identifier, carried to the twins (Tracking Identifier) */
  id?: string;
  /** the reader's verdict, carried to the twins and the output identity; a rejected box is never burned */
  review?: ReviewState;
  /** 'reader' for a finding the reader drew (no AI notice for it); absent = the algorithm's */
  finder?: Finder;
}
