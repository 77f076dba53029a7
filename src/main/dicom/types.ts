import type { ImageHeader, RawFrame } from '../../shared/dicom/image-header';

/** Why a file is not converted. `not-dicom` and `not-image` are skips; `error` is a failure. */
export type ReadFailureKind = 'not-dicom' | 'not-image' | 'error';

export interface ReadFailure {
  ok: false;
  kind: ReadFailureKind;
  /** one sentence a user can act on, without the path (the caller adds it) */
  reason: string;
}

/** A parsed DICOM image whose frames can be decoded on demand. */
export interface DicomImage {
  header: ImageHeader;
  /** size in bytes of the file (or byte stream) it was read from */
  fileSize: number;
  /** Value of a string-valued attribute (tag as 8 hex digits, e.g. '00100010'), trimmed; undefined when absent. */
  getString(tag: string): string | undefined;
  /** Decodes frame `index` (0-based). Throws a DicomReadError on corrupt or truncated data. */
  decodeFrame(index: number): RawFrame;
  /** releases the open file an image read from disk keeps for its frames (a later decode reopens it) */
  close(): void;
}

export type ReadResult = { ok: true; image: DicomImage } | ReadFailure;
