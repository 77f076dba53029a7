import type { Destination } from './destination';
import { describeDestination, destinationKey } from './destination';
import type { BatchEnd, BatchOptions } from './dimse-store';
import { storeBatch } from './dimse-store';
import type { InstanceInfo } from './instance-file';
import { stowBatch } from './stow';

/** How a media target ended: `notes` are what its summary should tell (filled values, odd inputs). */
export type FinishResult = { ok: true; notes?: string[] } | { ok: false; reason: string };

/**
 * Anything outputs can be delivered to: a PACS over DIMSE or DICOMweb, or media (a ZIP, a DICOMDIR
 * folder). The delivery engine batches instances, retries transient failures and keeps the log; a target
 * only sends one batch and says what happened to each instance.
 */
export interface DeliveryTarget {
  /** shown in messages and reports (never with a secret) */
  readonly label: string;
  /** identity in the delivery log; undefined for media, which are written afresh each run */
  readonly logKey?: string;
  /** most instances and bytes sent in one batch (one association, one POST) */
  readonly batchLimit: { count: number; bytes: number };
  /** batches run at once (associations, HTTP requests); media take one */
  readonly maxParallel: number;
  sendBatch(batch: readonly InstanceInfo[], options: BatchOptions): Promise<BatchEnd>;
  /** after the last batch: media finish their files here */
  finish?(): Promise<FinishResult>;
  /** after a cancel: media remove what they had started */
  discard?(): Promise<void>;
}

/** A PACS destination as a delivery target. */
export function pacsTarget(destination: Destination, connections: number): DeliveryTarget {
  const base = {
    label: describeDestination(destination),
    logKey: destinationKey(destination),
    maxParallel: connections,
  };
  if (destination.kind === 'dimse') {
    return {
      ...base,
      batchLimit: { count: 100, bytes: 1 << 30 },
      sendBatch: (batch, options) => storeBatch(destination, batch, options),
    };
  }
  // One multipart POST per batch: bounded so a slow link still answers before the timeout.
  return {
    ...base,
    batchLimit: { count: 50, bytes: 64 << 20 },
    sendBatch: (batch, options) => stowBatch(destination, batch, options),
  };
}
