import { summariseReview, reviewSummaryText, type ReviewedFinding } from '../../shared/review/review-summary';
import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { readReviewedFindings } from './review-findings';
import { REVIEW_SUMMARY_OPTIONS } from './specs/review-summary';
import { usageError } from './usage-error';
import { printErr, printOut } from './print';

/** `dicom-ink review-summary <file>...`: returns the exit code (exit-codes.ts). */
export async function reviewSummaryCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, REVIEW_SUMMARY_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'review-summary');
  if (parsed.positionals.length === 0)
    return usageError('name at least one report (.dcm) or box file (.csv, .json)', 'review-summary');
  const findings: ReviewedFinding[] = [];
  for (const path of parsed.positionals) {
    const read = await readReviewedFindings(path);
    if (!read.ok) {
      printErr(`dicom-ink: ${read.reason}\n`);
      return EXIT.someFailed;
    }
    findings.push(...read.findings);
  }
  const summary = summariseReview(findings);
  const text =
    parsed.values.json === true
      ? JSON.stringify({ ...summary, findings }, null, 2)
      : reviewSummaryText(summary);
  printOut(`${text}\n`);
  return EXIT.ok;
}
