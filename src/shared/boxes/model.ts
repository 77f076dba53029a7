/** Boxes live in image pixel space: 0-based column (x) and row (y), corners inclusive. */

export type Rgb = readonly [number, number, number];

/** Which image a box belongs to, as a box file names it. */
export type BoxTarget =
  | { kind: 'sop'; sopInstanceUid: string }
  | { kind: 'file'; file: string }
  | { kind: 'series-instance'; seriesInstanceUid: string; instanceNumber: number };

/** One parsed row of a box file. */
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
}

/** A row that could not be used, with the reason a person can act on. */
export interface BoxParseError {
  origin: string;
  reason: string;
}

/** What the pixel pipeline burns into one frame. */
export interface BurnBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: Rgb;
  thickness: number;
  label?: string;
  /** the detector's confidence (0-1): burned after the label ("kidney lesion 0.93") */
  score?: number;
}
