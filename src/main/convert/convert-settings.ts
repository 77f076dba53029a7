import type { WindowSpec } from '../../shared/pipeline/types';
import type { OutlinePlacement, Rgb } from '../../shared/boxes/model';
import type { TwinChoice } from '../twin/types';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import type { NoticeChoice } from '../../shared/boxes/notice';
import type { SeriesVersion } from '../versions/series-version';

/**
 * How every file of one conversion is rendered and written. Plain data: it is sent once to each worker
 * (structured clone), so it holds no functions or class instances.
 */
export interface ConvertSettings {
  window: WindowSpec;
  /** outline width in pixels */
  thickness: number;
  /** where box outlines lie: outside the box (absent, the default) or inward from its edge */
  outline?: OutlinePlacement;
  /** colour of boxes whose row names none */
  color: Rgb;
  /** burn each box's label beside it */
  labels: boolean;
  /**
   * with a preset window: files the CT presets do not fit (not CT, or CT not in HU: presetFit) get their
   * own window instead (the app's "everything open" export of mixed series)
   */
  ownWindowWherePresetMisfits?: boolean;
  /** boxes scoring below this are not drawn (rows without a score are always drawn) */
  minScore?: number;
  /** read each output back and compare it with what was meant to be written */
  verify: boolean;
  /** replace existing outputs */
  overwrite: boolean;
  /** also convert images DICOM Ink wrote (skipped by default, own-output.ts) */
  includeDerived?: boolean;
  /** also write a presentation state and/or a TID 1500 report of the findings (src/main/twin; default none) */
  twin?: TwinChoice;
  /** the segmentation twin stores boxes too, as filled rectangles (--seg-boxes); else mask findings only */
  segBoxes?: boolean;
  /** who reviewed the findings (DICOM PN, e.g. DOE^JANE): the report's observer, and its verifier when every finding is reviewed */
  reviewer?: string;
  /** the reviewer's organisation (Verifying Organization), where known */
  reviewerOrganisation?: string;
  /** refuse the run (nothing written) while any finding is unreviewed */
  requireReview?: boolean;
  /** the algorithm that found the findings (flags over findings files): Contributing Equipment, descriptions */
  algorithm?: AlgorithmIdentity;
  /** --notice: how the AI notice is chosen (notice.ts); absent: none */
  notice?: NoticeChoice;
  /** the version of the derived series (set by the engine from these settings and the findings) */
  version?: SeriesVersion;
}

export const DEFAULT_THICKNESS = 4;
export const DEFAULT_COLOR: Rgb = [255, 0, 0];

export function defaultConvertSettings(): ConvertSettings {
  return {
    window: { kind: 'auto' },
    thickness: DEFAULT_THICKNESS,
    color: DEFAULT_COLOR,
    labels: false,
    verify: true,
    overwrite: false,
  };
}

/** One file to convert: where it is, how the box file and the output name it. */
export interface ConvertInput {
  /** absolute path of the source file */
  path: string;
  /** path relative to the input folder it was found in, with forward slashes (what a box file's `file` column names) */
  relativePath: string;
  /** absolute path of the output file */
  outputPath: string;
  /** why the file is not read at all (a link leading outside the app's opened folders): it is skipped */
  refused?: string;
}
