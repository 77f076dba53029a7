import { describe, expect, it } from 'vitest';
import {
  chosenDestination,
  initialChoice,
  withKnownSaved,
} from '../../../src/renderer/features/delivery/destination-choice';
import {
  deliveryProgressText,
  deliverySummaryText,
  outcomeDetailText,
  somethingLeft,
  type EndedDelivery,
  type RunningDelivery,
} from '../../../src/renderer/features/delivery/delivery-text';

const running: RunningDelivery = {
  deliveryId: 'send-1',
  jobId: 'export-1',
  state: 'running',
  target: 'dicom://ORTHANC@localhost:4242 (calling AE DICOMINK)',
  queued: 24,
  allQueued: true,
  delivered: 10,
  failed: 2,
  skipped: 0,
  retrying: 3,
  elapsedMs: 2000,
};

const ended: EndedDelivery = {
  deliveryId: 'send-1',
  jobId: 'export-1',
  state: 'completed',
  target: 'http://localhost:8042/dicom-web',
  sentNow: 20,
  elapsedMs: 4150,
  outcomes: [],
  delivered: 24,
  failed: 0,
  notSent: 0,
  skipped: 0,
};

describe('delivery words', () => {
  it('progress gives the count, the rate, the time left, failures and retries', () => {
    expect(deliveryProgressText(running)).toBe(
      '12 of 24 sent · 5.0 instances/s · 3 s left · 2 failed · 3 waiting to retry',
    );
    expect(deliveryProgressText({ ...running, allQueued: false, failed: 0, retrying: 0 })).toBe(
      '10 of 24 sent, more to come · 5.0 instances/s',
    );
    // Before the first converted image is handed over there is nothing to count ("0 sent (0 so far)").
    expect(
      deliveryProgressText({ ...running, queued: 0, allQueued: false, delivered: 0, failed: 0, retrying: 0 }),
    ).toBe('Waiting for the first image to send…');
    expect(deliveryProgressText({ ...running, delivered: 0, failed: 0, retrying: 24 })).toBe(
      '0 of 24 sent · 24 waiting to retry',
    );
  });

  it('the end says N delivered, how many were there already, and what failed or was not sent', () => {
    expect(deliverySummaryText(ended)).toBe(
      '24 delivered to http://localhost:8042/dicom-web (20 sent now, 4 already there) in 4.2 s.',
    );
    const cancelled = {
      ...ended,
      state: 'cancelled' as const,
      delivered: 5,
      sentNow: 5,
      failed: 1,
      notSent: 18,
    };
    expect(deliverySummaryText(cancelled)).toBe(
      'Cancelled: 5 delivered to http://localhost:8042/dicom-web (5 sent now), 1 failed, 18 not sent in 4.2 s.',
    );
    expect(somethingLeft(ended)).toBe(false);
    expect(somethingLeft(cancelled)).toBe(true);
  });

  it('an instance shows its status code, meaning and whether a retry may help', () => {
    expect(
      outcomeDetailText({
        file: 'IM1',
        kind: 'failed',
        code: '0xA900',
        meaning: 'error: data set does not match SOP class',
        transient: false,
      }),
    ).toBe('0xA900 error: data set does not match SOP class (permanent, not retried)');
    expect(outcomeDetailText({ file: 'IM1', kind: 'delivered' })).toBe('');
  });
});

describe('destination choice', () => {
  const list = [
    { name: 'broken', description: 'x', invalid: 'bad' },
    { name: 'orthanc', description: 'dicom://ORTHANC@localhost:4242' },
  ];
  it('sends nothing, a saved name or a typed URL; an empty choice sends nothing', () => {
    expect(chosenDestination(initialChoice(list, true))).toBeUndefined();
    expect(initialChoice(list, false)).toEqual({ mode: 'saved', saved: 'orthanc', url: '' });
    expect(initialChoice([], false).mode).toBe('url');
    expect(chosenDestination({ mode: 'url', saved: 'orthanc', url: '  dicom://A@h:1 ' })).toBe(
      'dicom://A@h:1',
    );
    expect(chosenDestination({ mode: 'url', saved: 'orthanc', url: ' ' })).toBeUndefined();
  });
  it('a saved name no longer in the list stands for the first valid one', () => {
    expect(withKnownSaved({ mode: 'saved', saved: '', url: '' }, list).saved).toBe('orthanc');
    expect(withKnownSaved({ mode: 'saved', saved: 'gone', url: '' }, []).saved).toBe('');
  });
});
