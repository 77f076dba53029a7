import { REVIEW_STATES, reviewOf, type ReviewState } from './review-state';

/** One finding as a reader-study summary counts it. */
export interface ReviewedFinding {
  /** the file it came from */
  file: string;
  /** where in the file (`file:line`, `report.dcm graphic 3`) */
  origin: string;
  id?: string;
  label?: string;
  review: ReviewState;
}

export type ReviewCounts = Record<ReviewState, number> & { total: number };

export interface ReviewSummary {
  /** per label (unlabelled findings under ""), in label order */
  labels: { label: string; counts: ReviewCounts }[];
  total: ReviewCounts;
}

function emptyCounts(): ReviewCounts {
  return { accepted: 0, rejected: 0, edited: 0, unreviewed: 0, total: 0 };
}

/** Counts per label and in total how many findings are accepted, rejected, edited and unreviewed. */
export function summariseReview(
  findings: readonly { label?: string; review?: ReviewState }[],
): ReviewSummary {
  const byLabel = new Map<string, ReviewCounts>();
  const total = emptyCounts();
  for (const finding of findings) {
    const label = finding.label ?? '';
    const counts = byLabel.get(label) ?? emptyCounts();
    byLabel.set(label, counts);
    const state = reviewOf(finding);
    counts[state]++;
    counts.total++;
    total[state]++;
    total.total++;
  }
  const labels = [...byLabel]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, counts]) => ({ label, counts }));
  return { labels, total };
}

const UNLABELLED = '(no label)';

/** The summary as an aligned text table: one row per label, then "total". */
export function reviewSummaryText(summary: ReviewSummary): string {
  const header = ['label', ...REVIEW_STATES, 'total'];
  const rows = [
    ...summary.labels.map(({ label, counts }) => [label === '' ? UNLABELLED : label, counts]),
    ['total', summary.total],
  ] as [string, ReviewCounts][];
  const cells = [
    header,
    ...rows.map(([label, c]) => [label, ...REVIEW_STATES.map((s) => String(c[s])), String(c.total)]),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}
