/**
 * The study library as it crosses from main to the renderer: patients -> studies -> series -> slices,
 * plus the files that are not images, each with the reason. Plain data (JSON and structured-clone safe).
 */

/** One displayable frame: a file and a 0-based frame index inside it. */
export interface SliceRef {
  path: string;
  frame: number;
  /** SOP Instance UID (0008,0018) of the file: how the box editor and box files name the image */
  sopInstanceUid: string;
  instanceNumber?: number;
  /** Position along the slice normal (mm), IPP . (row x column) of IOP (PS3.3 C.7.6.2.1.1) */
  position?: number;
}

export interface SeriesEntry {
  seriesInstanceUid: string;
  seriesNumber?: number;
  description: string;
  modality: string;
  rows: number;
  columns: number;
  /** the opened folder the series was found in: its session and its default export folder */
  folder: string;
  /** ordered for display: by position along the normal, else by InstanceNumber */
  slices: SliceRef[];
}

export interface StudyEntry {
  studyInstanceUid: string;
  description: string;
  date: string;
  series: SeriesEntry[];
}

export interface PatientEntry {
  /** stable key: patient id and name */
  key: string;
  name: string;
  id: string;
  studies: StudyEntry[];
}

/** A file found while scanning that is not shown as an image, and why. */
export interface NonImageEntry {
  path: string;
  kind: 'not-dicom' | 'not-image' | 'error';
  reason: string;
}

export type ScanState = 'scanning' | 'done' | 'cancelled' | 'failed';

/** Progress of one opened folder. */
export interface ScanProgress {
  libraryId: string;
  folder: string;
  state: ScanState;
  filesSeen: number;
  images: number;
  nonImages: number;
  /** set when state is 'failed' */
  error?: string;
}

export interface LibrarySnapshot {
  /** increases with every change, so the renderer can ignore stale snapshots */
  version: number;
  scans: ScanProgress[];
  patients: PatientEntry[];
  nonImages: NonImageEntry[];
}
