/**
 * Reads one frame for display: each file's header is parsed once and kept in a small LRU (so scrolling
 * a multi-frame file does not re-read it) and only the frame asked for is read from the file and
 * decoded (a 2,000-frame file shows its first frame after reading its header and that one frame). Runs inside the
 * library worker; it is a plain function of the reader so tests can also run it in-process.
 */
import type { RawFrame } from '../../../shared/dicom/image-header';
import type { LoadedFrame, SampleType } from '../../../shared/ipc/contract';
import type { DicomImage, ReadResult } from '../../dicom/types';
import type { FrameRead } from './library-worker-messages';

export type FrameLoader = (path: string, frame: number) => Promise<FrameRead>;

function sampleTypeOf(data: RawFrame['data']): SampleType {
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Uint32Array) return 'uint32';
  return 'uint8';
}

/** The frame as bytes in host order (a view, no copy). */
export function toLoadedFrame(image: DicomImage, raw: RawFrame): LoadedFrame {
  const { data } = raw;
  return {
    header: image.header,
    photometric: raw.photometric,
    sampleType: sampleTypeOf(data),
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** `capacity` parsed files are kept, least recently used dropped first (default 12). */
export function createFrameLoader(
  openImage: (path: string) => Promise<ReadResult>,
  capacity = 12,
): FrameLoader {
  const parsed = new Map<string, Promise<ReadResult>>();

  const open = (path: string): Promise<ReadResult> => {
    const hit = parsed.get(path);
    if (hit) {
      parsed.delete(path);
      parsed.set(path, hit);
      return hit;
    }
    const reading = openImage(path);
    parsed.set(path, reading);
    while (parsed.size > capacity) {
      const oldest = parsed.entries().next().value;
      if (oldest === undefined) break;
      parsed.delete(oldest[0]);
      // Its file descriptor goes with it (a decode still under way reopens the file: nothing breaks).
      void oldest[1].then((read) => read.ok && read.image.close());
    }
    return reading;
  };

  return async (path, frame) => {
    const read = await open(path);
    if (!read.ok) {
      parsed.delete(path);
      return { ok: false, reason: read.reason };
    }
    const frames = read.image.header.pixel.numberOfFrames;
    if (frame >= frames) {
      return { ok: false, reason: `the file has ${frames} frame(s); frame ${frame + 1} does not exist.` };
    }
    try {
      return { ok: true, frame: toLoadedFrame(read.image, read.image.decodeFrame(frame)) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `frame ${frame + 1} could not be decoded: ${reason}` };
    }
  };
}
