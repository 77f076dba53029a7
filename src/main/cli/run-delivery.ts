import { writeFile } from 'node:fs/promises';
import type { Delivery, DeliveryOptions, DeliveryProgress, DeliveryReport } from '../delivery/deliver';
import { createDelivery } from '../delivery/deliver';
import type { DeliveryTarget } from '../delivery/target';
import { deliveryProgressLine, deliveryReportDocument, deliverySummary } from './delivery-text';
import { printOut, printErr } from './print';
import { terminalSafe } from '../../shared/text/terminal-safe';

const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 2000;

/** Progress of a delivery on stderr: a redrawn line on a terminal, failures and a line every 2 s otherwise. */
export function deliveryProgressPrinter(
  stream: NodeJS.WriteStream,
  quiet: boolean,
): {
  update(progress: DeliveryProgress): void;
  end(): void;
} {
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      if (quiet) return;
      if (!stream.isTTY && progress.last?.status === 'failed')
        stream.write(terminalSafe(`failed: ${progress.last.file}: ${progress.last.meaning}\n`));
      const now = Date.now();
      if (now - last < (stream.isTTY ? REDRAW_MS : PLAIN_EVERY_MS)) return;
      last = now;
      if (stream.isTTY) {
        drawn = true;
        stream.write(`\r${deliveryProgressLine(progress).slice(0, (stream.columns || 80) - 1)}\x1b[K`);
      } else stream.write(`sending: ${deliveryProgressLine(progress)}\n`);
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

export function startCliDelivery(
  target: DeliveryTarget,
  options: Omit<DeliveryOptions, 'onProgress'> & { quiet: boolean },
): { delivery: Delivery; endDisplay(): void } {
  const printer = deliveryProgressPrinter(process.stderr, options.quiet);
  const delivery = createDelivery(target, { ...options, onProgress: (p) => printer.update(p) });
  return { delivery, endDisplay: () => printer.end() };
}

/** Prints the summary and writes the report; false when the report could not be written. */
export async function finishCliDelivery(
  report: DeliveryReport,
  options: { quiet: boolean; reportPath?: string; extra?: Record<string, unknown> },
): Promise<boolean> {
  printOut(`${deliverySummary(report, { quiet: options.quiet })}\n`);
  if (options.reportPath === undefined) return true;
  try {
    const document = { tool: 'dicom-ink', ...options.extra, delivery: deliveryReportDocument(report) };
    await writeFile(options.reportPath, `${JSON.stringify(document, null, 2)}\n`);
    return true;
  } catch (error) {
    printErr(
      `dicom-ink: could not write the report ${options.reportPath} (${String(error)}); check the path\n`,
    );
    return false;
  }
}
