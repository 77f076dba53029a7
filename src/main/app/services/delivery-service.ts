/**
 * The app's deliveries to a PACS, run in main by the CLI's engine: resolveDestination, pacsTarget and
 * createDelivery, the same calls as `dicom-ink send` and `convert --send` (one delivery interface). A
 * delivery sends one export job's outputs, either each as soon as it is verified (the export was started
 * with a destination) or all at once afterwards ("Send to..."). Progress is pushed, throttled; the end
 * lists every instance's outcome. The delivery log in the output folder is the CLI's, so a rerun from
 * either sends only what is missing.
 */
import type { IpcResult } from '../../../shared/ipc/contract';
import type { DeliveryEvent } from '../../../shared/ipc/delivery';
import type { Delivery, DeliveryProgress, DeliveryReport, RetryPolicy } from '../../delivery/deliver';
import { createDelivery } from '../../delivery/deliver';
import { resolveDestination } from '../../delivery/destinations-store';
import { describeDestination } from '../../delivery/destination';
import { pacsTarget } from '../../delivery/target';
import { deliveryCounts, listedOutcomes } from './delivery-outcomes';
import type { JobOutputs } from './job-outputs';
import { configDir } from '../../delivery/config-dir';
import { recordAndSupersede, supersedeLine } from '../../versions/supersede';

/** One export job's delivery: hand over each output, then end. */
export interface AppDelivery {
  deliveryId: string;
  add(file: string): void;
  /** no more files; `incomplete` says why the export's version is not whole (nothing is withdrawn then) */
  end(incomplete?: string): void;
}

export interface OpenOptions {
  /** withdraw the earlier version at the destination once this one arrived whole (IHE IOCM) */
  supersede?: boolean;
}

export interface DeliveryService {
  /** a delivery for an export that is about to run; `signal` (the export's cancel) cancels it too */
  open(
    jobId: string,
    to: string,
    outDir: string,
    signal?: AbortSignal,
    options?: OpenOptions,
  ): Promise<IpcResult<AppDelivery>>;
  /** sends everything the export job wrote ("Send to...") */
  sendJob(jobId: string, to: string): Promise<IpcResult<{ deliveryId: string }>>;
  cancel(deliveryId: string): boolean;
  onProgress(listener: (event: DeliveryEvent) => void): () => void;
  idle(): Promise<void>;
  dispose(): void;
}

export interface DeliveryDeps {
  outputs: JobOutputs;
  /** default: the user's destinations.json */
  destinationsFile?: string;
  /** associations or HTTP requests at once (default 2, as the CLI's --connections) */
  connections?: number;
  retry?: RetryPolicy;
  /** minimum ms between two running events of one delivery (default 100) */
  progressIntervalMs?: number;
  /** where the ledger of delivered versions is kept (default: the user's configuration folder) */
  configFolder?: string;
}

export function createDeliveryService(deps: DeliveryDeps): DeliveryService {
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  const listeners = new Set<(event: DeliveryEvent) => void>();
  const interval = deps.progressIntervalMs ?? 100;
  let nextId = 1;
  const emit = (event: DeliveryEvent): void => {
    for (const listener of listeners) listener(event);
  };

  async function open(
    jobId: string,
    to: string,
    outDir: string,
    signal?: AbortSignal,
    options: OpenOptions = {},
  ): Promise<IpcResult<AppDelivery>> {
    const destination = await resolveDestination(to, {}, deps.destinationsFile);
    if (!destination.ok) return { ok: false, error: `Cannot send: ${destination.reason}.` };
    const deliveryId = `send-${nextId++}`;
    const target = describeDestination(destination.value);
    const abort = new AbortController();
    const onOuterAbort = (): void => abort.abort();
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (signal?.aborted) abort.abort();
    const progress = throttled(interval, (p: DeliveryProgress) =>
      emit({ deliveryId, jobId, state: 'running', target, ...progressFields(p) }),
    );
    const pacs = pacsTarget(destination.value, deps.connections ?? 2);
    const sending = { ...(deps.retry ? { retry: deps.retry } : {}), signal: abort.signal };
    const delivery: Delivery = createDelivery(pacs, { ...sending, onProgress: progress.push });
    let ended: (incomplete: string | undefined) => void = () => undefined;
    const endCalled = new Promise<string | undefined>((resolve) => (ended = resolve));
    const done = endCalled
      .then(async (incomplete) => {
        const report = await delivery.end();
        progress.stop();
        const superseded = await recordAndSupersede({
          target: pacs,
          report,
          supersede: options.supersede === true,
          configFolder: deps.configFolder ?? configDir(),
          delivery: sending,
          ...(incomplete === undefined ? {} : { incomplete }),
        });
        return { report, superseded: superseded && supersedeLine(superseded, target) };
      })
      .finally(() => progress.stop())
      .then(
        ({ report, superseded }) => emit(finished(deliveryId, jobId, target, report, outDir, superseded)),
        (error: unknown) =>
          emit({
            deliveryId,
            jobId,
            state: 'failed',
            reason: `The delivery stopped: ${error instanceof Error ? error.message : String(error)}`,
          }),
      )
      .finally(() => {
        progress.stop();
        signal?.removeEventListener('abort', onOuterAbort);
        running.delete(deliveryId);
      });
    running.set(deliveryId, { abort, done });
    emit({
      deliveryId,
      jobId,
      state: 'running',
      target,
      queued: 0,
      allQueued: false,
      delivered: 0,
      failed: 0,
      skipped: 0,
      retrying: 0,
      elapsedMs: 0,
    });
    return {
      ok: true,
      value: {
        deliveryId,
        add: (file) => delivery.add(file, outDir),
        end: (incomplete) => ended(incomplete),
      },
    };
  }

  return {
    open,
    async sendJob(jobId, to) {
      const written = deps.outputs.get(jobId);
      if (!written || written.files.length === 0)
        return { ok: false, error: 'This export wrote no files, so there is nothing to send.' };
      const opened = await open(jobId, to, written.outDir);
      if (!opened.ok) return opened;
      for (const file of written.files) opened.value.add(file);
      opened.value.end();
      return { ok: true, value: { deliveryId: opened.value.deliveryId } };
    },
    cancel(deliveryId) {
      const delivery = running.get(deliveryId);
      if (!delivery || delivery.abort.signal.aborted) return false;
      delivery.abort.abort();
      return true;
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await Promise.all([...running.values()].map((d) => d.done));
    },
    dispose() {
      for (const delivery of running.values()) delivery.abort.abort();
    },
  };
}

/**
 * At most one call per `intervalMs`; the latest value skipped in between is delivered when the interval
 * ends (so "3 waiting to retry" is not left at the first of the three).
 */
export function throttled<T>(
  intervalMs: number,
  send: (value: T) => void,
): { push(value: T): void; stop(): void } {
  let last = 0;
  let pending: { value: T } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const flush = (): void => {
    timer = undefined;
    if (!pending || stopped) return;
    const { value } = pending;
    pending = undefined;
    last = Date.now();
    send(value);
  };
  return {
    push(value) {
      if (stopped) return;
      pending = { value };
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function progressFields(p: DeliveryProgress) {
  return {
    queued: p.queued,
    allQueued: p.allQueued,
    delivered: p.delivered,
    failed: p.failed,
    skipped: p.skipped,
    retrying: p.retrying,
    elapsedMs: p.elapsedMs,
  };
}

function finished(
  deliveryId: string,
  jobId: string,
  target: string,
  report: DeliveryReport,
  outDir: string,
  superseded?: string,
): DeliveryEvent {
  return {
    deliveryId,
    jobId,
    state: report.status,
    target,
    sentNow: report.sentNow,
    elapsedMs: report.elapsedMs,
    outcomes: listedOutcomes(report, outDir),
    ...deliveryCounts(report.outcomes),
    ...(report.logError !== undefined ? { logError: report.logError } : {}),
    ...(superseded ? { superseded } : {}),
  };
}
