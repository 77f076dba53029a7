/**
 * The delivery engine's one transition per answer (issue 20): only a `stored` answer delivers (and so
 * enters the delivery log); transient failures retry with bounded back-off, or end as not sent after a
 * cancel; permanent ones fail at once, keeping the C-STORE status and the HTTP status apart.
 */
import { describe, expect, it } from 'vitest';
import { afterAnswer } from '../../../src/main/delivery/answer-transition';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';

const info = { path: '/out/IM0001', sopInstanceUid: '1.2.3' } as InstanceInfo;
const retry = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 };
const live = { retry, cancelled: false };

describe('afterAnswer', () => {
  it('stored -> delivered, with the HTTP status kept apart from the C-STORE code', () => {
    expect(afterAnswer(info, 1, { kind: 'stored', detail: 'success', httpStatus: 200 }, live)).toEqual({
      to: 'delivered',
      outcome: {
        status: 'delivered',
        file: '/out/IM0001',
        sopInstanceUid: '1.2.3',
        detail: 'success',
        code: undefined,
        httpStatus: 200,
        meaning: undefined,
        attempts: 1,
      },
    });
  });

  it('a transient failure retries after 1 s, 2 s, then 3 s (the cap), and fails on the last try', () => {
    const timeout = { kind: 'failed' as const, transient: true, meaning: 'timeout' };
    expect([1, 2, 3].map((n) => afterAnswer(info, n, timeout, live))).toEqual([
      { to: 'retry', afterMs: 1000 },
      { to: 'retry', afterMs: 2000 },
      { to: 'retry', afterMs: 3000 },
    ]);
    expect(afterAnswer(info, 4, timeout, live)).toMatchObject({
      to: 'failed',
      outcome: { transient: true, meaning: 'timeout (after 4 attempts)', attempts: 4 },
    });
  });

  it('after a cancel a transient failure is "not sent", a permanent one still "failed"', () => {
    const cancelled = { retry, cancelled: true };
    expect(afterAnswer(info, 1, { kind: 'failed', transient: true, meaning: 'x' }, cancelled)).toMatchObject({
      to: 'not-sent',
    });
    expect(
      afterAnswer(info, 1, { kind: 'failed', transient: false, code: 0xc000, meaning: 'x' }, cancelled),
    ).toMatchObject({ to: 'failed', outcome: { code: 0xc000, transient: false } });
  });

  it('a permanent failure is never retried', () => {
    const refused = {
      kind: 'failed' as const,
      transient: false,
      httpStatus: 200,
      meaning: 'not a Store response',
    };
    expect(afterAnswer(info, 1, refused, live)).toMatchObject({
      to: 'failed',
      outcome: { httpStatus: 200, attempts: 1, meaning: 'not a Store response' },
    });
  });
});
