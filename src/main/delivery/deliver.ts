import { performance } from 'node:perf_hooks';
import { DeliveryLog, stampOf } from './delivery-log';
import type { FileStamp } from './delivery-log';
import { readInstance } from './instance-file';
import type { InstanceInfo } from './instance-file';
import { afterAnswer } from './answer-transition';
import type { RetryPolicy } from './answer-transition';
import type { Answer, DeliveryOutcome } from './outcome';
import type { DeliveryTarget } from './target';

export type { RetryPolicy };

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000 };

export interface DeliveryProgress {
  /** files handed over so far, and whether that is all of them */
  queued: number;
  allQueued: boolean;
  delivered: number;
  /** of those delivered, how many were sent in this run (the rest were delivered earlier) */
  sentNow: number;
  failed: number;
  skipped: number;
  /** instances waiting for a retry after a transient failure */
  retrying: number;
  elapsedMs: number;
  last?: DeliveryOutcome;
}

export interface DeliveryOptions {
  retry?: RetryPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** ignore the delivery log: send everything again */
  resend?: boolean;
  onProgress?: (progress: DeliveryProgress) => void;
}

export interface DeliveryReport {
  target: string;
  /** the target is a medium (ZIP, DICOMDIR) written afresh, not a PACS */
  media: boolean;
  status: 'completed' | 'cancelled';
  outcomes: DeliveryOutcome[];
  elapsedMs: number;
  /** instances actually sent (not already delivered) and delivered in this run */
  sentNow: number;
  /** a media target that could not be finished */
  finishError?: string;
  /** what a finished media target says of its contents (e.g. a study spanning patients) */
  mediaNotes?: string[];
  /** the delivery log could not be written */
  logError?: string;
}

interface Item {
  info: InstanceInfo;
  stamp: FileStamp;
  log?: DeliveryLog;
  attempts: number;
  notBefore: number;
  /** when it joined the queue (for the linger of partial batches) */
  readyAt: number;
}

/** How long a partial batch waits for more files while a conversion is still producing them. */
const LINGER_MS = 150;

export interface Delivery {
  /** hands over one written file; `logRoot` is the folder whose delivery log records it */
  add(file: string, logRoot: string): void;
  /** no more files: resolves when every one has an outcome */
  end(): Promise<DeliveryReport>;
}

/**
 * Delivers files to a target: reads each header, skips what the delivery log says is already there,
 * sends the rest in batches on up to `target.maxParallel` connections, retries transient failures with
 * bounded exponential back-off, never retries permanent ones, records deliveries in the log, and never
 * deletes or moves a file. Used by `dicom-ink send`, `convert --send/--zip`, `pack` and the app.
 */
export function createDelivery(target: DeliveryTarget, options: DeliveryOptions = {}): Delivery {
  const retry = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const started = performance.now();
  const outcomes: DeliveryOutcome[] = [];
  const ready: Item[] = [];
  const logs = new Map<string, Promise<DeliveryLog>>();
  const reading = new Set<Promise<void>>();
  let admitting: Promise<void> = Promise.resolve();
  let queued = 0;
  let allQueued = false;
  let sentNow = 0;
  let logError: string | undefined;
  let wake: () => void = () => undefined;
  let wakeTimer: NodeJS.Timeout | undefined;
  const cancelled = (): boolean => options.signal?.aborted === true;
  const count = (status: DeliveryOutcome['status']): number =>
    outcomes.filter((o) => o.status === status).length;

  /** Progress after an outcome, or after an instance was put back to wait for a retry (no `last`). */
  const report = (last?: DeliveryOutcome): void => {
    options.onProgress?.({
      queued,
      allQueued,
      delivered: count('delivered'),
      sentNow,
      failed: count('failed'),
      skipped: count('skipped'),
      retrying: ready.filter((i) => i.attempts > 0).length,
      elapsedMs: performance.now() - started,
      ...(last ? { last } : {}),
    });
  };
  const settle = (outcome: DeliveryOutcome): void => {
    outcomes.push(outcome);
    report(outcome);
  };
  const notify = (): void => wake();
  options.signal?.addEventListener('abort', notify, { once: true });

  const logFor = (root: string): Promise<DeliveryLog> => {
    let log = logs.get(root);
    if (!log) logs.set(root, (log = DeliveryLog.open(root)));
    return log;
  };

  async function admit(file: string, logRoot: string): Promise<void> {
    const read = await readInstance(file);
    if (!read.ok) {
      if (read.notDicom) settle({ status: 'skipped', file, reason: read.reason });
      else settle({ status: 'failed', file, transient: false, meaning: read.reason, attempts: 0 });
      return;
    }
    const stamp = (await stampOf(file)) ?? { size: read.info.size, mtimeMs: 0 };
    const log = target.logKey !== undefined ? await logFor(logRoot) : undefined;
    const before =
      log && !options.resend && target.logKey ? log.delivered(target.logKey, file, stamp) : undefined;
    if (before) {
      settle({
        status: 'delivered',
        file,
        sopInstanceUid: read.info.sopInstanceUid,
        detail: 'already-delivered',
        meaning: `delivered earlier (${before}), per the delivery log`,
        attempts: 0,
      });
      return;
    }
    ready.push({ info: read.info, stamp, log, attempts: 0, notBefore: 0, readyAt: performance.now() });
    notify();
  }

  /** `requeue`: where a transient failure waits for its retry (the batch stamps its back-off at its end). */
  function answerItem(item: Item, answer: Answer, requeue: (item: Item, afterMs: number) => void): void {
    const next = afterAnswer(item.info, item.attempts, answer, { retry, cancelled: cancelled() });
    switch (next.to) {
      case 'delivered':
        sentNow++;
        if (item.log && target.logKey)
          item.log.record(
            target.logKey,
            item.info.path,
            item.stamp,
            item.info.sopInstanceUid,
            next.outcome.detail,
          );
        return settle(next.outcome);
      case 'retry':
        return requeue(item, next.afterMs);
      case 'failed':
      case 'not-sent':
        return settle(next.outcome);
    }
  }

  /** Writes the logs touched; a log that cannot be written is reported once (deliveries stay delivered). */
  async function flushLogs(touched: readonly (DeliveryLog | undefined)[]): Promise<void> {
    for (const log of new Set(touched)) {
      await log?.flush().catch((error: unknown) => {
        logError ??= `the delivery log in ${log.root} could not be written (${(error as Error).message}); a rerun will send these files again`;
      });
    }
  }

  /**
   * Takes the next batch of items whose back-off has passed, within the target's limits. A partial batch
   * waits while more files are coming (up to LINGER_MS while a conversion produces them), so one association carries many instances.
   */
  function takeBatch(): Item[] {
    const now = performance.now();
    const due = ready.filter((item) => item.notBefore <= now);
    if (due.length === 0) return [];
    if (due.length < target.batchLimit.count) {
      // Every file is known and its header still being read: wait for a full batch or the last file.
      if (allQueued && reading.size > 0) return [];
      // A conversion is still producing files: wait a moment for more.
      const oldest = Math.min(...due.map((item) => item.readyAt));
      if (!allQueued && now - oldest < LINGER_MS) return [];
    }
    const batch: Item[] = [];
    let bytes = 0;
    for (const item of due) {
      if (batch.length >= target.batchLimit.count) break;
      if (batch.length > 0 && bytes + item.info.size > target.batchLimit.bytes) break;
      batch.push(item);
      bytes += item.info.size;
      ready.splice(ready.indexOf(item), 1);
    }
    return batch;
  }

  async function sendBatch(batch: Item[]): Promise<void> {
    for (const item of batch) item.attempts++;
    const answered = new Set<number>();
    const retries: { item: Item; afterMs: number }[] = [];
    const requeue = (item: Item, afterMs: number): void => void retries.push({ item, afterMs });
    const end = await target
      .sendBatch(
        batch.map((i) => i.info),
        {
          timeoutMs,
          signal: options.signal,
          onAnswer: (index, answer) => {
            const item = batch[index];
            if (!item || answered.has(index)) return;
            answered.add(index);
            answerItem(item, answer, requeue);
          },
        },
      )
      .catch((error: unknown) => ({
        ok: false as const,
        failure: { transient: false, meaning: `internal error: ${String(error)}` },
      }));
    for (const [index, item] of batch.entries()) {
      if (answered.has(index)) continue;
      answerItem(
        item,
        end.ok
          ? { kind: 'failed', transient: true, meaning: 'the PACS did not answer for this instance' }
          : { kind: 'failed', ...end.failure },
        requeue,
      );
    }
    // One clock reading for the whole batch: what failed together falls due together and goes out again as
    // one batch (stamped one by one, a few ms apart, the retry of one 503 was split across two requests).
    const endedAt = performance.now();
    for (const { item, afterMs } of retries) {
      item.notBefore = endedAt + afterMs;
      ready.push(item);
    }
    if (retries.length > 0) report();
    await flushLogs(batch.map((i) => i.log));
    notify();
  }

  /** Waits for new items, a finished batch, a retry's or a linger's time, or cancellation. */
  function nextEvent(): Promise<void> {
    return new Promise<void>((resolve) => {
      wake = resolve;
      const due = Math.min(...ready.map((i) => Math.max(i.notBefore, i.readyAt + LINGER_MS)));
      if (Number.isFinite(due)) wakeTimer = setTimeout(resolve, Math.max(1, due - performance.now()));
    }).then(() => clearTimeout(wakeTimer));
  }

  async function pump(): Promise<void> {
    const running = new Set<Promise<void>>();
    for (;;) {
      if (cancelled()) break;
      while (running.size < target.maxParallel) {
        const batch = takeBatch();
        if (batch.length === 0) break;
        // Wake the loop only once the batch has left `running`, or it could wait for an event that never comes.
        const sending = sendBatch(batch).finally(() => {
          running.delete(sending);
          notify();
        });
        running.add(sending);
      }
      if (allQueued && reading.size === 0 && ready.length === 0 && running.size === 0) break;
      await nextEvent();
    }
    await Promise.all(running);
  }

  /** After a cancel: everything still queued is listed as not sent. */
  function settleLeftovers(): void {
    for (const item of ready.splice(0))
      settle({
        status: 'not-sent',
        file: item.info.path,
        sopInstanceUid: item.info.sopInstanceUid,
        reason: item.attempts > 0 ? 'cancelled while waiting to retry' : 'cancelled before it was sent',
        attempts: item.attempts,
      });
  }

  const pumping = pump();
  return {
    add(file, logRoot) {
      queued++;
      if (cancelled()) {
        settle({ status: 'not-sent', file, reason: 'cancelled before it was sent', attempts: 0 });
        return;
      }
      // Headers are read one file after another, so instances are sent (and listed) in the order given.
      const read = admitting
        .then(() => admit(file, logRoot))
        .finally(() => {
          reading.delete(read);
          notify();
        });
      admitting = read;
      reading.add(read);
    },
    async end() {
      allQueued = true;
      notify();
      await Promise.all(reading);
      notify();
      await pumping;
      settleLeftovers();
      await flushLogs(await Promise.all(logs.values()));
      if (cancelled()) await target.discard?.();
      const finished = cancelled() ? undefined : await target.finish?.();
      options.signal?.removeEventListener('abort', notify);
      return {
        target: target.label,
        media: target.logKey === undefined,
        status: cancelled() ? 'cancelled' : 'completed',
        outcomes,
        elapsedMs: performance.now() - started,
        sentNow,
        ...(finished && !finished.ok ? { finishError: finished.reason } : {}),
        ...(finished?.ok && finished.notes?.length ? { mediaNotes: finished.notes } : {}),
        ...(logError !== undefined ? { logError } : {}),
      };
    },
  };
}
