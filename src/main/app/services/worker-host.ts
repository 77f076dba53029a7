/**
 * Keeps one worker thread alive for a client: started on first use, restarted on the next use after it
 * crashes (the client is told what was lost, so requests in flight end with an error value instead of
 * hanging), and unreferenced while idle so an idle worker never keeps the process running.
 */
import type { Worker } from 'node:worker_threads';

export interface WorkerHostOptions<In, Out> {
  spawn: () => Worker;
  /** posted first to every worker started (the first and each replacement) */
  prepare?: In;
  /** narrows what the worker sent; undefined drops the message */
  parse: (raw: unknown) => Out | undefined;
  onMessage: (message: Out) => void;
  /** the worker died with `reason`; everything in flight on it is lost */
  onLost: (reason: string) => void;
}

export interface WorkerHost<In> {
  /** false once the host was terminated (the app is shutting down): nothing was sent */
  post(message: In, transfer?: ArrayBuffer[]): boolean;
  /** busy = requests in flight: the worker then keeps the process alive until they are answered */
  setBusy(busy: boolean): void;
  /** starts the worker now rather than on the first request, so that request does not wait for it */
  warm(): void;
  /**
   * Drops the current worker (it is stuck) and lets the next post start a fresh one. Termination is not
   * awaited: a thread blocked inside a system call cannot be stopped, and nothing may wait on it.
   */
  replace(): void;
  terminate(): Promise<void>;
}

export function createWorkerHost<In, Out>(options: WorkerHostOptions<In, Out>): WorkerHost<In> {
  let worker: Worker | undefined;
  let busy = false;
  let terminated = false;

  const lose = (from: Worker, reason: string): void => {
    if (worker !== from) return; // already replaced or terminated on purpose
    worker = undefined;
    void from.terminate();
    options.onLost(reason);
  };

  const start = (): Worker => {
    const started = options.spawn();
    started.on('message', (raw: unknown) => {
      const message = options.parse(raw);
      if (message !== undefined) options.onMessage(message);
    });
    started.on('error', (error: Error) => lose(started, error.message));
    started.on('exit', (code) => lose(started, `it exited with code ${code}`));
    if (!busy) started.unref();
    if (options.prepare !== undefined) started.postMessage(options.prepare);
    return started;
  };

  return {
    post(message, transfer = []) {
      if (terminated) return false;
      worker ??= start();
      worker.postMessage(message, transfer);
      return true;
    },
    warm() {
      if (!terminated) worker ??= start();
    },
    replace() {
      const current = worker;
      worker = undefined;
      if (current) void current.terminate();
    },
    setBusy(next) {
      busy = next;
      if (next) worker?.ref();
      else worker?.unref();
    },
    async terminate() {
      terminated = true;
      const current = worker;
      worker = undefined;
      if (current) await current.terminate();
    },
  };
}
