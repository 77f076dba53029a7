/**
 * `--require-review` (the app: "Only when every finding is reviewed"): a run whose findings are not all
 * reviewed is refused before anything is written, naming how many are unreviewed in which series.
 */
import type { PackedBoxReader } from '../../shared/boxes/packed-boxes';
import type { BoxRecord } from '../../shared/boxes/model';
import { parseReviewerName, reviewOf } from '../../shared/review/review-state';
import type { ConvertSettings } from '../convert/convert-settings';
import type { Reviewer } from '../twin/review-content';

/** The series a row names, or how it names its image when it names no series. */
function seriesOf(record: BoxRecord): string {
  if (record.target.kind === 'series-instance') return `series ${record.target.seriesInstanceUid}`;
  if (record.series !== undefined) return `series ${record.series}`;
  return record.target.kind === 'sop' ? 'images named by SOP Instance UID only' : 'images named by file only';
}

/** Unreviewed findings per series (in the order first met). */
export function unreviewedBySeries(rows: Pick<PackedBoxReader, 'count' | 'record'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let row = 0; row < rows.count; row++) {
    const record = rows.record(row);
    if (reviewOf(record) !== 'unreviewed') continue;
    const series = seriesOf(record);
    counts.set(series, (counts.get(series) ?? 0) + 1);
  }
  return counts;
}

/** Why the run is refused under --require-review, or undefined when every finding is reviewed. */
export function reviewGateProblem(
  settings: Pick<ConvertSettings, 'requireReview'>,
  rows: Pick<PackedBoxReader, 'count' | 'record'>,
): string | undefined {
  if (settings.requireReview !== true) return undefined;
  const counts = unreviewedBySeries(rows);
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const where = [...counts].map(([series, n]) => `${n} in ${series}`).join(', ');
  const noun = total === 1 ? 'finding is' : 'findings are';
  return (
    `--require-review: ${total} ${noun} unreviewed (${where}), so nothing was written; ` +
    "review them (the box file's review column: accepted, rejected or edited), or run without --require-review"
  );
}

/** The reviewer the twin writers name, from the settings (undefined when none was given). */
export function reviewerOf(settings: Pick<ConvertSettings, 'reviewer' | 'reviewerOrganisation'>): {
  reviewer?: Reviewer;
} {
  if (settings.reviewer === undefined) return {};
  const name = parseReviewerName(settings.reviewer);
  if (!name.ok) return {};
  const organisation = settings.reviewerOrganisation?.trim();
  return { reviewer: { name: name.name, ...(organisation ? { organisation } : {}) } };
}
