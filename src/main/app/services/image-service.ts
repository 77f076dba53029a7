/**
 * Loads one frame for the viewer: the path is checked by the guard in the main process, then the frame
 * is read and decoded by `loadFrame` (the library worker in the app, so a long JPEG 2000 decode never
 * stalls the main process) and sent as raw samples; the renderer applies the shared pipeline, exactly
 * as the export does.
 */
import type { IpcResult, LoadedFrame } from '../../../shared/ipc/contract';
import type { PathGuard } from '../path-guard';
import type { FrameRead } from './library-worker-messages';

export interface ImageDeps {
  guard: PathGuard;
  /** reads frame `frame` of the file at real path `path`; a request whose `signal` aborts may be dropped */
  loadFrame(path: string, frame: number, signal?: AbortSignal): Promise<FrameRead>;
}

export interface ImageService {
  /** `signal` cancels a request that went stale (the user scrolled on) before it is decoded */
  load(path: string, frame: number, signal?: AbortSignal): Promise<IpcResult<LoadedFrame>>;
}

export function createImageService(deps: ImageDeps): ImageService {
  return {
    async load(path, frame, signal) {
      const real = await deps.guard.check(path);
      if (!real.ok) return real;
      const read = await deps.loadFrame(real.value, frame, signal);
      return read.ok ? { ok: true, value: read.frame } : { ok: false, error: `${path}: ${read.reason}` };
    },
  };
}
