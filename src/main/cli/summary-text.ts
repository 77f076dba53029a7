import type { FindingsPlacement } from '../export/findings-placement';
import { twinLines } from '../twin/twin-text';
import type { ConversionReport } from '../export/job';
import { unstoppableReason } from '../export/unstoppable-text';
import { unplacedLabelLine } from '../../shared/boxes/unplaced-label';
import { labelWithoutGlyphsLine } from '../export/label-glyphs';
import { groupsInOrder, type OutcomeGroup } from '../export/outcome-tally';
import { groupedLines } from './grouped-lines';
import { describeVersion } from '../versions/series-version';

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Skips grouped by reason, so 3,000 "not a DICOM file" skips read as one line with a count and examples. */
function skipLines(groups: readonly OutcomeGroup[], limit: number): string[] {
  const lines: string[] = [];
  for (const group of groupsInOrder(groups)) {
    lines.push(`  ${plural(group.count, 'file')}: ${group.reason}`);
    for (const input of group.inputs.slice(0, limit)) lines.push(`    ${input}`);
    if (group.count > limit) lines.push(`    ... and ${group.count - limit} more (see --report for all)`);
  }
  return lines;
}

/**
 * Failures grouped by reason: one line with the file when a reason has one, else a count and the
 * examples the tally kept (the rest are in the --report file).
 */
function failureLines(groups: readonly OutcomeGroup[], limit: number): string[] {
  const lines: string[] = [];
  for (const group of groupsInOrder(groups)) {
    if (group.count === 1) {
      lines.push(`  ${group.inputs[0] ?? ''}: ${group.reason}`);
      continue;
    }
    lines.push(`  ${plural(group.count, 'file')}: ${group.reason}`);
    for (const input of group.inputs.slice(0, limit)) lines.push(`    ${input}`);
    if (group.count > limit) lines.push(`    ... and ${group.count - limit} more (see --report for all)`);
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
    lines.push(...groupedLines(already.map((origin) => ({ origin }))));
  }
  const outside = placement.clippedBoxes.filter((c) => c.outside);
  const clipped = placement.clippedBoxes.filter((c) => !c.outside);
  if (outside.length > 0) {
    lines.push(`Boxes outside their image, not drawn (${outside.length}):`);
    lines.push(...groupedLines(outside.map((c) => ({ origin: c.origin, reason: c.text }))));
  }
  if (clipped.length > 0) {
    lines.push(`Boxes past the image edge, drawn clipped (${clipped.length}):`);
    lines.push(...groupedLines(clipped.map((c) => ({ origin: c.origin, reason: c.text }))));
  }
  if (placement.unplacedLabelCount > 0) {
    lines.push(`Labels not drawn (${placement.unplacedLabelCount}):`);
    for (const u of placement.unplacedLabels)
      lines.push(`  ${u.origin}: ${unplacedLabelLine(u.label, u.input, u.frame)}`);
    const more = placement.unplacedLabelCount - placement.unplacedLabels.length;
    if (more > 0) lines.push(`  ... and ${more} more (see --report)`);
  }
  const unglyphed = placement.labelsWithoutGlyphs ?? [];
  if (unglyphed.length > 0) {
    lines.push(`Labels with characters the label font lacks (${unglyphed.length}):`);
    for (const entry of unglyphed) lines.push(`  ${labelWithoutGlyphsLine(entry)}`);
  }
  const notInShare = placement.notInShare ?? [];
  if (notInShare.length > 0) {
    lines.push(
      `Box rows not matched in this shard's share (${notInShare.length}): they name images by UID (or under a folder of the --inputs-from list), which may lie in another share; each shard lists them in its --report (placement.notInShare), and a row every shard lists matched no image`,
    );
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
 * The final summary: totals, the failures with their reasons, skips grouped by reason, bad box rows
 * with their line numbers and boxes that matched no input. Built from the run's bounded tally, so its
 * size does not grow with the number of files.
 */
export function summaryText(
  report: ConversionReport,
  options: { quiet: boolean; cancelled: boolean; outDir?: string },
): string {
  const { tally } = report;
  const lines: string[] = [];
  const seconds = report.elapsedMs / 1000;
  lines.push(
    `${options.cancelled ? 'Cancelled: ' : ''}${plural(tally.converted, 'file')} converted (${plural(tally.frames, 'frame')}, ${plural(tally.boxesDrawn, 'box', 'boxes')} burned in), ` +
      `${tally.skipped} skipped, ${tally.failed} failed in ${seconds.toFixed(1)} s`,
  );
  // Where to look: the folder the outputs went to (under it, <input folder>/<series folder>/...).
  if (options.outDir !== undefined) lines.push(`Outputs in ${options.outDir}`);
  if (report.version) {
    const where = report.outRoot === undefined ? '' : ` in ${report.outRoot}`;
    lines.push(`Version ${describeVersion(report.version)}${where} (key ${report.version.key.slice(0, 16)})`);
  }
  for (const note of report.inputNotes ?? []) lines.push(`Note: ${note}`);
  const stuck = report.unstoppable ?? [];
  if (stuck.length > 0) {
    lines.push(`Converter threads that could not be stopped (${stuck.length}):`);
    for (const thread of stuck) lines.push(`  ${thread.file}: ${unstoppableReason(thread)}`);
  }
  if (tally.failed > 0) {
    lines.push(`Failed (${tally.failed}):`);
    lines.push(...failureLines(tally.failures, 10));
  }
  if (tally.skipped > 0 && !options.quiet) {
    lines.push(`Skipped (${tally.skipped}):`);
    lines.push(...skipLines(tally.skips, 5));
  }
  for (const note of report.findingNotes ?? []) lines.push(note);
  if (report.boxErrors.length > 0) {
    lines.push(`Box rows not used (${report.boxErrors.length}):`);
    lines.push(...groupedLines(report.boxErrors, 'rows'));
  }
  const placement = report.placement;
  if (report.unmatchedBoxes.length > 0) {
    lines.push(`Boxes that matched no input image and frame (${report.unmatchedBoxes.length}):`);
    const reasons = placement?.unmatchedReasons ?? {};
    lines.push(...groupedLines(report.unmatchedBoxes.map((origin) => ({ origin, reason: reasons[origin] }))));
  }
  if (placement !== undefined) lines.push(...placementLines(placement));
  lines.push(...twinLines(report.twins ?? []));
  return lines.join('\n');
}
