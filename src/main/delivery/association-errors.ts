/**
 * Why an association did not carry our requests (PS3.8 9.3.4 A-ASSOCIATE-RJ, 9.3.8 A-ABORT), in words, and
 * whether trying again later can help: a transient rejection, a refused or dropped connection and a
 * timeout can; a permanent rejection (e.g. an AE title the PACS does not know) cannot.
 */
export interface AssociationFailure {
  transient: boolean;
  meaning: string;
  /** the HTTP status, when a DICOMweb server answered the whole request with one */
  httpStatus?: number;
}

const REJECT_REASONS: Record<number, Record<number, string>> = {
  1: {
    1: 'no reason given',
    2: 'application context name not supported',
    3: 'calling AE title not recognized (the PACS does not know our AE title; add it to the PACS or use --calling-ae)',
    7: 'called AE title not recognized (check the AE title in the destination)',
  },
  2: { 1: 'no reason given', 2: 'protocol version not supported' },
  3: { 1: 'temporary congestion', 2: 'local limit exceeded' },
};

export function associationRejected(reject: {
  result: number;
  source: number;
  reason: number;
}): AssociationFailure {
  const why =
    REJECT_REASONS[reject.source]?.[reject.reason] ?? `reason ${reject.reason} from source ${reject.source}`;
  const transient = reject.result === 2;
  return {
    transient,
    meaning: `association rejected (${transient ? 'transient' : 'permanent'}): ${why}`,
  };
}

/** A socket-level error from the library, reworded for the common cases. */
export function networkFailure(message: string, host: string, port: number): AssociationFailure {
  if (/ECONNREFUSED/.test(message))
    return { transient: true, meaning: `connection refused: nothing is listening on ${host}:${port}` };
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return { transient: true, meaning: `host ${host} not found` };
  if (/timeout/i.test(message))
    return { transient: true, meaning: `no answer from ${host}:${port} in time (timeout)` };
  if (/ECONNRESET|EPIPE/.test(message))
    return {
      transient: true,
      meaning: `the PACS closed the connection (${/ECONNRESET/.test(message) ? 'reset' : 'broken pipe'})`,
    };
  return { transient: true, meaning: `network error: ${message.replace(/^.*?-> /, '')}` };
}

export const DROPPED: AssociationFailure = {
  transient: true,
  meaning: 'the association was aborted or the connection closed before the PACS answered',
};
