import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressPacer } from '../../../src/main/app/services/progress-pacer';

interface State {
  done: number;
  elapsedMs: number;
}

describe('progress pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function pacer() {
    const sent: Array<State & { at: number }> = [];
    const started = Date.now();
    const clock = () => Date.now() - started;
    const paced = createProgressPacer<State>({
      minIntervalMs: 100,
      heartbeatMs: 200,
      emit: (state) => sent.push({ ...state, at: clock() }),
      now: clock,
    });
    return { sent, paced, clock };
  }

  it('sends the first state at once, a burst as one event per interval, and the newest one of it', () => {
    const { sent, paced, clock } = pacer();
    paced.update({ done: 1, elapsedMs: clock() });
    for (let done = 2; done <= 30; done++) {
      vi.advanceTimersByTime(5);
      paced.update({ done, elapsedMs: clock() });
    }
    // An outcome every 5 ms for 145 ms: sent at 0, at 100 (the newest then: done 20, from 95 ms) and the
    // newest of the rest (done 30, from 145 ms) at 200, when the interval is up.
    vi.advanceTimersByTime(60);
    expect(sent.map((s) => [s.at, s.done])).toEqual([
      [0, 1],
      [100, 20],
      [200, 30],
    ]);
    paced.stop();
  });

  it('while every worker is on a slow file, repeats the counts every heartbeat with the time moved on', () => {
    const { sent, paced } = pacer();
    paced.update({ done: 7, elapsedMs: 1_000 });
    vi.advanceTimersByTime(1_000);
    expect(sent.map((s) => s.at)).toEqual([0, 200, 400, 600, 800, 1_000]);
    expect(sent.every((s) => s.done === 7)).toBe(true);
    expect(sent.map((s) => s.elapsedMs)).toEqual([1_000, 1_200, 1_400, 1_600, 1_800, 2_000]);
    // No gap between two events is longer than the heartbeat.
    expect(Math.max(...sent.slice(1).map((s, i) => s.at - (sent[i]?.at ?? 0)))).toBe(200);
    paced.stop();
  });

  it('sends the final state without waiting, and nothing once stopped', () => {
    const { sent, paced } = pacer();
    paced.update({ done: 9, elapsedMs: 0 });
    vi.advanceTimersByTime(10);
    paced.update({ done: 10, elapsedMs: 10 }, true);
    expect(sent.map((s) => s.done)).toEqual([9, 10]);
    paced.stop();
    paced.update({ done: 11, elapsedMs: 20 });
    vi.advanceTimersByTime(1_000);
    expect(sent.map((s) => s.done)).toEqual([9, 10]);
  });
});
