import { DEFAULT_RETRY } from '../delivery/deliver';
import type { RetryPolicy } from '../delivery/deliver';
import type { Destination, Parsed } from '../delivery/destination';
import { resolveDestination } from '../delivery/destinations-store';
import { secretsFromArgs, timeoutArg } from './secret-args';

/** How long one association or HTTP request may stay silent (no byte either way) before it fails. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 30_000;

export interface DeliveryArgs {
  destination: Destination;
  connections: number;
  retry: RetryPolicy;
  resend: boolean;
  timeoutMs: number;
}

function wholeNumber(text: string | undefined, flag: string, min: number, fallback: number): Parsed<number> {
  if (text === undefined) return { ok: true, value: fallback };
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > 64)
    return { ok: false, reason: `${flag} needs a whole number from ${min} to 64, got "${text}"` };
  return { ok: true, value };
}

/** The destination and the delivery options shared by `send` and `convert --send`. */
export async function parseDeliveryArgs(
  to: string,
  values: {
    connections?: string;
    retries?: string;
    'calling-ae'?: string;
    resend?: boolean;
    timeout?: string;
    'token-file'?: string;
  },
): Promise<Parsed<DeliveryArgs>> {
  const connections = wholeNumber(values.connections, '--connections', 1, 2);
  if (!connections.ok) return connections;
  const retries = wholeNumber(values.retries, '--retries', 0, DEFAULT_RETRY.attempts - 1);
  if (!retries.ok) return retries;
  const timeoutMs = timeoutArg(values.timeout, DEFAULT_DELIVERY_TIMEOUT_MS);
  if (!timeoutMs.ok) return timeoutMs;
  const secrets = await secretsFromArgs(values);
  if (!secrets.ok) return secrets;
  const destination = await resolveDestination(to, { callingAe: values['calling-ae'], ...secrets.value });
  if (!destination.ok) return destination;
  return {
    ok: true,
    value: {
      destination: destination.value,
      connections: connections.value,
      retry: { ...DEFAULT_RETRY, attempts: retries.value + 1 },
      resend: values.resend ?? false,
      timeoutMs: timeoutMs.value,
    },
  };
}
