import type { FileOutcome } from '../convert/outcome';
import { compareCodeUnits } from '../../shared/text/code-unit-order';

/** Inputs that ended the same way for the same reason: a count and the first few paths. */
export interface OutcomeGroup {
  reason: string;
  count: number;
  /**
   * the first inputs by path (code-unit order), at most the tally's example limit: the same examples
   * whatever order the workers finished in
   */
  inputs: string[];
}

/**
 * A job's outcomes counted as they arrive, so a run over millions of files keeps a bounded summary
 * (totals, reasons with counts and a few examples) instead of every outcome; the full list goes to
 * the --report file line by line.
 */
export interface OutcomeTally {
  converted: number;
  skipped: number;
  failed: number;
  /** frames and boxes written by the converted files */
  frames: number;
  boxesDrawn: number;
  skips: OutcomeGroup[];
  failures: OutcomeGroup[];
}

/** Reasons kept apart before the rest are counted under one "other reasons" group. */
const MAX_GROUPS = 50;
const OTHER_REASONS = 'other reasons (see --report for each file)';

export interface TallyLimits {
  /** paths kept per skip reason */
  skipExamples: number;
  /** paths kept per failure reason */
  failureExamples: number;
}

export const DEFAULT_TALLY_LIMITS: TallyLimits = { skipExamples: 5, failureExamples: 10 };

export function createTally(): OutcomeTally {
  return { converted: 0, skipped: 0, failed: 0, frames: 0, boxesDrawn: 0, skips: [], failures: [] };
}

function addToGroup(groups: OutcomeGroup[], reason: string, input: string, examples: number): void {
  let group = groups.find((g) => g.reason === reason);
  if (!group && groups.length >= MAX_GROUPS) {
    group = groups.find((g) => g.reason === OTHER_REASONS);
    if (!group) groups.push((group = { reason: OTHER_REASONS, count: 0, inputs: [] }));
  }
  if (!group) groups.push((group = { reason, count: 0, inputs: [] }));
  group.count++;
  keepFirstPaths(group.inputs, input, examples);
}

/** Adds `input` to `paths` (sorted, at most `limit`) if it is among the first `limit` paths in order. */
function keepFirstPaths(paths: string[], input: string, limit: number): void {
  if (limit <= 0) return;
  const last = paths[paths.length - 1];
  if (paths.length >= limit && last !== undefined && input >= last) return;
  let at = paths.length;
  while (at > 0 && (paths[at - 1] as string) > input) at--;
  paths.splice(at, 0, input);
  if (paths.length > limit) paths.length = limit;
}

/**
 * The groups as a summary lists them: most files first, then by reason, the catch-all "other reasons"
 * last; the same order on every run over the same inputs.
 */
export function groupsInOrder(groups: readonly OutcomeGroup[]): OutcomeGroup[] {
  const rank = (g: OutcomeGroup): number => (g.reason === OTHER_REASONS ? 1 : 0);
  return [...groups].sort(
    (a, b) => rank(a) - rank(b) || b.count - a.count || compareCodeUnits(a.reason, b.reason),
  );
}

/** Counts one outcome into `tally`. */
export function addOutcome(
  tally: OutcomeTally,
  outcome: FileOutcome,
  limits: TallyLimits = DEFAULT_TALLY_LIMITS,
): void {
  switch (outcome.status) {
    case 'converted':
      tally.converted++;
      tally.frames += outcome.frames;
      tally.boxesDrawn += outcome.boxesDrawn;
      return;
    case 'skipped':
      tally.skipped++;
      addToGroup(tally.skips, outcome.reason, outcome.input, limits.skipExamples);
      return;
    case 'failed':
      tally.failed++;
      addToGroup(tally.failures, outcome.reason, outcome.input, limits.failureExamples);
      return;
  }
}

/** The tally of a list of outcomes (tests, and callers that kept them all). */
export function tallyOf(outcomes: readonly FileOutcome[], limits?: TallyLimits): OutcomeTally {
  const tally = createTally();
  for (const outcome of outcomes) addOutcome(tally, outcome, limits);
  return tally;
}
