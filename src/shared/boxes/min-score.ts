/**
 * The minimum-score filter, one rule for the CLI (`--min-score`), the viewer and the app's export: a box
 * with a score below the minimum is not drawn; a box without a score (drawn by hand, or from a file with
 * no score column) always is.
 */
export function passesMinScore(box: { score?: number }, minScore: number | undefined): boolean {
  return minScore === undefined || box.score === undefined || box.score >= minScore;
}
