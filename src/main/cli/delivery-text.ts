import type { DeliveryProgress, DeliveryReport } from '../delivery/deliver';
import type { DeliveryOutcome } from '../delivery/outcome';
import { hex4 } from '../delivery/outcome';

function count(report: DeliveryReport, status: DeliveryOutcome['status']): number {
  return report.outcomes.filter((o) => o.status === status).length;
}

/** `120/200 sent  35 instances/s  ~2 s left  3 failed  5 waiting to retry` */
export function deliveryProgressLine(progress: DeliveryProgress): string {
  const done = progress.delivered + progress.failed + progress.skipped;
  const seconds = progress.elapsedMs / 1000;
  // A rate only of what this run sent: instances the log says were delivered earlier are not sent again.
  const rate = seconds > 0 ? progress.sentNow / seconds : 0;
  const total = progress.allQueued ? `/${progress.queued}` : '';
  const speed = rate > 0 ? `  ${rate.toFixed(0)} instances/s` : '';
  const left =
    progress.allQueued && rate > 0 ? `  ~${Math.ceil((progress.queued - done) / rate)} s left` : '';
  const failed = progress.failed > 0 ? `  ${progress.failed} failed` : '';
  const retrying = progress.retrying > 0 ? `  ${progress.retrying} waiting to retry` : '';
  return `${done}${total} sent${speed}${left}${failed}${retrying}`;
}

function outcomeLine(o: DeliveryOutcome): string {
  switch (o.status) {
    case 'delivered':
      return `  ${o.file}: ${o.detail}${o.meaning ? ` (${o.meaning})` : ''}`;
    case 'failed': {
      // `code` is a C-STORE status (hex); an HTTP status is named as such, never as hex.
      const http =
        o.httpStatus !== undefined && !o.meaning.includes(`HTTP ${o.httpStatus}`)
          ? ` (HTTP ${o.httpStatus})`
          : '';
      return `  ${o.file}: ${o.code !== undefined ? `${hex4(o.code)} ` : ''}${o.meaning}${http}${o.transient ? '' : ' [permanent: not retried]'}`;
    }
    case 'skipped':
      return `  ${o.file}: ${o.reason}`;
    case 'not-sent':
      return `  ${o.file}: ${o.reason}`;
  }
}

/** A medium's totals in its own words: `24 files written to ZIP out.zip in 0.3 s` (no PACS words). */
function mediaTotals(
  report: DeliveryReport,
  n: { written: number; failed: number; skipped: number },
): string {
  const files = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`;
  const parts = [
    `${report.status === 'cancelled' ? 'Cancelled: ' : ''}${files(n.written)} written to ${report.target}`,
  ];
  if (n.failed > 0) parts.push(`${files(n.failed)} could not be written`);
  if (n.skipped > 0) parts.push(`${files(n.skipped)} left out (not DICOM)`);
  return `${parts.join(', ')} in ${(report.elapsedMs / 1000).toFixed(1)} s`;
}

/** The summary after a delivery: totals, then every failure, warning and unsent file with its reason. */
export function deliverySummary(report: DeliveryReport, options: { quiet: boolean }): string {
  const delivered = count(report, 'delivered');
  const already = report.outcomes.filter(
    (o) => o.status === 'delivered' && o.detail === 'already-delivered',
  ).length;
  const failed = count(report, 'failed');
  const notSent = count(report, 'not-sent');
  const skipped = count(report, 'skipped');
  const seconds = report.elapsedMs / 1000;
  const rate =
    seconds > 0 && report.sentNow > 0 ? `, ${(report.sentNow / seconds).toFixed(1)} instances/s` : '';
  const lines = [
    report.media
      ? mediaTotals(report, { written: delivered, failed: failed + notSent, skipped })
      : `${report.status === 'cancelled' ? 'Cancelled: ' : ''}${delivered} delivered to ${report.target} ` +
        `(${report.sentNow} sent now, ${already} already delivered earlier), ${failed} failed, ${notSent} not sent, ` +
        `${skipped} skipped in ${seconds.toFixed(1)} s${rate}`,
  ];
  const section = (title: string, list: DeliveryOutcome[]): void => {
    if (list.length === 0) return;
    lines.push(`${title} (${list.length}):`, ...list.map(outcomeLine));
  };
  section(
    'Failed',
    report.outcomes.filter((o) => o.status === 'failed'),
  );
  section(
    report.media ? 'Not written' : 'Not sent',
    report.outcomes.filter((o) => o.status === 'not-sent'),
  );
  if (!options.quiet) {
    section(
      'Stored with a warning',
      report.outcomes.filter((o) => o.status === 'delivered' && o.detail === 'warning'),
    );
    section(
      'Skipped (not DICOM)',
      report.outcomes.filter((o) => o.status === 'skipped'),
    );
  }
  if (report.finishError) lines.push(`Not finished: ${report.finishError}`);
  for (const note of report.mediaNotes ?? []) lines.push(`Note: ${note}`);
  if (report.logError) lines.push(`Warning: ${report.logError}`);
  if (failed > 0 || notSent > 0)
    lines.push(
      report.media
        ? 'Run the same command again to write the medium again.'
        : 'Run the same command again to send what was not delivered.',
    );
  return lines.join('\n');
}

/** Exit 0 only when every DICOM instance was delivered (and media were finished). */
export function deliveryComplete(report: DeliveryReport): boolean {
  return (
    report.status === 'completed' &&
    report.finishError === undefined &&
    report.outcomes.every((o) => o.status === 'delivered' || o.status === 'skipped')
  );
}

/** The `--report` document of a delivery: the target and every instance's outcome. */
export function deliveryReportDocument(report: DeliveryReport): Record<string, unknown> {
  const tally = (status: DeliveryOutcome['status']): number => count(report, status);
  return {
    target: report.target,
    status: report.status,
    totals: {
      delivered: tally('delivered'),
      sentNow: report.sentNow,
      failed: tally('failed'),
      notSent: tally('not-sent'),
      skipped: tally('skipped'),
    },
    elapsedSeconds: Math.round(report.elapsedMs) / 1000,
    ...(report.finishError ? { finishError: report.finishError } : {}),
    ...(report.logError ? { logError: report.logError } : {}),
    outcomes: report.outcomes.map((o) => ({
      ...o,
      ...('code' in o && o.code !== undefined ? { codeHex: hex4(o.code) } : {}),
    })),
  };
}
