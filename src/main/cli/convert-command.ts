import path from 'node:path';
import type { ConversionReport, ConversionSummary } from '../export/job';
import { startConversion } from '../export/start-conversion';
import { unstoppableReason } from '../export/unstoppable-text';
import { parseConvertArgs } from './parse-convert-args';
import { EXIT } from './exit-codes';
import { startConvertDeliveries } from './convert-deliveries';
import { deliveryReportDocument } from './delivery-text';
import { createProgressDisplay } from './progress-display';
import { openReport } from './report-lines';
import type { ReportWriter } from './report-lines';
import { findingsNotPlaced, summaryText } from './summary-text';
import { usageError } from './usage-error';
import { endBySignal } from './end-by-signal';
import { anyTwinFailed } from '../twin/twin-text';
import { printOut, printErr } from './print';

function reportProblem(path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `could not write the report ${path} (${message}); check the path`;
}

function stuckThreads(report: ConversionReport): boolean {
  return (report.unstoppable?.length ?? 0) > 0;
}

/**
 * No exit code can be returned while a thread waits inside a system call (the process would wait for
 * it at exit): end by a signal, SIGINT after Ctrl-C (130), else SIGTERM (143).
 */
function endWhileStuck(interrupted: boolean): number {
  const signal = interrupted ? 'SIGINT' : 'SIGTERM';
  printErr(`dicom-ink: ending by ${signal}: a converter thread could not be stopped (listed above)\n`);
  endBySignal(signal);
  return interrupted ? EXIT.interrupted : EXIT.threadStuck;
}

/** Why the version this run made is not whole (a file or twin that failed, a stop): no withdrawal then. */
function incompleteVersion(summary: ConversionSummary): { incomplete?: string } {
  if (summary.status !== 'completed') return { incomplete: `the conversion ended ${summary.status}` };
  if (summary.tally.failed > 0) return { incomplete: `${summary.tally.failed} file(s) failed to convert` };
  if (anyTwinFailed(summary.twins)) return { incomplete: 'a presentation state or report was not written' };
  return {};
}

/** `dicom-ink convert`: returns the exit code (exit-codes.ts). */
export async function convertCommand(args: readonly string[]): Promise<number> {
  const parsed = parseConvertArgs(args);
  if (!parsed.ok) return usageError(parsed.reason, 'convert');
  const { job, reportPath, quiet } = parsed.value;
  let report: ReportWriter | undefined;
  if (reportPath !== undefined) {
    try {
      report = openReport(reportPath, job);
    } catch (error) {
      return usageError(reportProblem(reportPath, error), 'convert');
    }
  }
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    printErr('\nStopping: finishing the files in progress (Ctrl-C again to quit now)...\n');
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
  let reportError: string | undefined;
  const summary = await startConversion(job, {
    signal: controller.signal,
    onProgress: (p) => {
      display.update(p);
      if (p.last) deliveries.value.onOutcome(p.last);
    },
    countTotal: process.stderr.isTTY && !quiet,
    keepOutcomes: false,
    onTwin: (twin) => deliveries.value.onTwin(twin),
    onOutcome: (outcome) => {
      if (!report || reportError !== undefined) return;
      try {
        report.outcome(outcome);
      } catch (error) {
        reportError = reportProblem(reportPath ?? '', error);
        controller.abort();
      }
    },
  });
  display.end();
  // A conversion that could not start leaves nothing to deliver: no empty ZIP, no summary.
  if (summary.status === 'failed') controller.abort();
  const delivered = await deliveries.value.finish({
    quiet,
    print: summary.status !== 'failed',
    ...incompleteVersion(summary),
  });
  process.removeListener('SIGINT', onSignal);
  try {
    if (reportError === undefined) {
      for (const delivery of delivered.reports) report?.delivery(deliveryReportDocument(delivery));
      report?.end(summary);
    }
  } catch (error) {
    reportError = reportProblem(reportPath ?? '', error);
  } finally {
    report?.close();
  }
  if (reportError !== undefined) {
    printErr(`dicom-ink: ${reportError}\n`);
    return EXIT.someFailed;
  }
  switch (summary.status) {
    case 'failed':
      // Nothing started: a bad input, unusable findings or an unwritable --out is said in one line with
      // exit 2 (not a usage text: the arguments were well formed); an engine failure is exit 1.
      printErr(`dicom-ink: ${summary.reason}\n`);
      return summary.cause === 'engine' ? EXIT.someFailed : EXIT.usage;
    case 'stopped':
      // One message, not one per file that met the same full or read-only disk.
      printErr(`dicom-ink: ${summary.reason}\n`);
      if (!stuckThreads(summary)) return EXIT.someFailed;
      for (const thread of summary.unstoppable ?? [])
        printErr(`dicom-ink: ${thread.file}: ${unstoppableReason(thread)}\n`);
      return endWhileStuck(interrupted);
    case 'completed':
    case 'cancelled':
      printOut(
        `${summaryText(summary, { quiet, cancelled: summary.status === 'cancelled', outDir: path.resolve(job.outDir) })}\n`,
      );
      if (stuckThreads(summary)) return endWhileStuck(interrupted);
      // 130 = 128 + SIGINT, what shells report for a job stopped by Ctrl-C; 1 stays "some image failed".
      if (interrupted) return EXIT.interrupted;
      if (
        summary.tally.failed > 0 ||
        anyTwinFailed(summary.twins) ||
        !delivered.complete ||
        summary.status === 'cancelled'
      ) {
        return EXIT.someFailed;
      }
      // Every image converted, but some findings were not placed: a script must be able to tell.
      return findingsNotPlaced(summary) > 0 ? EXIT.findingsNotPlaced : EXIT.ok;
  }
}
