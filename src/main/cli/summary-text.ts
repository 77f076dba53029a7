import type { FileOutcome } from '../convert/outcome';
import type { FindingsPlacement } from '../export/findings-placement';
import type { ConversionReport } from '../export/job';
import { unstoppableReason } from '../export/unstoppable-text';

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

/** Failures grouped by reason: one line per file when a reason has one, else a count and examples. */
function groupedFailures(failures: readonly FileOutcome[], limit: number): string[] {
  const byReason = new Map<string, string[]>();
  for (const o of failures) {
    if (o.status !== 'failed') continue;
    byReason.set(o.reason, [...(byReason.get(o.reason) ?? []), o.input]);
  }
  const lines: string[] = [];
  for (const [reason, inputs] of byReason) {
    if (inputs.length === 1) {
      lines.push(`  ${inputs[0] ?? ''}: ${reason}`);
      continue;
    }
    lines.push(`  ${plural(inputs.length, 'file')}: ${reason}`);
    for (const input of inputs.slice(0, limit)) lines.push(`    ${input}`);
    if (inputs.length > limit) lines.push(`    ... and ${inputs.length - limit} more (see --report for all)`);
  }
  return lines;
}

/** Rows on images already converted, boxes past the image edges, presets that do not fit a series. */
function placementLines(placement: FindingsPlacement): string[] {
  const lines: string[] = [];
  const already = placement.boxesAlreadyThere;
  if (already.length > 0) {
    lines.push(
      `Boxes that matched an image whose output was already there, so they were not drawn again (${already.length}; --overwrite redraws them):`,
    );
    for (const origin of already) lines.push(`  ${origin}`);
  }
  const outside = placement.clippedBoxes.filter((c) => c.outside);
  const clipped = placement.clippedBoxes.filter((c) => !c.outside);
  if (outside.length > 0) {
    lines.push(`Boxes outside their image, not drawn (${outside.length}):`);
    for (const c of outside) lines.push(`  ${c.origin}: ${c.text}`);
  }
  if (clipped.length > 0) {
    lines.push(`Boxes past the image edge, drawn clipped (${clipped.length}):`);
    for (const c of clipped) lines.push(`  ${c.origin}: ${c.text}`);
  }
  for (const m of placement.presetMisfits) {
    lines.push(
      `Warning: series ${m.seriesInstanceUid} (${plural(m.images, 'image')}): ${m.text}; use --window auto (the file's own window) or --window-center/--window-width`,
    );
  }
  return lines;
}

/** Findings asked for but not placed: bad rows, rows matching no image and frame, boxes wholly outside. */
export function findingsNotPlaced(report: ConversionReport): number {
  const outside = report.placement?.clippedBoxes.filter((c) => c.outside).length ?? 0;
  return report.boxErrors.length + report.unmatchedBoxes.length + outside;
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
  const stuck = report.unstoppable ?? [];
  if (stuck.length > 0) {
    lines.push(`Converter threads that could not be stopped (${stuck.length}):`);
    for (const thread of stuck) lines.push(`  ${thread.file}: ${unstoppableReason(thread)}`);
  }
  if (failedOutcomes.length > 0) {
    lines.push(`Failed (${failedOutcomes.length}):`);
    lines.push(...groupedFailures(failedOutcomes, 10));
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
  const placement = report.placement;
  if (report.unmatchedBoxes.length > 0) {
    lines.push(`Boxes that matched no input image and frame (${report.unmatchedBoxes.length}):`);
    for (const origin of report.unmatchedBoxes) {
      const why = placement?.unmatchedReasons[origin];
      lines.push(`  ${origin}${why === undefined ? '' : `: ${why}`}`);
    }
  }
  if (placement !== undefined) lines.push(...placementLines(placement));
  return lines.join('\n');
}
