import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDelivery } from '../../../src/main/delivery/deliver';
import type { DeliveryTarget } from '../../../src/main/delivery/target';

const SERIES = join('assets', 'sample', 'abdomen-ct', 'series-1');
const files = readdirSync(SERIES)
  .sort()
  .map((name) => join(SERIES, name));

/** A PACS that refuses its first batch as busy (a 503) and stores every later one; it lists batch sizes. */
function busyOncePacs(batches: number[]): DeliveryTarget {
  return {
    label: 'busy-once PACS',
    batchLimit: { count: 50, bytes: 1 << 30 },
    maxParallel: 1,
    sendBatch: async (batch, options) => {
      batches.push(batch.length);
      if (batches.length === 1)
        return { ok: false, failure: { transient: true, meaning: 'HTTP 503 Service Unavailable' } };
      batch.forEach((_, index) => options.onAnswer(index, { kind: 'stored', detail: 'success' }));
      return { ok: true };
    },
  };
}

describe('retries of a failed batch', () => {
  it('send what failed together as one batch again, however long the progress listener takes', async () => {
    const batches: number[] = [];
    const delivery = createDelivery(busyOncePacs(batches), {
      retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 80 },
      // A slow listener (an IPC post on a loaded machine): time passes between the instances' answers.
      onProgress: () => {
        const until = performance.now() + 3;
        while (performance.now() < until);
      },
    });
    for (const file of files) delivery.add(file, SERIES);
    const report = await delivery.end();
    expect(files.length).toBe(24);
    expect(batches).toEqual([24, 24]);
    expect(report.outcomes.every((o) => o.status === 'delivered' && o.attempts === 2)).toBe(true);
  });
});
