/**
 * Worker thread entry (bundled to dist/library.worker.cjs): scans folders (headers only) and decodes
 * frames for the viewer, so neither ever blocks the main process. Frames are answered one at a time in
 * arrival order, and a frame cancelled before its turn is skipped; scans run alongside, each stoppable.
 */
import { parentPort } from 'node:worker_threads';
import { readImageFromDisk, scanFilesOnDisk, startCodecs } from './dicom-adapters';
import { createFrameLoader } from './frame-loader';
import type { FrameRead, FromLibraryWorker } from './library-worker-messages';
import { parseToWorker } from './library-worker-messages';

const SKIPPED: FrameRead = { ok: false, reason: 'the request was cancelled before the frame was decoded.' };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The frame's own buffer, to be moved to the main thread rather than copied. */
function transferable(read: FrameRead): ArrayBuffer[] {
  if (!read.ok) return [];
  const { bytes } = read.frame;
  // Only a buffer the frame owns whole may move; a view into a larger one (never expected) is copied first.
  if (
    bytes.byteOffset !== 0 ||
    bytes.byteLength !== bytes.buffer.byteLength ||
    !(bytes.buffer instanceof ArrayBuffer)
  ) {
    read.frame.bytes = bytes.slice();
  }
  return [read.frame.bytes.buffer as ArrayBuffer];
}

function start(port: NonNullable<typeof parentPort>): void {
  const post = (message: FromLibraryWorker, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(message, transfer);
  const loadFrame = createFrameLoader(readImageFromDisk);
  const scans = new Map<number, AbortController>();
  /** frames asked for and not yet answered; a cancel removes its id, and the frame is then skipped */
  const queued = new Set<number>();
  let frames: Promise<void> = Promise.resolve();

  async function scan(scanId: number, root: string, abort: AbortController): Promise<void> {
    try {
      for await (const file of scanFilesOnDisk(root, abort.signal)) {
        post({ type: 'scan-file', scanId, path: file.path, read: file.read });
      }
      post({ type: 'scan-end', scanId });
    } catch (error) {
      post({ type: 'scan-end', scanId, error: messageOf(error) });
    } finally {
      scans.delete(scanId);
    }
  }

  port.on('message', (raw: unknown) => {
    const message = parseToWorker(raw);
    if (!message) return;
    switch (message.type) {
      case 'prepare':
        // A failed start is not final: the first frame's read starts the codecs again and reports why.
        if (message.decoding) startCodecs().catch(() => undefined);
        return;
      case 'scan': {
        const abort = new AbortController();
        scans.set(message.scanId, abort);
        void scan(message.scanId, message.root, abort);
        return;
      }
      case 'scan-cancel':
        scans.get(message.scanId)?.abort();
        return;
      case 'frame-cancel':
        queued.delete(message.id);
        return;
      case 'frame': {
        const { id, path, frame } = message;
        queued.add(id);
        frames = frames.then(async () => {
          // Let every message already waiting be read first, so a cancel sent after this request
          // (the user scrolled on) is seen before a long decode starts rather than after it.
          await new Promise((resolve) => setImmediate(resolve));
          // A cancelled frame is still answered (and dropped by main), so main knows the worker moved on.
          if (!queued.delete(id)) return post({ type: 'frame', id, read: SKIPPED });
          const read = await loadFrame(path, frame).catch((error: unknown) => ({
            ok: false as const,
            reason: messageOf(error),
          }));
          post({ type: 'frame', id, read }, transferable(read));
        });
        return;
      }
    }
  });
}

if (parentPort) start(parentPort);
