/**
 * What the twin writers (Presentation State, Structured Report) need to know about one converted image:
 * plain data that a converter worker sends back with its outcome (structured-clone safe), gathered in
 * the main thread per series (GSPS) and per study (SR) once every image is written.
 */
import type { Finder, MaskRegion, Rgb } from '../../shared/boxes/model';
import type { ReviewState } from '../../shared/review/review-state';
import type { VoiFunction } from '../../shared/dicom/image-header';
import type { DataElement } from '../dicom/write/element';
import type { SeriesVersion } from '../versions/series-version';

/** One kind of twin: presentation state, TID 1500 report, segmentation, key object selection. */
export type TwinKind = 'gsps' | 'sr' | 'seg' | 'kos';

/** Every kind this build writes, in the order they are written. */
export const TWIN_KINDS: readonly TwinKind[] = ['gsps', 'sr', 'seg', 'kos'];

/**
 * Which twins `convert --twin` (and the app's Export dialog) writes beside the burned-in images: 'none',
 * one kind, a comma list of kinds ('gsps,kos'), 'both' (gsps,sr) or 'all' (every kind). Kept as given;
 * twinKinds reads it.
 */
export type TwinChoice = string;

function isTwinKind(text: string): text is TwinKind {
  return (TWIN_KINDS as readonly string[]).includes(text);
}

/** The kinds a choice names, or the first word that is none of them. */
function parseKinds(choice: string): { kinds: TwinKind[] } | { unknown: string } {
  const words = choice.split(',').map((word) => word.trim().toLowerCase());
  const kinds: TwinKind[] = [];
  for (const word of words) {
    if (word === 'both') kinds.push('gsps', 'sr');
    else if (word === 'all') kinds.push(...TWIN_KINDS);
    else if (word === 'none' && words.length === 1) continue;
    else if (isTwinKind(word)) kinds.push(word);
    else return { unknown: word };
  }
  return { kinds: TWIN_KINDS.filter((kind) => kinds.includes(kind)) };
}

/** Why a --twin value is not one, or undefined when it is. */
export function twinChoiceProblem(choice: string): string | undefined {
  const parsed = parseKinds(choice);
  if (!('unknown' in parsed)) return undefined;
  const what = parsed.unknown === '' ? 'an empty entry' : `"${parsed.unknown}"`;
  return `--twin takes none, all, both or a comma list of ${TWIN_KINDS.join(', ')}; ${what} is none of them (got "${choice}")`;
}

/** The kinds of twin a choice asks for, in writing order (none for an invalid or absent choice). */
export function twinKinds(choice: TwinChoice | undefined): ReadonlySet<TwinKind> {
  if (choice === undefined) return new Set();
  const parsed = parseKinds(choice);
  return new Set('kinds' in parsed ? parsed.kinds : []);
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
  /** a mask finding: its pixels (what a segmentation stores) */
  region?: MaskRegion;
  /** the finding's identifier from its box file or report (the report's Tracking Identifier) */
  id?: string;
  /** the reader's verdict; absent = unreviewed. A rejected finding is reported, never drawn. */
  review?: ReviewState;
  /** 'reader' for a finding the reader drew: the report and the segmentation say so; absent = the algorithm's */
  finder?: Finder;
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

/** The AI notice as the burned-in copy shows it on one frame (notice.ts): its text and its place. */
export interface ShownNotice extends ShownLabel {
  /** 1-based frame */
  frame: number;
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
  /** the AI notice of each frame that shows one in the burned-in copy, in frame order */
  notices?: ShownNotice[];
  /** Pixel Spacing (row, column spacing in mm), when the source has it */
  pixelSpacing?: number[];
  /** where the image lies in the patient, when the source says it (a segmentation's frames repeat it) */
  plane?: TwinPlane;
  /** the image's export settings key (window, boxes, labels): new settings, new twin UIDs */
  settingsKey: string;
  /** the settings every image of the export shares (window request, labels): one twin series per source series */
  seriesKey: string;
  /** the source file it was converted from (set by the main thread): media pack it beside the twins */
  sourcePath?: string;
  /** the burned-in copy written from this image (what a key object selection lists) */
  copy?: TwinCopy;
  /** the version of the export (series-version.ts): numbers and describes the twin series */
  version?: SeriesVersion;
}

/** Identity of the burned-in copy of a source image. */
export interface TwinCopy {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
}

/**
 * The source's place in the patient (Frame of Reference C.7.4.1, Image Plane C.7.6.2) as it gives it:
 * a segmentation of it stands on its own with these, never with values made up.
 */
export interface TwinPlane {
  frameOfReferenceUid: string;
  /** Image Position (Patient): the first pixel's centre, LPS mm */
  position: number[];
  /** Image Orientation (Patient): row then column direction cosines */
  orientation: number[];
  /** Pixel Spacing: row spacing, column spacing (mm) */
  pixelSpacing: number[];
  /** Slice Thickness (mm), when the source has it */
  sliceThickness?: number;
}
