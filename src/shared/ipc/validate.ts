/** Parse, don't validate: untrusted IPC payloads become typed values here, or an error naming what is wrong. */
import { z } from 'zod';
import type {
  EventChannel,
  EventContract,
  InvokeChannel,
  IpcResult,
  RequestOf,
  ResponseOf,
} from './contract';
import { isEventChannel, isInvokeChannel } from './contract';
import { eventSchemas, invokeSchemas } from './schemas';

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): IpcResult<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: `${what} is malformed: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}` };
}

/** A channel name from an untrusted sender, or the reason it is refused. */
export function parseInvokeChannel(value: unknown): IpcResult<InvokeChannel> {
  if (isInvokeChannel(value)) return { ok: true, value };
  return { ok: false, error: `Unknown channel ${JSON.stringify(String(value)).slice(0, 80)}.` };
}

export function parseEventChannel(value: unknown): IpcResult<EventChannel> {
  if (isEventChannel(value)) return { ok: true, value };
  return { ok: false, error: `Unknown event ${JSON.stringify(String(value)).slice(0, 80)}.` };
}

export function parseRequest<C extends InvokeChannel>(channel: C, value: unknown): IpcResult<RequestOf<C>> {
  return parseWith(invokeSchemas[channel].request, value, `The ${channel} request`);
}

export function parseResponse<C extends InvokeChannel>(channel: C, value: unknown): IpcResult<ResponseOf<C>> {
  return parseWith(invokeSchemas[channel].response, value, `The ${channel} response`);
}

export function parseEvent<C extends EventChannel>(channel: C, value: unknown): IpcResult<EventContract[C]> {
  return parseWith(eventSchemas[channel], value, `The ${channel} event`);
}

const envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** An answer envelope as it arrives over a transport, with its value checked against the channel's schema. */
export function parseResult<C extends InvokeChannel>(channel: C, value: unknown): IpcResult<ResponseOf<C>> {
  const outer = parseWith(envelope, value, `The ${channel} answer`);
  if (!outer.ok) return outer;
  if (!outer.value.ok) return { ok: false, error: outer.value.error };
  return parseResponse(channel, outer.value.value);
}
