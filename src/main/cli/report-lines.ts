import { closeSync, openSync, writeSync } from 'node:fs';
import type { FileOutcome } from '../convert/outcome';
import { windowKey } from '../convert/settings-key';
import type { ConversionJob, ConversionReport, ConversionSummary } from '../export/job';
import { findingsNotPlaced } from './summary-text';
import { describeVersion } from '../versions/series-version';
import type { SeriesVersion } from '../versions/series-version';

/**
 * `--report`: JSON Lines written while the run goes, so a crash keeps every outcome so far.
 *   {"type":"start", "tool":"dicom-ink", "startedAt", "settings": {...}}
 *   {"type":"outcome", "input", "status", "output"?, "frames"?, "boxesDrawn"?, "warnings"?, "reason"?,
 *    "existingOutput"?}                                                          one per input
 *   {"type":"delivery", "target", "status", "totals", ...}                    one per --send/--zip target
 *   {"type":"end", "status", "reason"?, "cause"?, "totals", "elapsedSeconds", "inputNotes", "findingNotes",
 *    "boxErrors", "unmatchedBoxes", "findingsNotPlaced", "placement", "unstoppable", "twins"}
 * A run that could not start ends with {"type":"end", "status":"failed", "cause", "reason"}.
 * Each line is handed to the OS as soon as it is known (one write each), so it survives a kill -9.
 */
export interface ReportWriter {
  outcome(outcome: FileOutcome): void;
  /** a --send or --zip target's outcomes, once it has finished */
  delivery(document: Record<string, unknown>): void;
  /** the last line: how the run ended, its totals and where its findings went */
  end(summary: ConversionSummary): void;
  close(): void;
}

function settingsOf(job: ConversionJob): Record<string, unknown> {
  const { settings } = job;
  return {
    inputs: job.inputs,
    inputsFrom: job.inputsFrom ?? null,
    shard: job.shard ? `${job.shard.index}/${job.shard.count}` : null,
    out: job.outDir,
    window: windowKey(settings.window),
    boxes: job.boxFile ?? job.boxFiles?.[0] ?? null,
    boxFiles: job.boxFiles ?? [],
    masks: job.maskFiles ?? [],
    minScore: settings.minScore ?? null,
    thickness: settings.thickness,
    color: settings.color.map((c) => c.toString(16).padStart(2, '0')).join(''),
    labels: settings.labels,
    verify: settings.verify,
    overwrite: settings.overwrite,
    includeDerived: settings.includeDerived ?? false,
    twin: settings.twin ?? 'none',
  };
}

/** The report line of one outcome. */
export function outcomeLine(o: FileOutcome): string {
  switch (o.status) {
    case 'converted':
      return JSON.stringify({
        type: 'outcome',
        input: o.input,
        status: o.status,
        output: o.output,
        frames: o.frames,
        ...(o.seriesInstanceUid === undefined ? {} : { seriesInstanceUid: o.seriesInstanceUid }),
        boxesDrawn: o.boxesDrawn,
        ...(o.warnings ? { warnings: o.warnings } : {}),
      });
    case 'skipped':
      return JSON.stringify({
        type: 'outcome',
        input: o.input,
        status: o.status,
        reason: o.reason,
        ...(o.existingOutput === undefined ? {} : { existingOutput: o.existingOutput }),
      });
    case 'failed':
      return JSON.stringify({ type: 'outcome', input: o.input, status: o.status, reason: o.reason });
  }
}

/** The version the run wrote: its key (every derived UID depends on it), number and where it went. */
function versionDocument(version: SeriesVersion, outRoot: string | undefined): Record<string, unknown> {
  return {
    key: version.key,
    ordinal: version.ordinal,
    findings: version.findings,
    description: describeVersion(version),
    ...(outRoot === undefined ? {} : { folder: outRoot }),
  };
}

function reportEnd(report: ConversionReport): Record<string, unknown> {
  const { tally } = report;
  return {
    totals: { converted: tally.converted, skipped: tally.skipped, failed: tally.failed },
    elapsedSeconds: Math.round(report.elapsedMs) / 1000,
    inputNotes: report.inputNotes ?? [],
    findingNotes: report.findingNotes ?? [],
    boxErrors: report.boxErrors,
    unmatchedBoxes: report.unmatchedBoxes,
    findingsNotPlaced: findingsNotPlaced(report),
    placement: report.placement ?? null,
    unstoppable: report.unstoppable ?? [],
    twins: report.twins ?? [],
    ...(report.version ? { version: versionDocument(report.version, report.outRoot) } : {}),
  };
}

/** The end line of a run: how it ended and, when it ran, its totals and where its findings went. */
export function endLine(summary: ConversionSummary): Record<string, unknown> {
  switch (summary.status) {
    case 'failed':
      return { type: 'end', status: 'failed', cause: summary.cause, reason: summary.reason };
    case 'stopped':
      return { type: 'end', status: 'stopped', reason: summary.reason, ...reportEnd(summary) };
    case 'completed':
    case 'cancelled':
      return { type: 'end', status: summary.status, ...reportEnd(summary) };
  }
}

/** Opens (truncates) the report file and writes its start line; throws when it cannot be written. */
export function openReport(path: string, job: ConversionJob): ReportWriter {
  const fd = openSync(path, 'w');
  let open = true;
  const write = (value: string): void => {
    if (open) writeSync(fd, `${value}\n`);
  };
  write(
    JSON.stringify({
      type: 'start',
      tool: 'dicom-ink',
      startedAt: new Date().toISOString(),
      settings: settingsOf(job),
    }),
  );
  return {
    outcome: (o) => write(outcomeLine(o)),
    delivery: (document) => write(JSON.stringify({ type: 'delivery', ...document })),
    end: (summary) => write(JSON.stringify(endLine(summary))),
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
