/**
 * The app's export messages: what the renderer asks main to write, and the progress main pushes back.
 * Plain data, shared by both transports (see contract.ts).
 */
import type { Finder, OutlinePlacement, Rgb } from '../boxes/model';
import type { PackedRegion } from '../boxes/packed-region';
import type { WindowSpec } from '../pipeline/types';
import type { NoticeChoice } from '../boxes/notice';
import type { AlgorithmIdentity } from '../findings/algorithm-identity';
import type { ReviewState } from '../review/review-state';

/** A box as the export burns it: the image by SOP Instance UID (0008,0018), pixels inclusive, 1-based frame. */
export interface ExportBox {
  sopInstanceUid: string;
  frame: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: Rgb;
  /** outline width in image pixels, as shown in the viewer */
  thickness: number;
  label?: string;
  /** the detector's confidence (0-1), burned after the label */
  score?: number;
  /** a mask outline: x1..y2 bound the region, the outline follows it (outside), as in the viewer */
  region?: PackedRegion;
  /** the finding's identifier (the report's Tracking Identifier) */
  id?: string;
  /** the reader's verdict: a rejected box is not burned in, the report records every state */
  review?: ReviewState;
  /** 'reader' for a box the reader drew: an image whose findings are all the reader's gets no AI notice */
  finder?: Finder;
}

export interface ExportRequest {
  /** files of the library, or opened folders ("everything open") */
  inputs: string[];
  /** absolute output folder, chosen by the user */
  outDir: string;
  window: WindowSpec;
  /** outline width in image pixels for boxes without their own (box files imported without a thickness) */
  thickness: number;
  /** where box outlines lie (`convert --outline`; absent: outside) */
  outline?: OutlinePlacement;
  labels: boolean;
  /** with a preset: files it does not fit (not CT, or CT not in HU) get their own window instead */
  ownWindowWherePresetMisfits?: boolean;
  /** replace files already in the output folder (otherwise they are skipped, with the reason) */
  overwrite: boolean;
  boxes: ExportBox[];
  /** send each output, once verified, to this saved destination name or URL (as `convert --send`) */
  sendTo?: string;
  /** with sendTo: withdraw the earlier version there once this one arrived whole (IHE IOCM, --supersede) */
  supersede?: boolean;
  /**
   * also write a presentation state per series and/or a TID 1500 report per study of the findings, beside
   * the burned-in copies (as `convert --twin`; default none)
   */
  twin?: ExportTwin;
  /** with a segmentation (seg, all): boxes too, each a filled rectangle on its slice (as `--seg-boxes`) */
  segBoxes?: boolean;
  /** who reviewed the findings (DICOM PN): the report's observer, and verifier when all are reviewed */
  reviewer?: string;
  /** refuse the export while any finding is unreviewed ("Only when every finding is reviewed") */
  requireReview?: boolean;
  /** the AI notice on each image with a finding (as `convert --notice`; absent: auto, as the CLI) */
  notice?: NoticeChoice;
  /** the algorithm that found the findings (the imported files' identity, as `convert --algorithm`) */
  algorithm?: AlgorithmIdentity;
}

/** The machine-readable twins an export can write beside the burned-in copies (`convert --twin`). */
/** The twins the dialog offers: the `--twin` values (seg = segmentation, kos = key images, all = every kind). */
export type ExportTwin = 'none' | 'gsps' | 'sr' | 'both' | 'seg' | 'kos' | 'all';

/** A presentation state or report the export wrote (or could not write), after the images. */
export interface ExportTwinResult {
  kind: 'presentation state' | 'structured report' | 'segmentation' | 'key object selection';
  status: 'written' | 'skipped' | 'failed';
  output: string;
  /** written: the findings and images it covers; otherwise the reason */
  detail: string;
}

/** A file that was not written, and why (the engine's sentence). */
export interface ExportProblem {
  input: string;
  reason: string;
}

/** The most problems listed in one event; the counts are always exact. */
export const MAX_LISTED_PROBLEMS = 200;

export type ExportProgress =
  | {
      jobId: string;
      state: 'running';
      done: number;
      /** files to look at, once counted */
      total?: number;
      converted: number;
      skipped: number;
      failed: number;
      elapsedMs: number;
    }
  | {
      jobId: string;
      state: 'completed' | 'cancelled';
      outDir: string;
      converted: number;
      skippedCount: number;
      failedCount: number;
      skipped: ExportProblem[];
      failed: ExportProblem[];
      /** boxes that named no exported image and frame */
      unmatchedBoxes: number;
      /**
       * files whose converter thread could not be stopped (blocked inside a system call), with the reason;
       * absent when every thread stopped
       */
      unstoppable?: ExportProblem[];
      /** with a twin choice: the presentation states and reports, written after the images */
      twins?: ExportTwinResult[];
      /** what the importers and twin writers said (e.g. why no segmentation was written), in the app's words */
      notes?: string[];
      elapsedMs: number;
    }
  | { jobId: string; state: 'failed'; reason: string };
