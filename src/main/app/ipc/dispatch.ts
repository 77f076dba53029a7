/**
 * The single entry for every request from a renderer, whatever the transport: the channel, the request and
 * main's own response are all checked against the contract, and nothing is thrown across the boundary.
 */
import type { InvokeChannel, IpcResult } from '../../../shared/ipc/contract';
import { parseInvokeChannel, parseRequest, parseResponse } from '../../../shared/ipc/validate';
import type { Handlers } from './handlers';
import type { CallerId } from './inflight-loads';

async function run<C extends InvokeChannel>(
  handlers: Handlers,
  channel: C,
  payload: unknown,
  caller: CallerId,
): Promise<IpcResult<unknown>> {
  const request = parseRequest(channel, payload);
  if (!request.ok) return request;
  const result = await handlers[channel](request.value, caller);
  if (!result.ok) return result;
  const checked = parseResponse(channel, result.value);
  return checked.ok
    ? { ok: true, value: result.value }
    : { ok: false, error: `Internal error: ${checked.error}` };
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  caller: CallerId,
): Promise<IpcResult<unknown>> {
  const parsed = parseInvokeChannel(channel);
  if (!parsed.ok) return parsed;
  try {
    return await run(handlers, parsed.value, payload, caller);
  } catch (error) {
    return {
      ok: false,
      error: `${parsed.value} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
