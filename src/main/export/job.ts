import type { FindingsPlacement } from './findings-placement';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import type { UnstoppableThread } from './worker-pool';
import type { BoxParseError, BoxRecord } from '../../shared/boxes/model';
import type { ConvertSettings } from '../convert/convert-settings';
import type { FileOutcome } from '../convert/outcome';
import type { ImportOptions } from '../findings/importer';
import type { TwinOutcome } from '../twin/write-twins';
import type { Shard } from '../convert/shard';
import type { OutcomeTally } from './outcome-tally';
import type { SeriesVersion } from '../versions/series-version';

/** A conversion asked for by the CLI or the app. */
export interface ConversionJob {
  /** files and folders to convert */
  inputs: string[];
  /** also convert the paths listed in this file, one per line (`-`: standard input) */
  inputsFrom?: string;
  /** convert only this share of the inputs (by a hash of each output-relative path) */
  shard?: Shard;
  /** output root; each folder input is mirrored under it */
  outDir: string;
  settings: ConvertSettings;
  /** --algorithm and its kin: each field given wins over what a findings file names (COCO info, SEG) */
  algorithm?: Partial<AlgorithmIdentity>;
  /** CSV or JSON box file (the app's export writes its boxes to one) */
  boxFile?: string;
  /** findings already placed (the app's mask outlines, whose regions a box file cannot carry) */
  findings?: BoxRecord[];
  /** --boxes: any finding file or folder whose format is recognised from content (src/main/findings) */
  boxFiles?: string[];
  /** --masks: NIfTI label masks and DICOM SEG */
  maskFiles?: string[];
  /** how masks are drawn and which of their labels */
  importOptions?: ImportOptions;
  /** worker threads (default: os.availableParallelism()) */
  jobs?: number;
  /** a file still converting after this long fails and its worker is replaced (default 120 s) */
  fileTimeoutMs?: number;
  /**
   * real paths a folder walk may not leave (the app: its opened folders); links leading elsewhere are
   * reported as skipped and never read. Absent: links are followed anywhere (the CLI).
   */
  confineTo?: string[];
  /** folders a named file is mirrored under (the app's opened folders; see EnumerateOptions.mirrorFrom) */
  mirrorFrom?: string[];
  /** bundled worker entry (default: dist/convert.worker.cjs beside the running bundle) */
  workerPath?: string;
}

export interface ConversionProgress {
  done: number;
  converted: number;
  skipped: number;
  failed: number;
  /** number of files to look at, once the count has finished (it runs beside the conversion) */
  total?: number;
  elapsedMs: number;
  /** the outcome that moved the counters */
  last?: FileOutcome;
}

export interface ConversionReport {
  /** every input's outcome, unless the caller asked not to keep them (hooks.keepOutcomes false): then [] */
  outcomes: FileOutcome[];
  /** counts, and reasons with a few example inputs each: bounded whatever the number of files */
  tally: OutcomeTally;
  /** box rows that could not be used, with their line (CSV) or index (JSON) */
  boxErrors: BoxParseError[];
  /** origins of box rows that matched no image and frame among the inputs */
  unmatchedBoxes: string[];
  /** what the importers say about where findings went, e.g. the series a mask was placed on */
  findingNotes?: string[];
  /** inputs left out because another input covers them (same real path, or inside a folder input) */
  inputNotes?: string[];
  /** rows on images already converted, clipped boxes, presets that do not fit a series, unmatched reasons */
  placement?: FindingsPlacement;
  /**
   * converter threads ended while converting a file that did not stop (blocked inside a system call, e.g.
   * a read from stalled storage): the file each was on. Absent when every thread stopped.
   */
  unstoppable?: UnstoppableThread[];
  /** with --twin: the presentation states and reports written (or not) after the images */
  twins?: TwinOutcome[];
  /** the version of the derived series this run wrote (series-version.ts) */
  version?: SeriesVersion;
  /** the output root the version was written into */
  outRoot?: string;
  elapsedMs: number;
}

/** How a conversion ended: exhaustively one of these. */
export type ConversionSummary =
  | ({ status: 'completed' } & ConversionReport)
  | ({ status: 'cancelled' } & ConversionReport)
  /** no output could be written any more (disk full, read-only): the run stopped at the first such file */
  | ({ status: 'stopped'; reason: string } & ConversionReport)
  | { status: 'failed'; reason: string; cause: FailureCause };

/** Why a job could not run at all: a bad input or box path (the user's to fix) or the engine itself. */
export type FailureCause = 'inputs' | 'box-file' | 'findings' | 'output' | 'engine';

export interface ConversionHooks {
  signal?: AbortSignal;
  onProgress?: (progress: ConversionProgress) => void;
  /** count the inputs beside the conversion so progress can show a total (one extra folder walk) */
  countTotal?: boolean;
  /** each input's outcome as it ends (the CLI streams them into the --report file) */
  onOutcome?: (outcome: FileOutcome) => void;
  /** keep every outcome in the summary (default true); false keeps only the bounded tally */
  keepOutcomes?: boolean;
  /** each presentation state or report once written (or skipped, or failed), after the images */
  onTwin?: (outcome: TwinOutcome) => void;
}
