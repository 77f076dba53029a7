import type { TwinImage } from '../twin/types';
import type { ImageWarning } from './image-warnings';
import type { OutputStop } from './write-output';

/**
 * How one input ended. Errors are values: the reason is a sentence a person can act on, without the
 * path (the CLI and the app print the path beside it).
 */
export type FileOutcome =
  | {
      status: 'converted';
      input: string;
      output: string;
      frames: number;
      /** the derived series written to: one per source series and version (series-version.ts) */
      seriesInstanceUid?: string;
      /** boxes burned into this image, all frames together */
      boxesDrawn: number;
      /** origins (`file:line`) of the box rows that matched this image */
      matchedBoxOrigins: string[];
      /** boxes past the image's edges, a preset that does not fit the series (image-warnings.ts) */
      warnings?: ImageWarning[];
      /** with --twin: what the presentation state and report writers need of this image */
      twin?: TwinImage;
    }
  | {
      status: 'skipped';
      input: string;
      reason: string;
      matchedBoxOrigins?: string[];
      /** the output that already exists (kept, not replaced): a rerun with --send still delivers it */
      existingOutput?: string;
      /** with --twin, when the existing output is the one this run would write: as for 'converted' */
      twin?: TwinImage;
    }
  | {
      status: 'failed';
      input: string;
      reason: string;
      matchedBoxOrigins?: string[];
      /** set when no other output can be written either (disk full, read-only): the run stops */
      stop?: OutputStop;
    };

export type FileStatus = FileOutcome['status'];

export function failed(input: string, reason: string): FileOutcome {
  return { status: 'failed', input, reason };
}

export function skipped(input: string, reason: string): FileOutcome {
  return { status: 'skipped', input, reason };
}

/** Message of any thrown value, for reasons built from exceptions thrown by libraries. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'number') return `decoder error code ${error}`;
  return String(error);
}
