import { describe, expect, it } from 'vitest';
import { deliveryProgressLine, deliverySummary } from '../../../src/main/cli/delivery-text';
import type { DeliveryProgress, DeliveryReport } from '../../../src/main/delivery/deliver';

const progress: DeliveryProgress = {
  queued: 26,
  allQueued: true,
  delivered: 1,
  sentNow: 0,
  failed: 0,
  skipped: 0,
  retrying: 0,
  elapsedMs: 10,
};

const zipped: DeliveryReport = {
  target: 'ZIP /tmp/out.zip',
  media: true,
  status: 'completed',
  outcomes: Array.from({ length: 24 }, (_, i) => ({
    status: 'delivered' as const,
    file: `IM${String(i + 1).padStart(4, '0')}`,
    sopInstanceUid: `1.2.${i + 1}`,
    detail: 'success' as const,
    attempts: 1,
  })),
  elapsedMs: 310,
  sentNow: 24,
};

describe('delivery words on the command line', () => {
  it('a resend that sends nothing shows no rate ("1/26 sent 100 instances/s" no more)', () => {
    expect(deliveryProgressLine(progress)).toBe('1/26 sent');
    expect(deliveryProgressLine({ ...progress, delivered: 12, sentNow: 10, elapsedMs: 2000 })).toBe(
      '12/26 sent  5 instances/s  ~3 s left',
    );
  });

  it('a ZIP or DICOMDIR reports files written, in media words, without "delivered" or "not sent"', () => {
    expect(deliverySummary(zipped, { quiet: false })).toBe('24 files written to ZIP /tmp/out.zip in 0.3 s');
    const short: DeliveryReport = {
      ...zipped,
      outcomes: [
        ...zipped.outcomes.slice(0, 23),
        {
          status: 'not-sent',
          file: 'IM0024',
          reason: 'the ZIP could not be written: disk full',
          attempts: 1,
        },
      ],
    };
    expect(deliverySummary(short, { quiet: false }).split('\n')).toEqual([
      '23 files written to ZIP /tmp/out.zip, 1 file could not be written in 0.3 s',
      'Not written (1):',
      '  IM0024: the ZIP could not be written: disk full',
      'Run the same command again to write the medium again.',
    ]);
  });
});
