/**
 * Paces a running job's progress events for the window: at most one every `minIntervalMs` (the newest
 * state wins; one that arrives too soon is sent when the interval is up, never dropped), and while the
 * job runs at least one every `heartbeatMs`, repeating the newest counts with the time moved on. So the
 * window hears from a job steadily (its rate and time left keep moving) even while every worker is on a
 * slow file, and a burst of outcomes costs one event, not one per file.
 */

export interface PacedProgress {
  /** ms since the job started, as of this state */
  elapsedMs: number;
}

export interface PacerOptions<T extends PacedProgress> {
  /** least time between two events (default 100 ms) */
  minIntervalMs?: number;
  /** most time between two events while the job runs (default 200 ms) */
  heartbeatMs?: number;
  emit(progress: T): void;
  /** the clock (ms); tests pass a fake one */
  now?(): number;
}

export interface ProgressPacer<T> {
  /** the job's newest state; `final` sends it at once (the last file: no wait) */
  update(progress: T, final?: boolean): void;
  /** no event after this (the job ended; its own end event follows) */
  stop(): void;
}

export function createProgressPacer<T extends PacedProgress>(options: PacerOptions<T>): ProgressPacer<T> {
  const minInterval = options.minIntervalMs ?? 100;
  const heartbeat = options.heartbeatMs ?? 200;
  const now = options.now ?? (() => performance.now());
  let latest: { progress: T; at: number } | undefined;
  let lastEmit = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let beat: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const send = (): void => {
    if (stopped || !latest) return;
    clearTimeout(trailing);
    trailing = undefined;
    const at = now();
    // A heartbeat repeats the counts with the time the job has run until now.
    options.emit({ ...latest.progress, elapsedMs: latest.progress.elapsedMs + (at - latest.at) });
    lastEmit = at;
    clearTimeout(beat);
    beat = setTimeout(send, heartbeat);
  };

  return {
    update(progress, final = false) {
      if (stopped) return;
      latest = { progress, at: now() };
      const wait = lastEmit + minInterval - latest.at;
      if (final || wait <= 0) send();
      else trailing ??= setTimeout(send, wait);
    },
    stop() {
      stopped = true;
      clearTimeout(trailing);
      clearTimeout(beat);
    },
  };
}
