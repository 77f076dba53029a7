import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../../src/main/convert/outcome';
import { channelReader, channelWriter, createChannelMemory } from '../../../src/main/export/outcome-channel';

const outcome = (input: string, reason = ''): FileOutcome => ({ status: 'skipped', input, reason });

describe('outcome channel (worker -> pool through shared memory)', () => {
  it('hands the records over in order, each once, across many wrap-arounds of the ring', () => {
    const memory = createChannelMemory();
    const writer = channelWriter(memory);
    const reader = channelReader(memory);
    const seen: number[] = [];
    let id = 0;
    for (let round = 0; round < 200; round++) {
      // records of varied sizes (up to ~20 KB), non-ASCII text included
      for (let k = 0; k < 7; k++, id++) {
        expect(writer.write({ id, outcome: outcome(`é/${id}`, 'x'.repeat((id * 977) % 20000)) })).toBe(true);
      }
      for (const record of reader.drain()) {
        expect(record.outcome.input).toBe(`é/${record.id}`);
        seen.push(record.id);
      }
    }
    expect(seen).toEqual(Array.from({ length: id }, (_, i) => i));
    expect(reader.drain()).toEqual([]);
  });

  it('refuses a record that does not fit until the reader has caught up, and says when it is filling', () => {
    const memory = createChannelMemory();
    const writer = channelWriter(memory);
    const reader = channelReader(memory);
    const big = (id: number) => ({ id, outcome: outcome(String(id), 'y'.repeat(60_000)) });
    expect(writer.filling()).toBe(false);
    let written = 0;
    while (writer.write(big(written))) written++;
    expect(written).toBeGreaterThan(2);
    expect(writer.filling()).toBe(true);
    expect(reader.drain().map((r) => r.id)).toEqual(Array.from({ length: written }, (_, i) => i));
    expect(writer.write(big(written))).toBe(true);
  });

  it('tells the worker to post once it has finished as many files as the pool asked', () => {
    const memory = createChannelMemory();
    const writer = channelWriter(memory);
    channelReader(memory).flushAt(3);
    expect([writer.finished(), writer.finished(), writer.finished(), writer.finished()]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
