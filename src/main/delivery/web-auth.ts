import type { Destination } from './destination';
import { IdleTimeoutError, ResponseTooLargeError } from './streamed-post';

export type WebDestination = Extract<Destination, { kind: 'dicomweb' }>;

/** The Authorization header of a DICOMweb destination, if it has credentials. Never logged. */
export function authHeaders(destination: WebDestination): Record<string, string> {
  const auth = destination.auth;
  if (!auth) return {};
  if (auth.kind === 'bearer') return { Authorization: `Bearer ${auth.token}` };
  return { Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` };
}

/**
 * A TLS certificate the connection refused (OpenSSL's verify codes, Node's ERR_TLS_CERT_*): final, since
 * retrying meets the same certificate.
 */
function certificateFailure(code: string, root: string): { transient: false; meaning: string } | undefined {
  if (!/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/.test(code))
    return undefined;
  return {
    transient: false,
    meaning: `the TLS certificate of ${root} is not trusted (${code}): fix the server's certificate, or trust its CA with NODE_EXTRA_CA_CERTS=ca.pem`,
  };
}

/** A fetch error in words: Node's fetch hides the socket error in `cause`. */
export function fetchFailure(error: unknown, root: string): { transient: boolean; meaning: string } {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const certificate = certificateFailure(code, root);
  if (certificate) return certificate;
  if ((error as Error).name === 'TimeoutError')
    return { transient: true, meaning: `no answer from ${root} in time (timeout)` };
  if (code === 'ECONNREFUSED')
    return { transient: true, meaning: `connection refused: nothing is listening at ${root}` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return { transient: true, meaning: `the server closed the connection (${code})` };
  if (code === 'ENOTFOUND') return { transient: true, meaning: `host of ${root} not found` };
  return { transient: true, meaning: `network error: ${cause?.message ?? (error as Error).message}` };
}

/** A failed streamed POST (node:http) in words: the socket error's code is on the error itself. */
export function postFailure(
  error: unknown,
  root: string,
): { transient: boolean; meaning: string; httpStatus?: number } {
  const { code, name, cause } = error as { code?: string; name?: string; cause?: { name?: string } };
  if (error instanceof IdleTimeoutError)
    return { transient: true, meaning: `no answer from ${root}: ${error.message} (timeout)` };
  if (error instanceof ResponseTooLargeError)
    return { transient: false, meaning: error.message, httpStatus: error.status };
  if (name === 'TimeoutError' || cause?.name === 'TimeoutError')
    return { transient: true, meaning: `no answer from ${root} in time (timeout)` };
  const certificate = certificateFailure(code ?? '', root);
  if (certificate) return certificate;
  if (code === 'ECONNREFUSED')
    return { transient: true, meaning: `connection refused: nothing is listening at ${root}` };
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return { transient: true, meaning: `the server closed the connection (${code})` };
  if (code === 'ENOTFOUND') return { transient: true, meaning: `host of ${root} not found` };
  if (code === 'ENOENT' || code === 'EACCES')
    return { transient: false, meaning: `a file could not be read for sending (${code})` };
  return { transient: true, meaning: `network error: ${(error as Error).message}` };
}

/** HTTP statuses worth retrying: the server says it is busy or a gateway timed out (RFC 9110 15.6). */
export function transientHttp(status: number): boolean {
  return status === 408 || status === 429 || status === 502 || status === 503 || status === 504;
}

export function httpMeaning(status: number, statusText: string): string {
  const hint =
    status === 401 || status === 403
      ? ': check the user name and password or token of the destination'
      : status === 404
        ? ': check the DICOMweb root in the destination URL (e.g. http://host:8042/dicom-web)'
        : '';
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''}${hint}`;
}
