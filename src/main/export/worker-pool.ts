import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ConvertInput } from '../convert/convert-settings';
import type { FileOutcome } from '../convert/outcome';
import { messageOf } from '../convert/outcome';
import type { FromWorker, ToWorker, WorkerInit } from './messages';
import { channelReader, createChannelMemory, type ChannelReader } from './outcome-channel';

export interface PoolOptions {
  workerPath: string;
  init: WorkerInit;
  size: number;
  fileTimeoutMs: number;
  /** after cancellation, how long files already handed out may take before their workers are ended */
  graceMs: number;
  signal?: AbortSignal;
  /**
   * how long an ended worker that was converting a file may take to stop before it is reported as a thread
   * that could not be stopped (default 3 s)
   */
  stopWaitMs?: number;
  onOutcome: (outcome: FileOutcome) => void;
}

/**
 * A worker thread that was ended while converting `file` but did not stop: it is blocked inside a system
 * call (a read from a stalled network share, a device), where a thread cannot be interrupted. It stays
 * until that call returns; the process may not exit before then.
 */
export interface UnstoppableThread {
  file: string;
  threadId: number;
}

/** `unstoppable` is present only when some thread could not be stopped. */
export type PoolEnd =
  | { kind: 'drained'; unstoppable?: UnstoppableThread[] }
  | { kind: 'cancelled'; unstoppable?: UnstoppableThread[] }
  | { kind: 'failed'; reason: string; unstoppable?: UnstoppableThread[] };

const DEFAULT_STOP_WAIT_MS = 3_000;

interface Job {
  id: number;
  input: ConvertInput;
}

interface Slot {
  worker: Worker;
  /** where the worker leaves its outcomes (it posts a message when they should be read) */
  channel: ChannelReader;
  /** files sent to this worker in all */
  sent: number;
  /** files sent to the worker, oldest first; the worker converts them in order, so the head is the one in progress */
  queue: Job[];
  timer?: NodeJS.Timeout;
  feeding: boolean;
  retired: boolean;
  /** moving average of ms between this worker's outcomes (its pace), once it has two */
  paceMs?: number;
  lastOutcomeAt?: number;
}

/** A JS heap ceiling per worker: a file that makes the converter grow without bound fails alone. */
const WORKER_HEAP_MB = 768;
/**
 * Files queued per worker: the next file is already there when one ends, so a busy machine's
 * scheduling delay between threads never leaves a worker idle. Only paths are queued (a worker reads
 * one file at a time), so the depth costs no memory.
 */
const MIN_QUEUE_DEPTH = 2;
const MAX_QUEUE_DEPTH = 128;
/**
 * How much work (by the worker's recent pace) to keep queued. On a loaded 2-core machine the main
 * thread sometimes gets the CPU back only ~10 ms after an outcome; two 2 ms slices do not cover that
 * (measured: a worker's queue ran dry on ~25% of files, idle ~30% of the run). Workers report when
 * half their queue is done (see outcome-channel.ts), so half of this is the time the pool has to
 * refill it. Each report wakes the main thread, which on a loaded machine cost the worker ~0.7 ms or
 * more per post (issue 26): 200 ms rather than 50 ms of work queued means a quarter of the reports for
 * small files (posts of a 2,000-file run, one worker: 243 -> 101). Counting in time, not files, keeps
 * slow files (large, multi-frame) at the minimum depth, so cancelling or a hung file still holds back
 * at most one queued file there; fast files are cancelled within ~200 ms of work.
 */
const QUEUE_AHEAD_MS = 200;

/**
 * While any worker is running, the pool reads every worker's outcome channel this often, whether the
 * worker posted or not. A worker posts only when a file ends (and not after every file), so on a busy
 * machine, or while one slow file holds a worker, finished outcomes could wait in shared memory for
 * hundreds of ms; progress shown from them would then stall (the app's target: an update at least every
 * 250 ms). Reading the channel is a few shared-memory loads: ten times a second costs nothing.
 */
export const CHANNEL_POLL_MS = 100;

/** Files to keep queued on `slot`: MIN until it has a pace, then enough for QUEUE_AHEAD_MS of work. */
function queueDepth(slot: Slot): number {
  if (slot.paceMs === undefined) return MIN_QUEUE_DEPTH;
  const wanted = Math.ceil(QUEUE_AHEAD_MS / Math.max(slot.paceMs, 0.1));
  return Math.min(MAX_QUEUE_DEPTH, Math.max(MIN_QUEUE_DEPTH, wanted));
}

/** Updates the slot's pace (a moving average of the time per file) when `count` outcomes arrive together. */
function notePace(slot: Slot, now: number, count: number): void {
  if (slot.lastOutcomeAt !== undefined) {
    const interval = (now - slot.lastOutcomeAt) / count;
    slot.paceMs = slot.paceMs === undefined ? interval : slot.paceMs * 0.75 + interval * 0.25;
  }
  slot.lastOutcomeAt = now;
}

/**
 * Converts every input the source yields on `size` worker threads. Only a bounded number of paths is
 * ever handed out, so memory does not grow with the folder size. A worker that crashes, runs out of
 * memory or exceeds the per-file timeout fails the file it was converting and is replaced (its queued
 * files go to other workers); cancellation stops handing out files, then ends the workers still busy
 * after `graceMs`.
 */
export function runPool(source: AsyncIterator<ConvertInput>, options: PoolOptions): Promise<PoolEnd> {
  return new Promise((resolvePool) => {
    const slots = new Set<Slot>();
    const returned: ConvertInput[] = [];
    let nextId = 0;
    let sourceDone = false;
    let ended = false;
    let graceTimer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined = undefined;
    /** workers ended while a file was in progress, until they have stopped */
    const stopping: { file: string; threadId: number; stopped: Promise<boolean> }[] = [];

    const finish = (end: PoolEnd): void => {
      if (ended) return;
      ended = true;
      clearTimeout(graceTimer);
      clearInterval(poll);
      options.signal?.removeEventListener('abort', onAbort);
      for (const slot of [...slots]) retire(slot);
      void unstoppableThreads(stopping, options.stopWaitMs ?? DEFAULT_STOP_WAIT_MS).then((stuck) =>
        resolvePool(stuck.length > 0 ? { ...end, unstoppable: stuck } : end),
      );
    };

    const checkDone = (): void => {
      if (slots.size === 0) finish(options.signal?.aborted ? { kind: 'cancelled' } : { kind: 'drained' });
    };

    const pull = async (): Promise<ConvertInput | undefined> => {
      if (options.signal?.aborted) return undefined;
      const again = returned.shift();
      if (again) return again;
      if (sourceDone) return undefined;
      const next = await source.next();
      if (next.done) sourceDone = true;
      return next.done ? undefined : next.value;
    };

    function retire(slot: Slot): void {
      if (slot.retired) return;
      slot.retired = true;
      clearTimeout(slot.timer);
      slots.delete(slot);
      // Files finished but not yet reported are in the channel: the one in progress comes after them.
      for (const { id, outcome } of slot.channel.drain()) accept(slot, id, outcome);
      const threadId = slot.worker.threadId;
      const stopped = slot.worker.terminate().then(
        () => true,
        () => true,
      );
      const current = slot.queue[0];
      if (current) stopping.push({ file: current.input.path, threadId, stopped });
    }

    function armTimer(slot: Slot): void {
      clearTimeout(slot.timer);
      if (slot.queue.length === 0) return;
      slot.timer = setTimeout(() => {
        const seconds = Math.round(options.fileTimeoutMs / 1000);
        lose(
          slot,
          `it made no progress for ${seconds} s (no frame converted), so it was stopped; the file may be corrupt`,
        );
      }, options.fileTimeoutMs);
    }

    /** The worker died or hung: its current file fails with `reason`, its queued files go back to the pool. */
    function lose(slot: Slot, reason: string): void {
      if (slot.retired) return;
      // Outcomes the worker finished before it died or hung are still in the channel: its current file
      // is the first one after them.
      takeOutcomes(slot);
      if (slot.retired) return;
      retire(slot);
      const [current, ...queued] = slot.queue;
      slot.queue = [];
      if (current) options.onOutcome({ status: 'failed', input: current.input.path, reason });
      returned.push(...queued.map((job) => job.input));
      if (!ended && !options.signal?.aborted && (!sourceDone || returned.length > 0)) spawn();
      checkDone();
    }

    async function feed(slot: Slot): Promise<void> {
      if (slot.feeding) return;
      slot.feeding = true;
      try {
        while (!ended && !slot.retired && slot.queue.length < queueDepth(slot)) {
          const input = await pull();
          if (ended || slot.retired) {
            if (input) returned.push(input);
            return;
          }
          if (!input) break;
          const job: Job = { id: nextId++, input };
          slot.queue.push(job);
          if (slot.queue.length === 1) armTimer(slot);
          const message: ToWorker = { type: 'convert', id: job.id, input };
          slot.worker.postMessage(message);
          slot.sent++;
          // The worker reports when half of what it holds is done: the rest covers the refill's delay.
          slot.channel.flushAt(slot.sent - Math.floor(queueDepth(slot) / 2));
        }
      } catch (error) {
        finish({ kind: 'failed', reason: `could not list the input files: ${messageOf(error)}` });
        return;
      } finally {
        slot.feeding = false;
      }
      if (slot.queue.length === 0 && !slot.retired) {
        retire(slot);
        checkDone();
      }
    }

    /** Takes the outcomes waiting in the slot's channel; true when there were any. */
    function takeOutcomes(slot: Slot): boolean {
      const records = slot.channel.drain();
      if (records.length === 0) return false;
      notePace(slot, performance.now(), records.length);
      for (const { id, outcome } of records) accept(slot, id, outcome);
      return true;
    }

    function accept(slot: Slot, id: number, outcome: FileOutcome): void {
      const index = slot.queue.findIndex((job) => job.id === id);
      if (index < 0) return;
      slot.queue.splice(index, 1);
      options.onOutcome(outcome);
    }

    function spawn(): void {
      const memory = createChannelMemory();
      const worker = new Worker(options.workerPath, {
        workerData: { ...options.init, channel: memory },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      const slot: Slot = {
        worker,
        channel: channelReader(memory),
        sent: 0,
        queue: [],
        feeding: false,
        retired: false,
      };
      slots.add(slot);
      worker.on('message', (message: FromWorker) => {
        if (slot.retired) return;
        // Outcomes in the channel were finished before this message was posted: they come first.
        const took = takeOutcomes(slot);
        if (slot.retired) return;
        switch (message.type) {
          case 'ready':
            void feed(slot);
            return;
          case 'init-failed':
            finish({ kind: 'failed', reason: message.reason });
            return;
          case 'progress':
            // A long multi-frame file is not hung while it keeps making frames: its timer starts again.
            if (took || slot.queue[0]?.id === message.id) armTimer(slot);
            if (took) void feed(slot);
            return;
          case 'outcomes':
            armTimer(slot);
            void feed(slot);
            return;
          case 'outcome': {
            if (!took) notePace(slot, performance.now(), 1);
            accept(slot, message.id, message.outcome);
            if (slot.retired) return;
            armTimer(slot);
            void feed(slot);
            return;
          }
        }
      });
      // An outcome the worker posted just before it died can be dispatched after the 'error' or 'exit'
      // event: let messages already delivered run first, so a finished file is not blamed for the crash.
      worker.on('error', (error) =>
        setImmediate(() => lose(slot, `the converter stopped on this file (${messageOf(error)})`)),
      );
      worker.on('exit', (code) =>
        setImmediate(() => lose(slot, `the converter exited (code ${code}) while converting this file`)),
      );
    }

    function onAbort(): void {
      graceTimer = setTimeout(() => {
        for (const slot of [...slots]) {
          takeOutcomes(slot);
          for (const job of slot.queue) {
            options.onOutcome({
              status: 'skipped',
              input: job.input.path,
              reason: 'cancelled before it finished',
            });
          }
          retire(slot);
          slot.queue = [];
        }
        checkDone();
      }, options.graceMs);
      // Idle workers (starting, or waiting for a path) end now.
      for (const slot of [...slots]) if (slot.queue.length === 0) retire(slot);
      checkDone();
    }

    if (options.signal?.aborted) {
      finish({ kind: 'cancelled' });
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < Math.max(1, options.size); i++) spawn();
    poll = setInterval(() => {
      for (const slot of [...slots]) {
        // As when the worker posts 'outcomes': it made progress, so its timer starts again, and it is fed.
        if (slot.retired || !takeOutcomes(slot) || slot.retired) continue;
        armTimer(slot);
        void feed(slot);
      }
    }, CHANNEL_POLL_MS);
    poll.unref();
  });
}

/**
 * The threads among `stopping` that have not stopped within `waitMs` (all are waited for together). A
 * thread blocked in a system call never ends on `terminate()`, so the wait is bounded.
 */
async function unstoppableThreads(
  stopping: readonly { file: string; threadId: number; stopped: Promise<boolean> }[],
  waitMs: number,
): Promise<UnstoppableThread[]> {
  if (stopping.length === 0) return [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  const done = stopping.map(() => false);
  await Promise.race([Promise.all(stopping.map((s, i) => s.stopped.then(() => (done[i] = true)))), deadline]);
  clearTimeout(timer);
  return stopping.flatMap((s, i) => (done[i] ? [] : [{ file: s.file, threadId: s.threadId }]));
}
