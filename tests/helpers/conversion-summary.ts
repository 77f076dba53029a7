/**
 * What a stand-in conversion (the `run` an export service test gives) answers: a completed or cancelled
 * run with these outcomes, their tally, and no box errors or unmatched rows.
 */
import type { FileOutcome } from '../../src/main/convert/outcome';
import type { ConversionSummary } from '../../src/main/export/job';
import { tallyOf } from '../../src/main/export/outcome-tally';

export function conversionSummary(
  status: 'completed' | 'cancelled',
  outcomes: FileOutcome[],
  elapsedMs: number,
): ConversionSummary {
  return { status, outcomes, tally: tallyOf(outcomes), boxErrors: [], unmatchedBoxes: [], elapsedMs };
}
