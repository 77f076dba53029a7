import * as dimse from 'dcmjs-dimse';
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

/** Network options for every association: bounded waits so a silent PACS becomes a timeout, not a hang. */
export function networkOptions(timeoutMs: number): {
  connectTimeout: number;
  associationTimeout: number;
  pduTimeout: number;
} {
  return { connectTimeout: timeoutMs, associationTimeout: timeoutMs, pduTimeout: timeoutMs };
}

/**
 * Closes the client's socket at once. dcmjs-dimse sends an A-ABORT on `abort()` but leaves closing the
 * connection to the peer; a cancelled run must not wait on a peer that never closes.
 */
export function destroySocket(client: InstanceType<typeof dimse.Client>): void {
  const network = (client as unknown as { network?: { socket?: { destroy(): void } } }).network;
  network?.socket?.destroy();
}
