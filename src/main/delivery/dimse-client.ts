import type { Socket } from 'node:net';
import * as dimse from 'dcmjs-dimse';
import { associationRejected, networkFailure } from './association-errors';
import type { AssociationFailure } from './association-errors';
import type { Destination } from './destination';

/** dcmjs-dimse logs every PDU at info level by default; our own outcomes say what happened. */
let quieted = false;
export function dimseLibrary(): typeof dimse {
  if (!quieted) {
    dimse.log.setLevel('silent');
    quieted = true;
  }
  return dimse;
}

export type DimseDestination = Extract<Destination, { kind: 'dimse' }>;
type DimseClient = InstanceType<typeof dimse.Client>;

/** Network options for every association: bounded waits so a silent PACS becomes a timeout, not a hang. */
export function networkOptions(timeoutMs: number): {
  connectTimeout: number;
  associationTimeout: number;
  pduTimeout: number;
} {
  return { connectTimeout: timeoutMs, associationTimeout: timeoutMs, pduTimeout: timeoutMs };
}

/** The library checks its association and PDU timeouts once a second; our own watchdog allows for that. */
const LIBRARY_TICK_MS = 1500;

function socketOf(client: DimseClient): Socket | undefined {
  return (client as unknown as { network?: { socket?: Socket } }).network?.socket;
}

/**
 * Closes the client's socket at once. dcmjs-dimse sends an A-ABORT on `abort()` and only `end()`s the
 * socket on a timeout or a network error, which leaves closing the connection to the peer; a peer that
 * never speaks never closes, so nothing may wait for it.
 */
export function destroySocket(client: DimseClient): void {
  socketOf(client)?.destroy();
}

/**
 * Runs one association to its end and resolves exactly once with how it ended (undefined: released
 * normally): on the library's `closed`, on a rejection, on a network error or timeout (after destroying
 * the socket), on cancellation, or when no byte moved either way for `timeoutMs` (our own watchdog, in
 * case the library's timers do not fire). So an association can never outlive its timeout by more than
 * LIBRARY_TICK_MS of silence, whatever the peer does.
 */
export function runAssociation(
  client: DimseClient,
  destination: DimseDestination,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<AssociationFailure | undefined> {
  return new Promise((resolve) => {
    let failure: AssociationFailure | undefined;
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', onCancel);
      destroySocket(client);
      resolve(failure);
    };
    const fail = (why: AssociationFailure): void => {
      failure ??= why;
      finish();
    };
    let traffic = -1;
    /** Re-armed while bytes still move either way; a connection idle for the whole wait is a timeout. */
    const watch = (): void => {
      const socket = socketOf(client);
      const now = (socket?.bytesRead ?? 0) + (socket?.bytesWritten ?? 0);
      if (now === traffic)
        fail({
          transient: true,
          meaning: `no answer from ${destination.host}:${destination.port} in ${Math.round(options.timeoutMs / 1000)} s (timeout)`,
        });
      else {
        traffic = now;
        watchdog = setTimeout(watch, options.timeoutMs + LIBRARY_TICK_MS);
      }
    };
    const onCancel = (): void => {
      try {
        client.abort();
      } catch {
        // no association yet: nothing to abort
      }
      fail({ transient: true, meaning: 'cancelled' });
    };
    client.on('associationRejected', (reject: { result: number; source: number; reason: number }) =>
      fail(associationRejected(reject)),
    );
    client.on('networkError', (error: Error) =>
      fail(networkFailure(error.message, destination.host, destination.port)),
    );
    client.on('closed', finish);
    if (options.signal?.aborted) {
      fail({ transient: true, meaning: 'cancelled' });
      return;
    }
    options.signal?.addEventListener('abort', onCancel, { once: true });
    client.send(
      destination.host,
      destination.port,
      destination.callingAe,
      destination.calledAe,
      networkOptions(options.timeoutMs),
    );
    watch();
  });
}
