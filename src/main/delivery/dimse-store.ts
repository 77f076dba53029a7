import type { association, responses } from 'dcmjs-dimse';
import { sopClassName } from '../dicom/sop-classes';
import { DROPPED } from './association-errors';
import type { AssociationFailure } from './association-errors';
import { dimseLibrary, runAssociation } from './dimse-client';
import type { DimseDestination } from './dimse-client';
import { classifyStoreStatus } from './dimse-status';
import type { InstanceInfo } from './instance-file';
import type { Answer } from './outcome';

export interface BatchOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** called once per instance the PACS (or the negotiation) answered, as soon as it is known */
  onAnswer: (index: number, answer: Answer) => void;
}

/**
 * The largest file sent by C-STORE. dcmjs-dimse reads a file whole and writes its data set to the socket
 * at once, so memory follows the file size; above this a file is refused before anything is read
 * (STOW-RS, ZIP and DICOMDIR stream files of any size).
 */
export const MAX_DIMSE_BYTES = 1 << 30;

export function tooLargeForDimse(size: number): string {
  const gib = (size / 2 ** 30).toFixed(1);
  return `the file is ${gib} GiB; C-STORE here sends files up to 1 GiB (the DICOM library holds the whole data set in memory): send it to the PACS's DICOMweb root (STOW-RS streams it), or pack it with --zip or --dicomdir`;
}

/** How an association ended: its failure applies to every instance that got no answer. */
export type BatchEnd = { ok: true } | { ok: false; failure: AssociationFailure };

/**
 * Sends a batch of instances over ONE association (PS3.7 9.1.1 C-STORE, PS3.8 association negotiation)
 * with dcmjs-dimse: one presentation context per SOP class in the batch, proposing Explicit VR Little Endian
 * (what we write, PS3.5 A.2) and Implicit VR Little Endian (A.1, the default every SCP supports); the SCP
 * picks, and the library re-encodes a data set when it picks Implicit. Instances are
 * sent one after another and answered one by one; an instance whose SOP class the SCP did not accept is
 * answered at once as a permanent failure. Resolves when the association is released, rejected, lost, cancelled or silent for the timeout
 * (runAssociation destroys the socket then, so no peer can hold a batch open).
 */
export function storeBatch(
  destination: DimseDestination,
  instances: readonly InstanceInfo[],
  options: BatchOptions,
): Promise<BatchEnd> {
  const { Client, requests } = dimseLibrary();
  const client = new Client();
  const answered = new Set<number>();
  const answer = (index: number, value: Answer): void => {
    if (answered.has(index)) return;
    answered.add(index);
    options.onAnswer(index, value);
  };
  const pending: { index: number; request: InstanceType<typeof requests.CStoreRequest> }[] = [];
  for (const [index, instance] of instances.entries()) {
    if (instance.size > MAX_DIMSE_BYTES) {
      answer(index, { kind: 'failed', transient: false, meaning: tooLargeForDimse(instance.size) });
      continue;
    }
    let request;
    try {
      request = new requests.CStoreRequest(instance.path);
    } catch (error) {
      answer(index, {
        kind: 'failed',
        transient: false,
        meaning: `cannot be read for sending (${(error as Error).message})`,
      });
      continue;
    }
    request.on('response', (response: responses.CStoreResponse) =>
      answer(index, classifyStoreStatus(response.getStatus(), response.getErrorComment() || undefined)),
    );
    pending.push({ index, request });
    client.addRequest(request);
  }
  if (pending.length === 0) return Promise.resolve({ ok: true });

  client.on('associationAccepted', (accepted: association.Association) => {
    for (const { index, request } of pending) {
      if (accepted.getAcceptedPresentationContextFromRequest(request)) continue;
      const sopClass = instances[index]?.sopClassUid ?? '';
      answer(index, {
        kind: 'failed',
        transient: false,
        meaning: `the PACS accepts no ${sopClassName(sopClass)} (${sopClass}) in Explicit or Implicit VR Little Endian`,
      });
    }
  });
  return runAssociation(client, destination, options).then((failure) => {
    const unanswered = pending.some((p) => !answered.has(p.index));
    return failure ? { ok: false, failure } : unanswered ? { ok: false, failure: DROPPED } : { ok: true };
  });
}
