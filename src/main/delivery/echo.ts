import type { responses } from 'dcmjs-dimse';
import { associationRejected, networkFailure } from './association-errors';
import type { Destination } from './destination';
import { dimseLibrary, networkOptions } from './dimse-client';
import type { DimseDestination } from './dimse-client';
import { hex4 } from './outcome';
import { authHeaders, fetchFailure, httpMeaning } from './web-auth';
import type { WebDestination } from './web-auth';

export type EchoResult = { ok: true; detail: string; ms: number } | { ok: false; reason: string; ms: number };

function echoDimse(destination: DimseDestination, timeoutMs: number): Promise<EchoResult> {
  const { Client, requests } = dimseLibrary();
  const started = Date.now();
  const client = new Client();
  const request = new requests.CEchoRequest();
  let status: number | undefined;
  let failure: string | undefined;
  request.on('response', (response: responses.CEchoResponse) => (status = response.getStatus()));
  client.addRequest(request);
  client.on('associationRejected', (reject: { result: number; source: number; reason: number }) => {
    failure = associationRejected(reject).meaning;
  });
  client.on('networkError', (error: Error) => {
    failure ??= networkFailure(error.message, destination.host, destination.port).meaning;
  });
  return new Promise((resolve) => {
    client.on('closed', () => {
      const ms = Date.now() - started;
      if (status === 0) resolve({ ok: true, detail: 'C-ECHO succeeded (Verification, PS3.4 A.4)', ms });
      else if (status !== undefined)
        resolve({ ok: false, reason: `C-ECHO answered with status ${hex4(status)}`, ms });
      else
        resolve({
          ok: false,
          reason: failure ?? 'the PACS closed the association without answering the C-ECHO',
          ms,
        });
    });
    client.send(
      destination.host,
      destination.port,
      destination.callingAe,
      destination.calledAe,
      networkOptions(timeoutMs),
    );
  });
}

/** A QIDO-RS study search limited to one result (PS3.18 10.6): proves the root, the service and the credentials. */
async function echoWeb(destination: WebDestination, timeoutMs: number): Promise<EchoResult> {
  const started = Date.now();
  try {
    const response = await fetch(`${destination.root}/studies?limit=1`, {
      headers: { ...authHeaders(destination), Accept: 'application/dicom+json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    const ms = Date.now() - started;
    // 204 No Content is a valid answer from an empty archive.
    if (response.status === 200 || response.status === 204)
      return { ok: true, detail: `QIDO-RS study search answered HTTP ${response.status}`, ms };
    return {
      ok: false,
      reason: `QIDO-RS study search: ${httpMeaning(response.status, response.statusText)}`,
      ms,
    };
  } catch (error) {
    return { ok: false, reason: fetchFailure(error, destination.root).meaning, ms: Date.now() - started };
  }
}

/** Tests a destination: C-ECHO for a DICOM node, a QIDO-RS query for a DICOMweb service. */
export function echoDestination(destination: Destination, timeoutMs = 10_000): Promise<EchoResult> {
  return destination.kind === 'dimse' ? echoDimse(destination, timeoutMs) : echoWeb(destination, timeoutMs);
}
