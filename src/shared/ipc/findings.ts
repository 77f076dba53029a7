/**
 * The app's finding import: files the user chose (a box table, COCO, 3D boxes, a YOLO folder, a NIfTI
 * mask, a DICOM SEG) travel to main as bytes with their names; main runs the CLI's importers
 * (src/main/findings) against the images of one opened folder and answers what they placed.
 */
import type { BoxParseError } from '../boxes/model';
import type { PlacedRecord } from '../editor/box-io';
import type { AlgorithmIdentity } from '../findings/algorithm-identity';

/** One chosen file: `name` is its file name, or its path inside a chosen folder ('/' separators). */
export interface FindingFile {
  name: string;
  bytes: Uint8Array;
}

export interface FindingsImportRequest {
  /** the opened folder whose images the findings are placed on */
  folder: string;
  /**
   * `files`: each file is one source (box files, masks; a mask's label sidecar .json/.csv may come along);
   * `folder`: the files are one folder (YOLO labels), named by the first segment of their names.
   */
  kind: 'files' | 'folder';
  files: FindingFile[];
}

/** What one source gave: the same sentences the CLI prints. */
export interface ImportedSource {
  /** the file or folder name */
  name: string;
  format?: string;
  findings: PlacedRecord[];
  problems: BoxParseError[];
  /** the whole source was refused (a mask that fits no series): nothing from it is placed */
  refused?: string;
  notes: string[];
  /** the algorithm the source names (a COCO file's info, a SEG's Segment Algorithm, a mask's sidecar) */
  algorithm?: Partial<AlgorithmIdentity>;
}

export interface FindingsImportAnswer {
  sources: ImportedSource[];
}

/** Upper bounds main enforces (the bridge's request limit is set to carry them). */
export const MAX_FINDING_FILES = 10_000;
export const MAX_FINDING_BYTES = 512 * 1024 * 1024;
