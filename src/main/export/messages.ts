import type { PackedBoxes } from '../../shared/boxes/packed-boxes';
import type { ConvertInput, ConvertSettings } from '../convert/convert-settings';
import type { FileOutcome } from '../convert/outcome';

/** Given to each worker once, as workerData: the settings and the job's boxes (shared, not copied). */
export interface WorkerInit {
  settings: ConvertSettings;
  /** the job's box rows in shared memory, one copy for every thread; absent: none */
  boxes?: PackedBoxes;
  /** real path of the output root, which every output's folder must resolve inside */
  outputRoot: string;
  /** shared memory the worker writes its outcomes into (outcome-channel.ts); absent: one message each */
  channel?: SharedArrayBuffer;
}

/** Parent -> worker. */
export type ToWorker = { type: 'convert'; id: number; input: ConvertInput };

/** Worker -> parent. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-failed'; reason: string }
  | { type: 'outcome'; id: number; outcome: FileOutcome }
  /** outcomes are waiting in the shared channel */
  | { type: 'outcomes' }
  /** file `id` is still being converted and has made a frame since the last such message (at most 1/s) */
  | { type: 'progress'; id: number };
