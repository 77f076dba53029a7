/** Words for a delivery: progress (count, rate, time left), the end's totals and each instance (pure). */
import type { DeliveryEvent, ListedOutcome } from '../../../shared/ipc/delivery';
import { formatDuration } from '../export/export-progress';

export type RunningDelivery = Extract<DeliveryEvent, { state: 'running' }>;
export type EndedDelivery = Extract<DeliveryEvent, { state: 'completed' | 'cancelled' }>;

/** `12 of 24 sent · 5.0 instances/s · 3 s left · 1 failed · 2 waiting to retry` */
export function deliveryProgressText(p: RunningDelivery): string {
  const done = p.delivered + p.failed + p.skipped;
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 && p.delivered > 0 ? p.delivered / seconds : undefined;
  if (p.queued === 0) return 'Waiting for the first image to send…';
  const parts = [p.allQueued ? `${done} of ${p.queued} sent` : `${done} of ${p.queued} sent, more to come`];
  if (rate !== undefined) parts.push(`${rate.toFixed(1)} instances/s`);
  if (rate !== undefined && p.allQueued) parts.push(`${formatDuration((p.queued - done) / rate)} left`);
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.retrying > 0) parts.push(`${p.retrying} waiting to retry`);
  return parts.join(' · ');
}

/** `24 delivered to dicom://ORTHANC@... (24 sent now), 0 failed in 4.2 s` */
export function deliverySummaryText(end: EndedDelivery): string {
  const already = end.delivered - end.sentNow;
  const parts = [
    `${end.state === 'cancelled' ? 'Cancelled: ' : ''}${end.delivered} delivered to ${end.target}`,
  ];
  const detail = [`${end.sentNow} sent now`];
  if (already > 0) detail.push(`${already} already there`);
  parts[0] += ` (${detail.join(', ')})`;
  if (end.failed > 0) parts.push(`${end.failed} failed`);
  if (end.notSent > 0) parts.push(`${end.notSent} not sent`);
  if (end.skipped > 0) parts.push(`${end.skipped} not DICOM`);
  return `${parts.join(', ')} in ${(end.elapsedMs / 1000).toFixed(1)} s.`;
}

const KIND_WORDS: Record<ListedOutcome['kind'], string> = {
  delivered: 'delivered',
  warning: 'delivered with a warning',
  'already-stored': 'already stored',
  'already-delivered': 'already delivered',
  failed: 'failed',
  'not-sent': 'not sent',
  skipped: 'not DICOM, not sent',
};

export function outcomeKindText(kind: ListedOutcome['kind']): string {
  return KIND_WORDS[kind];
}

/** What follows the kind: `0xA900 error: data set does not match SOP class (permanent, not retried)` */
export function outcomeDetailText(o: ListedOutcome): string {
  const parts: string[] = [];
  if (o.code !== undefined) parts.push(o.code);
  if (o.meaning !== undefined) parts.push(o.meaning);
  if (o.kind === 'failed')
    parts.push(o.transient ? '(a retry later may deliver it)' : '(permanent, not retried)');
  return parts.join(' ');
}

/** True when some instance was not delivered: the user may send again. */
export function somethingLeft(end: EndedDelivery): boolean {
  return end.failed > 0 || end.notSent > 0;
}
