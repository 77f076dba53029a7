import type { ConversionReport } from '../export/job';
import type { ConversionJob } from '../export/job';
import { windowKey } from '../convert/settings-key';

/** The document `--report` writes: the settings, the totals and every input's outcome. */
export function reportJson(
  job: ConversionJob,
  report: ConversionReport,
  status: 'completed' | 'cancelled',
): string {
  const count = (status_: string): number => report.outcomes.filter((o) => o.status === status_).length;
  const { settings } = job;
  const document = {
    tool: 'dicom-ink',
    status,
    settings: {
      inputs: job.inputs,
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
    },
    totals: { converted: count('converted'), skipped: count('skipped'), failed: count('failed') },
    elapsedSeconds: Math.round(report.elapsedMs) / 1000,
    outcomes: report.outcomes.map((o) => {
      switch (o.status) {
        case 'converted':
          return {
            input: o.input,
            status: o.status,
            output: o.output,
            frames: o.frames,
            boxesDrawn: o.boxesDrawn,
          };
        case 'skipped':
        case 'failed':
          return { input: o.input, status: o.status, reason: o.reason };
      }
    }),
    boxErrors: report.boxErrors,
    unmatchedBoxes: report.unmatchedBoxes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
