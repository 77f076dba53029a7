import type { FileOutcome } from '../convert/outcome';
import type { ConversionReport } from '../export/job';

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Groups skip reasons so 3,000 "not a DICOM file" skips read as one line with a count and examples. */
function groupedSkips(skips: Extract<FileOutcome, { status: 'skipped' }>[], limit: number): string[] {
  const byReason = new Map<string, string[]>();
  for (const skip of skips) {
    const inputs = byReason.get(skip.reason) ?? [];
    inputs.push(skip.input);
    byReason.set(skip.reason, inputs);
  }
  const lines: string[] = [];
  for (const [reason, inputs] of byReason) {
    lines.push(`  ${plural(inputs.length, 'file')}: ${reason}`);
    for (const input of inputs.slice(0, limit)) lines.push(`    ${input}`);
    if (inputs.length > limit) lines.push(`    ... and ${inputs.length - limit} more (see --report for all)`);
  }
  return lines;
}

/**
 * The final summary: totals, every failure with its reason, skips grouped by reason, bad box rows
 * with their line numbers and boxes that matched no input.
 */
export function summaryText(
  report: ConversionReport,
  options: { quiet: boolean; cancelled: boolean },
): string {
  const converted = report.outcomes.filter((o) => o.status === 'converted');
  const skipped = report.outcomes.filter(
    (o): o is Extract<FileOutcome, { status: 'skipped' }> => o.status === 'skipped',
  );
  const failedOutcomes = report.outcomes.filter((o) => o.status === 'failed');
  const lines: string[] = [];
  const seconds = report.elapsedMs / 1000;
  const frames = converted.reduce((sum, o) => sum + o.frames, 0);
  const boxes = converted.reduce((sum, o) => sum + o.boxesDrawn, 0);
  lines.push(
    `${options.cancelled ? 'Cancelled: ' : ''}${plural(converted.length, 'file')} converted (${plural(frames, 'frame')}, ${plural(boxes, 'box', 'boxes')} burned in), ` +
      `${skipped.length} skipped, ${failedOutcomes.length} failed in ${seconds.toFixed(1)} s`,
  );
  for (const note of report.inputNotes ?? []) lines.push(`Note: ${note}`);
  if (failedOutcomes.length > 0) {
    lines.push(`Failed (${failedOutcomes.length}):`);
    for (const o of failedOutcomes) if (o.status === 'failed') lines.push(`  ${o.input}: ${o.reason}`);
  }
  if (skipped.length > 0 && !options.quiet) {
    lines.push(`Skipped (${skipped.length}):`);
    lines.push(...groupedSkips(skipped, 5));
  }
  for (const note of report.findingNotes ?? []) lines.push(note);
  if (report.boxErrors.length > 0) {
    lines.push(`Box rows not used (${report.boxErrors.length}):`);
    for (const e of report.boxErrors) lines.push(`  ${e.origin}: ${e.reason}`);
  }
  if (report.unmatchedBoxes.length > 0) {
    lines.push(`Boxes that matched no input image and frame (${report.unmatchedBoxes.length}):`);
    for (const origin of report.unmatchedBoxes) lines.push(`  ${origin}`);
  }
  return lines.join('\n');
}
