/**
 * What the twin writers (Presentation State, Structured Report) need to know about one converted image:
 * plain data that a converter worker sends back with its outcome (structured-clone safe), gathered in
 * the main thread per series (GSPS) and per study (SR) once every image is written.
 */
import type { Rgb } from '../../shared/boxes/model';
import type { ReviewState } from '../../shared/review/review-state';
import type { VoiFunction } from '../../shared/dicom/image-header';
import type { DataElement } from '../dicom/write/element';
import type { SeriesVersion } from '../versions/series-version';

/** Which twins `convert --twin` (and the app's Export dialog) writes beside the burned-in images. */
export type TwinChoice = 'none' | 'gsps' | 'sr' | 'both';

export const TWIN_CHOICES: readonly TwinChoice[] = ['none', 'gsps', 'sr', 'both'];

export function isTwinChoice(text: string): text is TwinChoice {
  return (TWIN_CHOICES as readonly string[]).includes(text);
}

/** A closed outline in image pixels, as PIXEL-unit points (PS3.3 C.10.5.1.2): column, row pairs. */
export type Polyline = readonly (readonly [number, number])[];

/** One finding drawn on one frame of the image. */
export interface TwinFinding {
  /** 1-based frame */
  frame: number;
  /** inclusive pixel corners of the box (or of the mask region's bounds) */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label?: string;
  score?: number;
  color: Rgb;
  /** a mask finding: the closed outlines of its region, along pixel edges */
  outlines?: Polyline[];
  /** the finding's identifier from its box file or report (the report's Tracking Identifier) */
  id?: string;
  /** the reader's verdict; absent = unreviewed. A rejected finding is reported, never drawn. */
  review?: ReviewState;
  /** the label as the burned-in copy shows it (text, possibly shortened, and its strip): absent when it shows none */
  shownLabel?: ShownLabel;
}

/** A label strip placed by layoutLabels (src/shared/boxes/label-layout.ts), in image pixels. */
export interface ShownLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window the export applied, as a Softcopy VOI LUT can say it (absent for a VOI LUT or colour). */
export interface TwinWindow {
  center: number;
  width: number;
  fn: VoiFunction;
  /** Window Center & Width Explanation: where it came from, e.g. "abdomen preset" */
  explanation: string;
}

export interface TwinImage {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  studyInstanceUid: string;
  /** the folder the image's burned-in copy went to: its series' twins go there too */
  outputFolder: string;
  rows: number;
  columns: number;
  frames: number;
  photometric: string;
  modality: string;
  seriesNumber?: number;
  seriesDescription?: string;
  instanceNumber?: number;
  /** Rescale Slope/Intercept of the source; absent when it has a Modality LUT Sequence */
  rescale?: { slope: number; intercept: number };
  window?: TwinWindow;
  /** Patient, General Study and Patient Study attributes of the source, as the SC writer copies them */
  patientStudy: DataElement[];
  /** Laterality and Body Part Examined of the source (General Series), for the presentation state */
  generalSeries: DataElement[];
  /** the source's Specific Character Set, which its copied values are in (text-encoding.ts decides what is written) */
  characterSet?: string;
  findings: TwinFinding[];
  /** Pixel Spacing (row, column spacing in mm), when the source has it */
  pixelSpacing?: number[];
  /** the image's export settings key (window, boxes, labels): new settings, new twin UIDs */
  settingsKey: string;
  /** the settings every image of the export shares (window request, labels): one twin series per source series */
  seriesKey: string;
  /** the source file it was converted from (set by the main thread): media pack it beside the twins */
  sourcePath?: string;
  /** the version of the export (series-version.ts): numbers and describes the twin series */
  version?: SeriesVersion;
}
