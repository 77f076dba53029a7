import type { responses } from 'dcmjs-dimse';
import type { Destination } from './destination';
import { redactUrl } from './destination';
import { dimseLibrary, runAssociation } from './dimse-client';
import type { DimseDestination } from './dimse-client';
import { hex4 } from './outcome';
import { authHeaders, fetchFailure, httpMeaning } from './web-auth';
import type { WebDestination } from './web-auth';

export type EchoResult = { ok: true; detail: string; ms: number } | { ok: false; reason: string; ms: number };

async function echoDimse(destination: DimseDestination, timeoutMs: number): Promise<EchoResult> {
  const { Client, requests } = dimseLibrary();
  const started = Date.now();
  const client = new Client();
  const request = new requests.CEchoRequest();
  let status: number | undefined;
  request.on('response', (response: responses.CEchoResponse) => (status = response.getStatus()));
  client.addRequest(request);
  const failure = await runAssociation(client, destination, { timeoutMs });
  const ms = Date.now() - started;
  if (status === 0) return { ok: true, detail: 'C-ECHO succeeded (Verification, PS3.4 A.4)', ms };
  if (status !== undefined) return { ok: false, reason: `C-ECHO answered with status ${hex4(status)}`, ms };
  return {
    ok: false,
    reason: failure?.meaning ?? 'the PACS closed the association without answering the C-ECHO',
    ms,
  };
}

/** A QIDO-RS study search limited to one result (PS3.18 10.6): proves the root, the service and the credentials. */
async function echoWeb(destination: WebDestination, timeoutMs: number): Promise<EchoResult> {
  const started = Date.now();
  try {
    const response = await fetch(`${destination.root}/studies?limit=1`, {
      headers: { ...authHeaders(destination), Accept: 'application/dicom+json' },
      // `send` posts to the root as given and refuses a redirect; so does the test of it.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    const ms = Date.now() - started;
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      return {
        ok: false,
        reason: `QIDO-RS study search: ${httpMeaning(response.status, response.statusText)}: the server redirects${location ? ` to ${redactUrl(location)}` : ''}; send does not follow redirects, so give the final URL as the DICOMweb root`,
        ms,
      };
    }
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

/** How long `echo` and the app's Test button wait for an answer. */
export const DEFAULT_ECHO_TIMEOUT_MS = 10_000;

/** Tests a destination: C-ECHO for a DICOM node, a QIDO-RS query for a DICOMweb service. */
export function echoDestination(
  destination: Destination,
  timeoutMs = DEFAULT_ECHO_TIMEOUT_MS,
): Promise<EchoResult> {
  return destination.kind === 'dimse' ? echoDimse(destination, timeoutMs) : echoWeb(destination, timeoutMs);
}
