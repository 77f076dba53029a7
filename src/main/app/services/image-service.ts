/**
 * Loads one frame for the viewer: path checked by the guard, file parsed once and kept in a small LRU
 * (so scrolling a multi-frame file does not re-read it), frame decoded on demand (lazy decode) and sent as
 * raw samples; the renderer applies the shared pipeline, exactly as the export does.
 */
import type { RawFrame } from '../../../shared/dicom/image-header';
import type { IpcResult, LoadedFrame, SampleType } from '../../../shared/ipc/contract';
import type { DicomImage, ReadResult } from '../../dicom/types';
import type { PathGuard } from '../path-guard';

export interface ImageDeps {
  guard: PathGuard;
  openImage(path: string): Promise<ReadResult>;
  /** parsed files kept in memory (default 12) */
  cacheSize?: number;
}

export interface ImageService {
  load(path: string, frame: number): Promise<IpcResult<LoadedFrame>>;
}

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

export function createImageService(deps: ImageDeps): ImageService {
  const capacity = deps.cacheSize ?? 12;
  const parsed = new Map<string, Promise<ReadResult>>();

  const open = (real: string): Promise<ReadResult> => {
    const hit = parsed.get(real);
    if (hit) {
      parsed.delete(real);
      parsed.set(real, hit);
      return hit;
    }
    const reading = deps.openImage(real);
    parsed.set(real, reading);
    while (parsed.size > capacity) {
      const oldest = parsed.keys().next().value;
      if (oldest === undefined) break;
      parsed.delete(oldest);
    }
    return reading;
  };

  return {
    async load(path, frame) {
      const real = await deps.guard.check(path);
      if (!real.ok) return real;
      const read = await open(real.value);
      if (!read.ok) {
        parsed.delete(real.value);
        return { ok: false, error: `${path}: ${read.reason}` };
      }
      const frames = read.image.header.pixel.numberOfFrames;
      if (frame >= frames) {
        return { ok: false, error: `${path} has ${frames} frame(s); frame ${frame + 1} does not exist.` };
      }
      try {
        return { ok: true, value: toLoadedFrame(read.image, read.image.decodeFrame(frame)) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, error: `${path}: frame ${frame + 1} could not be decoded: ${reason}` };
      }
    },
  };
}
