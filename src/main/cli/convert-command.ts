import { writeFile } from 'node:fs/promises';
import { startConversion } from '../export/start-conversion';
import { parseConvertArgs } from './parse-convert-args';
import { EXIT } from './exit-codes';
import type { DeliveryReport } from '../delivery/deliver';
import { startConvertDeliveries } from './convert-deliveries';
import { deliveryReportDocument } from './delivery-text';
import { createProgressDisplay } from './progress-display';
import { reportJson } from './report-json';
import { findingsNotPlaced, summaryText } from './summary-text';
import { usageError } from './usage-error';
import { endBySignal } from './end-by-signal';

/** The conversion report with each delivery's outcomes (`--send`, `--zip`) added. */
function withDeliveries(report: string, deliveries: readonly DeliveryReport[]): string {
  if (deliveries.length === 0) return report;
  const document = JSON.parse(report) as Record<string, unknown>;
  return `${JSON.stringify({ ...document, deliveries: deliveries.map(deliveryReportDocument) }, null, 2)}\n`;
}

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
    // A second Ctrl-C ends the process by the signal itself: process.exit() would wait for a converter
    // thread blocked in a system call for ever.
    process.once('SIGINT', () => endBySignal('SIGINT'));
  };
  process.once('SIGINT', onSignal);
  const deliveries = await startConvertDeliveries(parsed.value, controller.signal);
  if (!deliveries.ok) {
    process.removeListener('SIGINT', onSignal);
    return usageError(deliveries.reason, 'convert');
  }
  const display = createProgressDisplay(process.stderr, quiet);
  const summary = await startConversion(job, {
    signal: controller.signal,
    onProgress: (p) => {
      display.update(p);
      if (p.last) deliveries.value.onOutcome(p.last);
    },
    countTotal: process.stderr.isTTY && !quiet,
  });
  display.end();
  // A conversion that could not start leaves nothing to deliver: no empty ZIP, no summary.
  if (summary.status === 'failed') controller.abort();
  const delivered = await deliveries.value.finish({ quiet, print: summary.status !== 'failed' });
  process.removeListener('SIGINT', onSignal);
  switch (summary.status) {
    case 'failed':
      // Nothing started: a bad input, unusable findings or an unwritable --out is said in one line with
      // exit 2 (not a usage text: the arguments were well formed); an engine failure is exit 1.
      process.stderr.write(`dicom-ink: ${summary.reason}\n`);
      return summary.cause === 'engine' ? EXIT.someFailed : EXIT.usage;
    case 'completed':
    case 'cancelled': {
      process.stdout.write(`${summaryText(summary, { quiet, cancelled: summary.status === 'cancelled' })}\n`);
      if (reportPath !== undefined) {
        try {
          await writeFile(
            reportPath,
            withDeliveries(reportJson(job, summary, summary.status), delivered.reports),
          );
        } catch (error) {
          process.stderr.write(
            `dicom-ink: could not write the report ${reportPath} (${String(error)}); check the path\n`,
          );
          return 1;
        }
      }
      if ((summary.unstoppable?.length ?? 0) > 0) {
        // No exit code can be returned while a thread waits inside a system call (the process would wait
        // for it at exit): end by a signal, SIGINT after Ctrl-C (130), else SIGTERM (143).
        const signal = interrupted ? 'SIGINT' : 'SIGTERM';
        process.stderr.write(
          `dicom-ink: ending by ${signal}: a converter thread could not be stopped (listed above)\n`,
        );
        endBySignal(signal);
        return interrupted ? EXIT.interrupted : EXIT.threadStuck;
      }
      // 130 = 128 + SIGINT, what shells report for a job stopped by Ctrl-C; 1 stays "some image failed".
      if (interrupted) return EXIT.interrupted;
      const anyFailed = summary.outcomes.some((o) => o.status === 'failed') || !delivered.complete;
      if (anyFailed || summary.status === 'cancelled') return EXIT.someFailed;
      // Every image converted, but some findings were not placed: a script must be able to tell.
      return findingsNotPlaced(summary) > 0 ? EXIT.findingsNotPlaced : EXIT.ok;
    }
  }
}
