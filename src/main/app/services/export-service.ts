/**
 * The app's export: one engine job (src/main/export, worker threads) per request, paced progress pushed
 * to the renderer (progress-pacer.ts), cancel by job id. The editor's boxes go to the engine as a
 * temporary JSON box file in the CLI's format (boxesToJson), removed when the job ends. The engine's reasons name CLI
 * options; they reach the dialog in the app's words (inAppWords).
 */
import { SHORTEN_ADVICE } from '../../twin/cut-labels';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BoxRecord } from '../../../shared/boxes/model';
import { unpackRegion } from '../../../shared/boxes/packed-region';
import { boxesToJson } from '../../../shared/boxes/serialize';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { ExportBox, ExportProgress, ExportRequest, ExportTwinResult } from '../../../shared/ipc/export';
import { MAX_LISTED_PROBLEMS } from '../../../shared/ipc/export';
import { DEFAULT_COLOR } from '../../convert/convert-settings';
import type { ConversionHooks, ConversionJob, ConversionSummary } from '../../export/job';
import { expandHome } from '../expand-home';
import { resolveOutputDir } from '../output-dir';
import { unstoppableReason } from '../../export/unstoppable-text';
import { TWIN_NAMES } from '../../twin/twin-text';
import type { TwinOutcome } from '../../twin/write-twins';
import type { PathGuard } from '../path-guard';
import type { AppDelivery, DeliveryService } from './delivery-service';
import { deliverableOutput, type JobOutputs } from './job-outputs';
import { createProgressPacer } from './progress-pacer';

type RunningProgress = Extract<ExportProgress, { state: 'running' }>;

export type RunConversion = (job: ConversionJob, hooks: ConversionHooks) => Promise<ConversionSummary>;

export interface ExportDeps {
  guard: PathGuard;
  run: RunConversion;
  /** minimum ms between two running events of one job (default 100) */
  progressIntervalMs?: number;
  /** maximum ms between two running events of one job while it runs (default 200; see progress-pacer.ts) */
  progressHeartbeatMs?: number;
  /** worker threads per job (default: the engine's, one per core) */
  jobs?: number;
  /** where each job's written files are kept for "Send to..." */
  outputs?: JobOutputs;
  /** sends each verified output when the request names a destination (`sendTo`) */
  deliveries?: Pick<DeliveryService, 'open'>;
}

export interface ExportService {
  start(request: ExportRequest): Promise<IpcResult<{ jobId: string; deliveryId?: string }>>;
  cancel(jobId: string): boolean;
  onProgress(listener: (progress: ExportProgress) => void): () => void;
  /** resolves when every running job has ended */
  idle(): Promise<void>;
  dispose(): void;
}

async function checkInputs(guard: PathGuard, inputs: readonly string[]): Promise<IpcResult<string[]>> {
  const checked: string[] = [];
  for (const input of new Set(inputs)) {
    const real = await guard.check(input);
    if (!real.ok) return real;
    checked.push(real.value);
  }
  return { ok: true, value: checked };
}

/**
 * The engine's sentences name CLI options (`--out`, `--overwrite`); the dialog calls them the "Output
 * folder" field and the "Replace files already there" checkbox. Longest phrases first.
 */
const APP_WORDS: readonly (readonly [string, string])[] = [
  [
    'or --overwrite to replace the earlier version there',
    'or tick “Replace files already there” to replace the earlier version there',
  ],
  ['or run without --require-review', 'or untick “Only when every finding is reviewed”'],
  ["the box file's review column: accepted, rejected or edited", 'Review mode: accept, reject or edit each'],
  ['--require-review: ', ''],
  ['pass --overwrite to replace it', 'tick “Replace files already there” to replace it'],
  ['add --seg-boxes to store', 'tick “Boxes too” under Also write to store'],
  ['choose an --out outside the inputs', 'choose an output folder outside the inputs'],
  ['another --out folder', 'another output folder'],
  ['--out ', 'the output folder '],
  [SHORTEN_ADVICE, "Shorten the label (the selected box's label field) to keep it whole in every object."],
];

export function inAppWords(reason: string): string {
  return APP_WORDS.reduce((text, [cli, app]) => text.replaceAll(cli, app), reason);
}

/**
 * The engine writes each output under a hidden temporary name beside it and renames it once complete
 * (src/main/convert/write-output.ts: `.<name>.<pid>-<thread>-<hex>.partial`). A worker ended in the
 * middle of a write, after the cancel grace period, leaves one behind; this process's are removed when
 * its job ends, so a cancelled export leaves only complete files.
 */
const leftoverName = new RegExp(`^\\..+\\.${process.pid}-\\d+-[0-9a-f]+\\.partial$`);

export async function removeLeftovers(outDir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  } catch {
    return 0; // no output folder: nothing was written
  }
  const leftovers = entries.filter((e) => e.isFile() && leftoverName.test(e.name));
  await Promise.all(leftovers.map((e) => rm(path.join(e.parentPath, e.name), { force: true })));
  return leftovers.length;
}

/** A mask outline as the engine burns it: a box file cannot carry its region, so it travels as a record. */
export function outlineRecord(box: ExportBox, index: number): BoxRecord {
  const { sopInstanceUid, region, ...rest } = box;
  const record: BoxRecord = { ...rest, target: { kind: 'sop', sopInstanceUid }, origin: `outline[${index}]` };
  if (region !== undefined) record.region = unpackRegion(region);
  return record;
}

/** A twin's outcome in the dialog's terms: what it is, where, and its findings or the reason. */
export function twinResult(twin: TwinOutcome): ExportTwinResult {
  const detail =
    twin.status === 'written'
      ? `${twin.findings} finding${twin.findings === 1 ? '' : 's'} on ${twin.images} image${twin.images === 1 ? '' : 's'}`
      : inAppWords(twin.reason);
  return { kind: TWIN_NAMES[twin.kind], status: twin.status, output: twin.output, detail };
}

/** Why the version this export made is not whole (then nothing earlier is withdrawn), or undefined. */
function incompleteVersion(summary: ConversionSummary): string | undefined {
  if (summary.status !== 'completed') return `the export ended ${summary.status}`;
  if (summary.tally.failed > 0) return `${summary.tally.failed} file(s) failed to convert`;
  if ((summary.twins ?? []).some((t) => t.status === 'failed'))
    return 'a presentation state or report failed';
  return undefined;
}

function finished(jobId: string, outDir: string, summary: ConversionSummary): ExportProgress {
  if (summary.status === 'failed' || summary.status === 'stopped') {
    return { jobId, state: 'failed', reason: inAppWords(summary.reason) };
  }
  const problems = (status: 'skipped' | 'failed') =>
    summary.outcomes.flatMap((o) =>
      o.status === status ? [{ input: o.input, reason: inAppWords(o.reason) }] : [],
    );
  const skipped = problems('skipped');
  const failed = problems('failed');
  const notes = (summary.findingNotes ?? []).slice(0, MAX_LISTED_PROBLEMS).map(inAppWords);
  return {
    jobId,
    state: summary.status,
    outDir,
    converted: summary.outcomes.filter((o) => o.status === 'converted').length,
    skippedCount: skipped.length,
    failedCount: failed.length,
    skipped: skipped.slice(0, MAX_LISTED_PROBLEMS),
    failed: failed.slice(0, MAX_LISTED_PROBLEMS),
    unmatchedBoxes: summary.unmatchedBoxes.length,
    ...(summary.unstoppable === undefined
      ? {}
      : {
          unstoppable: summary.unstoppable
            .slice(0, MAX_LISTED_PROBLEMS)
            .map((t) => ({ input: t.file, reason: inAppWords(unstoppableReason(t)) })),
        }),
    ...(summary.twins === undefined || summary.twins.length === 0
      ? {}
      : { twins: summary.twins.slice(0, MAX_LISTED_PROBLEMS).map(twinResult) }),
    ...(notes.length === 0 ? {} : { notes }),
    elapsedMs: summary.elapsedMs,
  };
}

export function createExportService(deps: ExportDeps): ExportService {
  const running = new Map<string, { abort: AbortController; outDir: string; done: Promise<void> }>();
  const listeners = new Set<(progress: ExportProgress) => void>();
  let nextId = 1;
  const emit = (progress: ExportProgress): void => {
    for (const listener of listeners) listener(progress);
  };

  async function run(
    jobId: string,
    request: ExportRequest,
    inputs: string[],
    outDir: string,
    abort: AbortController,
    delivery: AppDelivery | undefined,
  ) {
    const temp = await mkdtemp(path.join(tmpdir(), 'dicom-ink-boxes-'));
    // Until the export is known to have made every file, the earlier version in the PACS stays.
    let incomplete: string | undefined = 'the export did not finish';
    const pacer = createProgressPacer<RunningProgress>({
      emit,
      ...(deps.progressIntervalMs === undefined ? {} : { minIntervalMs: deps.progressIntervalMs }),
      ...(deps.progressHeartbeatMs === undefined ? {} : { heartbeatMs: deps.progressHeartbeatMs }),
    });
    try {
      const boxFile = path.join(temp, 'boxes.json');
      const rectangles = request.boxes.flatMap(({ region, ...box }) => (region === undefined ? [box] : []));
      await writeFile(boxFile, boxesToJson(rectangles));
      const outlines = request.boxes.filter((b) => b.region !== undefined).map(outlineRecord);
      const summary = await deps.run(
        {
          inputs,
          outDir,
          boxFile,
          ...(outlines.length > 0 ? { findings: outlines } : {}),
          // The app reads only inside the folders the user opened: links leading elsewhere are not followed.
          confineTo: [...deps.guard.roots()],
          // One layout with the CLI: <out>/<opened folder's name>/<series folder>/..., whatever the scope.
          mirrorFrom: [...deps.guard.roots()],
          settings: {
            window: request.window,
            thickness: request.thickness,
            ...(request.outline === 'inside' ? { outline: 'inside' as const } : {}),
            color: DEFAULT_COLOR,
            labels: request.labels,
            ...(request.ownWindowWherePresetMisfits === true ? { ownWindowWherePresetMisfits: true } : {}),
            verify: true,
            overwrite: request.overwrite,
            ...(request.twin !== undefined && request.twin !== 'none' ? { twin: request.twin } : {}),
            ...(request.segBoxes === true ? { segBoxes: true } : {}),
            ...(request.reviewer !== undefined ? { reviewer: request.reviewer } : {}),
            ...(request.requireReview === true ? { requireReview: true } : {}),
            // Absent: auto, as `convert` without --notice.
            ...(request.notice?.kind === 'none' ? {} : { notice: request.notice ?? { kind: 'auto' } }),
          },
          ...(request.algorithm === undefined ? {} : { algorithm: request.algorithm }),
          ...(deps.jobs === undefined ? {} : { jobs: deps.jobs }),
        },
        {
          signal: abort.signal,
          countTotal: true,
          // Twins are written after the images; they go wherever the images go ("Send to...", --send).
          onTwin: (twin) => {
            if (twin.status === 'failed') return;
            deps.outputs?.record(jobId, outDir, twin.output);
            delivery?.add(twin.output);
          },
          onProgress: (p) => {
            const output = p.last ? deliverableOutput(p.last) : undefined;
            if (output !== undefined) {
              deps.outputs?.record(jobId, outDir, output);
              delivery?.add(output);
            }
            pacer.update(
              {
                jobId,
                state: 'running',
                done: p.done,
                ...(p.total === undefined ? {} : { total: p.total }),
                converted: p.converted,
                skipped: p.skipped,
                failed: p.failed,
                elapsedMs: p.elapsedMs,
              },
              p.done === p.total,
            );
          },
        },
      );
      pacer.stop();
      // Another job of this process writing into the same folder keeps its temporary files.
      const sharing = [...running.entries()].some(([id, job]) => id !== jobId && job.outDir === outDir);
      if (summary.status !== 'completed' && !sharing) await removeLeftovers(outDir);
      incomplete = incompleteVersion(summary);
      emit(finished(jobId, outDir, summary));
    } catch (error) {
      pacer.stop();
      emit({
        jobId,
        state: 'failed',
        reason: `The export stopped: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      pacer.stop();
      delivery?.end(incomplete);
      await rm(temp, { recursive: true, force: true });
      running.delete(jobId);
    }
  }

  return {
    async start(request) {
      const inputs = await checkInputs(deps.guard, request.inputs);
      if (!inputs.ok) return inputs;
      const outDir = await resolveOutputDir(expandHome(request.outDir));
      if (!outDir.ok) return outDir;
      const jobId = `export-${nextId++}`;
      const abort = new AbortController();
      let delivery: AppDelivery | undefined;
      if (request.sendTo !== undefined) {
        if (!deps.deliveries) return { ok: false, error: 'Sending to a PACS is not available here.' };
        // The destination is checked before anything is written; cancelling the export cancels the sending.
        const opened = await deps.deliveries.open(jobId, request.sendTo, outDir.value, abort.signal, {
          supersede: request.supersede === true,
        });
        if (!opened.ok) return opened;
        delivery = opened.value;
      }
      running.set(jobId, {
        abort,
        outDir: outDir.value,
        done: run(jobId, request, inputs.value, outDir.value, abort, delivery),
      });
      return {
        ok: true,
        value: delivery ? { jobId, deliveryId: delivery.deliveryId } : { jobId },
      };
    },
    cancel(jobId) {
      const job = running.get(jobId);
      if (!job || job.abort.signal.aborted) return false;
      job.abort.abort();
      return true;
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await Promise.all([...running.values()].map((job) => job.done));
    },
    dispose() {
      for (const job of running.values()) job.abort.abort();
    },
  };
}
