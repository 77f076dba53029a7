/**
 * The one interface every finding format implements (box tables, 3D boxes, COCO, YOLO, NIfTI masks, DICOM
 * SEG, SR, GSPS). An importer reads one file or folder and returns findings already PLACED on
 * image frames in pixels (BoxRecord: target image + frame + rectangle or mask region), plus the entries it
 * could not place, each with its line or index and why. Formats that need geometry ask the context for the
 * catalogue of the inputs (headers of every image, series grids), built once and shared.
 */
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import type { BoxParseError, BoxRecord } from '../../shared/boxes/model';
import type { ImageCatalog } from '../../shared/findings/catalog';
import type { LabelSpec } from '../../shared/findings/mask-labels';
import type { MaskStyle } from '../../shared/findings/place-volume';

export type FindingFormat =
  | 'box-table'
  | 'boxes-3d'
  | 'coco'
  | 'yolo'
  | 'nifti'
  | 'dicom-seg'
  | 'dicom-sr'
  | 'dicom-gsps'
  | 'dicom-other';

/** A file or folder given with --boxes / --masks (or imported in the app). */
export interface FindingSource {
  /** absolute path */
  path: string;
  /** what messages call it (the path as given, or the file name) */
  name: string;
  isDirectory: boolean;
  /** the first bytes of a file (64 KiB, fewer for small files; empty for a folder): formats are recognised from content */
  head: Uint8Array;
}

export interface ImportOptions {
  maskStyle: MaskStyle;
  /** --mask-labels: which labels to draw, with names and colours */
  maskLabels?: LabelSpec[];
}

export interface ImportContext {
  options: ImportOptions;
  /** the inputs' images and series (built on first call, then shared) */
  catalog(): Promise<ImageCatalog>;
  /**
   * When set, an importer may hand its findings here one by one, in order, as it reads them, and return
   * none (the box table does: a conversion packs 100,000 rows without holding them as objects).
   */
  onFinding?: (record: BoxRecord) => void;
}

export interface ImportedFindings {
  format: FindingFormat;
  findings: BoxRecord[];
  /** entries that could not be used or placed: `origin` is `file:line` or `file[index]` */
  problems: BoxParseError[];
  /** the whole source is refused (e.g. a mask that fits no series): nothing from it may be drawn */
  refused?: string;
  /** one-line facts for the summary, e.g. which series a mask was placed on */
  notes: string[];
  /** the algorithm the source names (a COCO file's info, a SEG's Segment Algorithm Name, a mask's JSON sidecar) */
  algorithm?: Partial<AlgorithmIdentity>;
}

export interface FindingImporter {
  format: FindingFormat;
  /** true when the content is this format (never by file name alone) */
  recognises(source: FindingSource): boolean;
  read(source: FindingSource, context: ImportContext): Promise<ImportedFindings>;
}

export function refused(format: FindingFormat, reason: string): ImportedFindings {
  return { format, findings: [], problems: [], refused: reason, notes: [] };
}
