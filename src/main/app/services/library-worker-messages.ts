/**
 * The messages between the main process and the library worker (scanning and decoding off the main
 * thread). Both sides narrow what arrives with the guards below: a message is typed only once it has
 * been checked, so a malformed one is dropped at the boundary instead of travelling on.
 */
import type { LoadedFrame } from '../../../shared/ipc/contract';
import type { HeaderRead } from './library-service';

/** A frame read by the worker, or why it could not be (a sentence without the path; the caller adds it). */
export type FrameRead = { ok: true; frame: LoadedFrame } | { ok: false; reason: string };

/** Main -> worker. Paths are real paths the path guard has already accepted. */
export type ToLibraryWorker =
  /** sent first to every new worker: a decoding worker starts its codecs before the first frame is asked for */
  | { type: 'prepare'; decoding: boolean }
  | { type: 'scan'; scanId: number; root: string }
  | { type: 'scan-cancel'; scanId: number }
  | { type: 'frame'; id: number; path: string; frame: number }
  | { type: 'frame-cancel'; id: number };

/** Worker -> main. `scan-file` comes once per file, in scan order; `scan-end` closes a scan. */
export type FromLibraryWorker =
  | { type: 'scan-file'; scanId: number; path: string; read: HeaderRead }
  | { type: 'scan-end'; scanId: number; error?: string }
  | { type: 'frame'; id: number; read: FrameRead };

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isText = (value: unknown): value is string => typeof value === 'string';

function isHeaderRead(value: unknown): value is HeaderRead {
  if (!isRecord(value)) return false;
  if (value['ok'] === true) return isRecord(value['header']);
  const kind = value['kind'];
  return (
    value['ok'] === false &&
    (kind === 'not-dicom' || kind === 'not-image' || kind === 'error') &&
    isText(value['reason'])
  );
}

function isFrameRead(value: unknown): value is FrameRead {
  if (!isRecord(value)) return false;
  if (value['ok'] === false) return isText(value['reason']);
  const frame = value['frame'];
  if (value['ok'] !== true || !isRecord(frame)) return false;
  const sampleType = frame['sampleType'];
  return (
    isRecord(frame['header']) &&
    isText(frame['photometric']) &&
    (sampleType === 'uint8' || sampleType === 'uint16' || sampleType === 'uint32') &&
    frame['bytes'] instanceof Uint8Array
  );
}

/** The message from the worker, or undefined when it is not one this protocol knows. */
export function parseFromWorker(value: unknown): FromLibraryWorker | undefined {
  if (!isRecord(value)) return undefined;
  switch (value['type']) {
    case 'scan-file':
      return isCount(value['scanId']) && isText(value['path']) && isHeaderRead(value['read'])
        ? { type: 'scan-file', scanId: value['scanId'], path: value['path'], read: value['read'] }
        : undefined;
    case 'scan-end': {
      const error = value['error'];
      if (!isCount(value['scanId']) || (error !== undefined && !isText(error))) return undefined;
      return error === undefined
        ? { type: 'scan-end', scanId: value['scanId'] }
        : { type: 'scan-end', scanId: value['scanId'], error };
    }
    case 'frame':
      return isCount(value['id']) && isFrameRead(value['read'])
        ? { type: 'frame', id: value['id'], read: value['read'] }
        : undefined;
    default:
      return undefined;
  }
}

/** The request from the main process, or undefined when it is not one this protocol knows. */
export function parseToWorker(value: unknown): ToLibraryWorker | undefined {
  if (!isRecord(value)) return undefined;
  switch (value['type']) {
    case 'prepare':
      return typeof value['decoding'] === 'boolean'
        ? { type: 'prepare', decoding: value['decoding'] }
        : undefined;
    case 'scan':
      return isCount(value['scanId']) && isText(value['root'])
        ? { type: 'scan', scanId: value['scanId'], root: value['root'] }
        : undefined;
    case 'scan-cancel':
      return isCount(value['scanId']) ? { type: 'scan-cancel', scanId: value['scanId'] } : undefined;
    case 'frame':
      return isCount(value['id']) && isText(value['path']) && isCount(value['frame'])
        ? { type: 'frame', id: value['id'], path: value['path'], frame: value['frame'] }
        : undefined;
    case 'frame-cancel':
      return isCount(value['id']) ? { type: 'frame-cancel', id: value['id'] } : undefined;
    default:
      return undefined;
  }
}
