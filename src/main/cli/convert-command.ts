import { writeFile } from 'node:fs/promises';
import { startConversion } from '../export/start-conversion';
import { parseConvertArgs } from './parse-convert-args';
import { EXIT } from './exit-codes';
import { createProgressDisplay } from './progress-display';
import { reportJson } from './report-json';
import { summaryText } from './summary-text';
import { usageError } from './usage-error';

/** `dicom-ink convert`: returns the exit code (exit-codes.ts). */
export async function convertCommand(args: readonly string[]): Promise<number> {
  const parsed = parseConvertArgs(args);
  if (!parsed.ok) return usageError(parsed.reason, 'convert');
  const { job, reportPath, quiet } = parsed.value;
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    process.stderr.write('\nStopping: finishing the files in progress (Ctrl-C again to quit now)...\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onSignal);
  const display = createProgressDisplay(process.stderr, quiet);
  const summary = await startConversion(job, {
    signal: controller.signal,
    onProgress: (p) => display.update(p),
    countTotal: process.stderr.isTTY && !quiet,
  });
  process.removeListener('SIGINT', onSignal);
  display.end();
  switch (summary.status) {
    case 'failed':
      if (summary.cause === 'findings') {
        // Not a usage mistake: the findings themselves cannot be placed; say why, without the usage text.
        process.stderr.write(`dicom-ink: ${summary.reason}\n`);
        return EXIT.usage;
      }
      if (summary.cause !== 'engine') return usageError(summary.reason, 'convert');
      process.stderr.write(`dicom-ink: ${summary.reason}\n`);
      return 1;
    case 'completed':
    case 'cancelled': {
      process.stdout.write(`${summaryText(summary, { quiet, cancelled: summary.status === 'cancelled' })}\n`);
      if (reportPath !== undefined) {
        try {
          await writeFile(reportPath, reportJson(job, summary, summary.status));
        } catch (error) {
          process.stderr.write(
            `dicom-ink: could not write the report ${reportPath} (${String(error)}); check the path\n`,
          );
          return 1;
        }
      }
      // 130 = 128 + SIGINT, what shells report for a job stopped by Ctrl-C; 1 stays "some image failed".
      if (interrupted) return EXIT.interrupted;
      const anyFailed = summary.outcomes.some((o) => o.status === 'failed');
      return anyFailed || summary.status === 'cancelled' ? EXIT.someFailed : EXIT.ok;
    }
  }
}
