/**
 * The text burned beside a finding: its label and, where the detector gave one, its score with two
 * decimals ("kidney lesion 0.93"). The same text in the viewer and in the written pixels.
 */
export interface LabelSource {
  label?: string;
  score?: number;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** `undefined` when there is nothing to write (no label and no score). */
export function labelText(box: LabelSource): string | undefined {
  const label = box.label?.trim() ?? '';
  const score = box.score === undefined || !Number.isFinite(box.score) ? '' : formatScore(box.score);
  const text = [label, score].filter((part) => part !== '').join(' ');
  return text === '' ? undefined : text;
}

/**
 * Shorter forms of a label, tried only when the full text fits nowhere at any size: the name cut to fewer
 * characters and ended with '.', the score kept; last the score (or the first letter) alone.
 */
export function abbreviations(box: LabelSource): string[] {
  const label = box.label?.trim() ?? '';
  const score = box.score === undefined || !Number.isFinite(box.score) ? '' : formatScore(box.score);
  const chars = Array.from(label);
  const forms: string[] = [];
  for (let keep = chars.length - 1; keep >= 1; keep--) {
    forms.push([`${chars.slice(0, keep).join('').trimEnd()}.`, score].filter((p) => p !== '').join(' '));
  }
  if (score !== '' && label !== '') forms.push(score);
  return [...new Set(forms)];
}
