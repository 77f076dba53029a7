import type { ReadFailure, ReadFailureKind } from './types';

/**
 * Thrown by DicomImage.decodeFrame when a frame cannot be decoded (corrupt or truncated data,
 * unsupported encoding, codecs not initialised). The message is one sentence a user can act on.
 */
export class DicomDecodeError extends Error {
  override readonly name = 'DicomDecodeError';
}

/** The name DicomImage's contract uses for the same error. */
export { DicomDecodeError as DicomReadError };

export function failure(kind: ReadFailureKind, reason: string): ReadFailure {
  return { ok: false, kind, reason };
}

/** Text of anything thrown (dicom-parser throws bare strings and `{ exception }` objects). */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown === 'object' && thrown !== null && 'exception' in thrown) {
    return describeThrown((thrown as { exception: unknown }).exception);
  }
  return String(thrown);
}
