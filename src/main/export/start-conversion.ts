import { labelsWithoutGlyphs } from './label-glyphs';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileOutcome } from '../convert/outcome';
import { enumerateInputs, planInputs } from '../convert/plan-inputs';
import type { EnumerateOptions, InputRoot } from '../convert/plan-inputs';
import type { ConversionHooks, ConversionJob, ConversionProgress, ConversionSummary } from './job';
import { readPackedBoxes } from '../../shared/boxes/packed-boxes';
import { createPlacementTracker } from './findings-placement';
import { rowShare } from './row-share';
import { loadFindings } from './load-findings';
import { notRegular } from '../findings/finding-file';
import { noUsableFindings, outputFolderProblem } from './preflight';
import { addOutcome, createTally } from './outcome-tally';
import { runPool } from './worker-pool';
import type { TwinImage } from '../twin/types';
import { cutLabelsNote } from '../twin/cut-labels';
import { reviewerOf, reviewGateProblem } from './review-gate';
import { mergeAlgorithm } from '../../shared/findings/algorithm-identity';
import { outputVersion } from '../versions/output-versions';
import { versionKey } from '../versions/series-version';

const DEFAULT_FILE_TIMEOUT_MS = 120_000;
const CANCEL_GRACE_MS = 5_000;

/** dist/convert.worker.cjs: beside the running bundle (dist/*.cjs), or dist/ of the repository from source. */
export function defaultWorkerPath(): string {
  const beside = join(__dirname, 'convert.worker.cjs');
  return existsSync(beside) ? beside : resolve(__dirname, '../../../dist/convert.worker.cjs');
}

async function countInputs(roots: InputRoot[], outDir: string, options: EnumerateOptions): Promise<number> {
  let count = 0;
  for await (const _input of enumerateInputs(roots, outDir, options)) count++;
  return count;
}

/** A reason when the --inputs-from list cannot be read (checked before any work starts). */
function listProblem(list: string | undefined): string | undefined {
  if (list === undefined || list === '-') return undefined;
  try {
    accessSync(list, constants.R_OK);
    const unread = notRegular(statSync(list));
    if (unread === undefined) return undefined;
    return `--inputs-from ${list}: ${unread}; write the list to a file, or pipe it into --inputs-from -`;
  } catch {
    return `--inputs-from ${list} does not exist or cannot be read; check the path`;
  }
}

/** The one message of a run stopped because nothing more can be written. */
function stopReason(outcome: FileOutcome, done: number): string {
  return (
    `stopped after ${done} file(s): ${outcome.input}: ${outcome.status === 'failed' ? outcome.reason : ''}. ` +
    'No partial file was left under an output name. Free space (or make the output writable) and run the ' +
    'same command again: finished outputs are checked and skipped, the rest are made.'
  );
}

/** The outcome without its twin facts, which stay here for the writers that run after the pool. */
function keepTwin(outcome: FileOutcome, twinImages: TwinImage[]): FileOutcome {
  if (outcome.status === 'failed' || outcome.twin === undefined) return outcome;
  const { twin, ...rest } = outcome;
  twinImages.push({ ...twin, sourcePath: outcome.input });
  return rest;
}

/**
 * Converts every file of a job on a pool of worker threads and reports each input's outcome. Used by
 * `dicom-ink convert` and by the app's export. Resolves (never rejects) with how the job ended.
 */
export async function startConversion(
  job: ConversionJob,
  hooks: ConversionHooks = {},
): Promise<ConversionSummary> {
  const started = performance.now();
  const plan = await planInputs(job.inputs, job.outDir);
  if (!plan.ok) return { status: 'failed', reason: plan.reason, cause: 'inputs' };
  const loaded = await loadFindings(job, plan.roots, hooks.signal);
  if (!loaded.ok) return { status: 'failed', reason: loaded.reason, cause: loaded.cause };
  const algorithm = mergeAlgorithm(job.algorithm ?? {}, loaded.algorithm);
  const named = algorithm === undefined ? job.settings : { ...job.settings, algorithm };
  const unreadableList = listProblem(job.inputsFrom);
  if (unreadableList) return { status: 'failed', reason: unreadableList, cause: 'inputs' };
  const requested = [...(job.boxFiles ?? []), ...(job.maskFiles ?? [])];
  const unusable = noUsableFindings(requested, loaded.boxes.count, loaded.errors);
  if (unusable !== undefined) return { status: 'failed', reason: unusable, cause: 'findings' };
  const unreviewed = reviewGateProblem(job.settings, readPackedBoxes(loaded.boxes));
  if (unreviewed !== undefined) return { status: 'failed', reason: unreviewed, cause: 'findings' };
  const unwritable = outputFolderProblem(job.outDir);
  if (unwritable !== undefined) return { status: 'failed', reason: unwritable, cause: 'output' };
  // After the algorithm is merged in: a findings file naming another algorithm is another version.
  const key = versionKey(named, loaded.boxes);
  const versioned = await outputVersion(plan.outRoot, key, loaded.boxes.count, job.settings.overwrite);
  if (!versioned.ok) return { status: 'failed', reason: versioned.reason, cause: 'output' };
  const settings = { ...named, version: versioned.version };
  // DICOM_INK_TEST_CONVERT_WORKER: tests only, a stand-in converter (one that blocks in a system call).
  const workerPath = job.workerPath ?? (process.env.DICOM_INK_TEST_CONVERT_WORKER || defaultWorkerPath());
  if (!existsSync(workerPath)) {
    const reason = `the converter is not built (${workerPath} is missing); run \`npm run build\``;
    return { status: 'failed', reason, cause: 'engine' };
  }

  const outcomes: FileOutcome[] = [];
  const twinImages: TwinImage[] = [];
  const keep = hooks.keepOutcomes ?? true;
  const tally = createTally();
  // A shard answers only for the rows whose images would be in its share (row-share.ts).
  const share = { shard: job.shard, roots: plan.roots, listed: job.inputsFrom !== undefined };
  const placement = createPlacementTracker(
    readPackedBoxes(loaded.boxes),
    job.shard ? (target) => rowShare(target, share) : undefined,
  );
  // Stops the run from inside (disk full, read-only output) as well as on the caller's signal.
  const stop = new AbortController();
  let stopped: string | undefined;
  const signal = hooks.signal ? AbortSignal.any([hooks.signal, stop.signal]) : stop.signal;
  const progress: ConversionProgress = { done: 0, converted: 0, skipped: 0, failed: 0, elapsedMs: 0 };
  const emit = (last?: FileOutcome): void => {
    hooks.onProgress?.({ ...progress, elapsedMs: performance.now() - started, last });
  };
  const walk: EnumerateOptions = {
    signal,
    ...(job.confineTo ? { confineTo: job.confineTo } : {}),
    ...(job.mirrorFrom ? { mirrorFrom: job.mirrorFrom } : {}),
    ...(job.inputsFrom !== undefined ? { inputsFrom: job.inputsFrom } : {}),
    ...(job.shard ? { shard: job.shard } : {}),
  };
  // A list on standard input can be read only once: no count beside the run then.
  if (hooks.countTotal && job.inputsFrom !== '-') {
    void countInputs(plan.roots, job.outDir, walk).then(
      (total) => {
        progress.total = total;
        emit();
      },
      () => undefined,
    );
  }

  const end = await runPool(enumerateInputs(plan.roots, job.outDir, walk)[Symbol.asyncIterator](), {
    workerPath,
    init: { settings, boxes: loaded.boxes, outputRoot: plan.outRoot },
    size: job.jobs ?? availableParallelism(),
    fileTimeoutMs: job.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    graceMs: CANCEL_GRACE_MS,
    signal,
    onOutcome: (received) => {
      const outcome = keepTwin(received, twinImages);
      if (keep) outcomes.push(outcome);
      addOutcome(tally, outcome);
      placement.add(outcome);
      progress.done++;
      progress[outcome.status]++;
      hooks.onOutcome?.(outcome);
      emit(outcome);
      if (outcome.status === 'failed' && outcome.stop && stopped === undefined) {
        stopped = stopReason(outcome, progress.done);
        stop.abort();
      }
    },
  });
  if (end.kind === 'failed') return { status: 'failed', reason: end.reason, cause: 'engine' };
  // Presentation states and reports once every image of their series and study is written.
  // The twin writers (and dcmjs, ~40 ms to load) are loaded only when there are twins to write; with
  // no twin images there is nothing to write and no segmentation to explain.
  const twinWriters =
    end.kind === 'cancelled' || stopped !== undefined || twinImages.length === 0
      ? undefined
      : await import('../twin/write-twins');
  const twins = twinWriters
    ? twinWriters.writeTwins(twinImages, {
        choice: job.settings.twin ?? 'none',
        ...(algorithm === undefined ? {} : { algorithm }),
        outputRoot: plan.outRoot,
        overwrite: job.settings.overwrite,
        verify: job.settings.verify,
        ...(job.settings.segBoxes === true ? { segBoxes: true } : {}),
        ...reviewerOf(job.settings),
      })
    : [];
  for (const twin of twins) hooks.onTwin?.(twin);
  const noSegmentation = twinWriters?.segmentationNotWrittenNote(twinImages, {
    choice: job.settings.twin ?? 'none',
    ...(job.settings.segBoxes === true ? { segBoxes: true } : {}),
  });
  const cutLabels = twinWriters && cutLabelsNote(twinImages, job.settings.twin);
  const twinNotes = [noSegmentation, cutLabels].filter((note) => note !== undefined);
  const unmatchedBoxes = placement.unmatched();
  const unglyphed = job.settings.labels ? labelsWithoutGlyphs(readPackedBoxes(loaded.boxes)) : [];
  const report = {
    outcomes,
    tally,
    boxErrors: loaded.errors,
    unmatchedBoxes,
    placement: {
      ...placement.result(),
      ...(unglyphed.length > 0 ? { labelsWithoutGlyphs: unglyphed } : {}),
    },
    findingNotes: [...loaded.notes, ...twinNotes],
    inputNotes: plan.notes,
    ...(end.unstoppable === undefined ? {} : { unstoppable: end.unstoppable }),
    ...(twins.length > 0 ? { twins } : {}),
    version: versioned.version,
    outRoot: plan.outRoot,
    elapsedMs: performance.now() - started,
  };
  if (stopped !== undefined) return { status: 'stopped', reason: stopped, ...report };
  return end.kind === 'cancelled' ? { status: 'cancelled', ...report } : { status: 'completed', ...report };
}
