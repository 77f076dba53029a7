/**
 * The findings a review walks, in slice order, and where the walk stands: which is current, the next and
 * previous one, how many are reviewed. Pure functions over the series' listed boxes.
 */
import { isReviewed } from '../../../shared/review/review-state';
import type { ListedBox } from '../boxes/series-boxes';

/** "7 of 13 reviewed": verdicts given out of the series' findings. */
export function reviewProgress(findings: readonly ListedBox[]): { reviewed: number; total: number } {
  return { reviewed: findings.filter((f) => isReviewed(f.box)).length, total: findings.length };
}

/**
 * The finding `step` places from the current one (wrapping round); from no current finding, the first
 * (or last, stepping back) unreviewed one, else the first (or last).
 */
export function stepFinding(
  findings: readonly ListedBox[],
  currentId: string | undefined,
  step: 1 | -1,
): ListedBox | undefined {
  if (findings.length === 0) return undefined;
  const at = findings.findIndex((f) => f.box.id === currentId);
  if (at < 0) {
    const ordered = step === 1 ? findings : [...findings].reverse();
    return ordered.find((f) => !isReviewed(f.box)) ?? ordered[0];
  }
  return findings[(at + step + findings.length) % findings.length];
}

/** The next unreviewed finding after the current one (wrapping round), for after a verdict. */
export function nextUnreviewed(
  findings: readonly ListedBox[],
  currentId: string | undefined,
): ListedBox | undefined {
  const at = findings.findIndex((f) => f.box.id === currentId);
  for (let i = 1; i <= findings.length; i++) {
    const candidate = findings[(at + i + findings.length) % findings.length];
    if (candidate && !isReviewed(candidate.box) && candidate.box.id !== currentId) return candidate;
  }
  return undefined;
}
