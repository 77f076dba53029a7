import type { InstanceInfo } from './instance-file';
import type { Answer, DeliveryOutcome } from './outcome';

export interface RetryPolicy {
  /** tries per instance for transient failures, the first included */
  attempts: number;
  /** wait before the 2nd try; doubled for each further one, capped at maxDelayMs */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Where one instance goes after the PACS's answer to its `attempts`-th try: each state a named value.
 * `delivered` is the only one recorded in the delivery log, and only a `stored` answer leads to it.
 */
export type Transition =
  | { to: 'delivered'; outcome: Extract<DeliveryOutcome, { status: 'delivered' }> }
  | { to: 'retry'; afterMs: number }
  | { to: 'failed'; outcome: Extract<DeliveryOutcome, { status: 'failed' }> }
  | { to: 'not-sent'; outcome: Extract<DeliveryOutcome, { status: 'not-sent' }> };

const httpOf = (answer: Answer): { httpStatus?: number } =>
  answer.httpStatus !== undefined ? { httpStatus: answer.httpStatus } : {};

/**
 * The transition after an answer (pure): stored -> delivered; a transient failure with tries left and
 * no cancel -> retry after the back-off (base x 2^(attempts-1), capped); a transient failure after a
 * cancel -> not sent; anything else -> failed, with the number of tries when there were several.
 */
export function afterAnswer(
  info: InstanceInfo,
  attempts: number,
  answer: Answer,
  context: { retry: RetryPolicy; cancelled: boolean },
): Transition {
  const { path: file, sopInstanceUid } = info;
  if (answer.kind === 'stored')
    return {
      to: 'delivered',
      outcome: {
        status: 'delivered',
        file,
        sopInstanceUid,
        detail: answer.detail,
        code: answer.code,
        ...httpOf(answer),
        meaning: answer.meaning,
        attempts,
      },
    };
  const { retry, cancelled } = context;
  if (answer.transient && attempts < retry.attempts && !cancelled)
    return { to: 'retry', afterMs: Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1)) };
  if (answer.transient && cancelled)
    return {
      to: 'not-sent',
      outcome: {
        status: 'not-sent',
        file,
        sopInstanceUid,
        reason: 'cancelled before the PACS confirmed it',
        attempts,
      },
    };
  const tries = answer.transient && attempts > 1 ? ` (after ${attempts} attempts)` : '';
  return {
    to: 'failed',
    outcome: {
      status: 'failed',
      file,
      sopInstanceUid,
      transient: answer.transient,
      code: answer.code,
      ...httpOf(answer),
      meaning: `${answer.meaning}${tries}`,
      attempts,
    },
  };
}
