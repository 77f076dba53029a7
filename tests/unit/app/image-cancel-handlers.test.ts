import type { FindingsService } from '../../../src/main/app/services/findings-service';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/app/ipc/dispatch';
import { createHandlers } from '../../../src/main/app/ipc/handlers';
import type { DeliveryService } from '../../../src/main/app/services/delivery-service';
import type { DestinationsService } from '../../../src/main/app/services/destinations-service';
import type { ExportService } from '../../../src/main/app/services/export-service';
import type { ImageService } from '../../../src/main/app/services/image-service';
import type { LibraryService } from '../../../src/main/app/services/library-service';
import type { ReviewerService } from '../../../src/main/app/services/reviewer-service';
import type { SessionService } from '../../../src/main/app/services/session-service';
import type { IpcResult, LoadedFrame } from '../../../src/shared/ipc/contract';

interface Call {
  path: string;
  signal: AbortSignal | undefined;
  finish(result: IpcResult<LoadedFrame>): void;
}

/** An ImageService that holds each load until the test finishes it, answering an abort as the worker does. */
function fakeImages(): { images: ImageService; calls: Call[] } {
  const calls: Call[] = [];
  const images: ImageService = {
    load: (path, _frame, signal) =>
      new Promise((resolve) => {
        calls.push({ path, signal, finish: resolve });
        signal?.addEventListener('abort', () =>
          resolve({ ok: false, error: `${path}: the request was cancelled before the frame was decoded.` }),
        );
      }),
  };
  return { images, calls };
}

function handlersWith(images: ImageService) {
  return createHandlers({
    info: {
      version: '0',
      transport: 'browser',
      canPickFolder: false,
      canDropFolders: false,
      sampleFolder: '/app/assets/sample',
      sampleExportsDir: '/data/dicom-ink/exports',
    },
    images,
    // image loads never reach these services
    library: {} as unknown as LibraryService,
    sessions: {} as unknown as SessionService,
    exports: {} as unknown as ExportService,
    findings: {} as unknown as FindingsService,
    destinations: {} as unknown as DestinationsService,
    deliveries: {} as unknown as DeliveryService,
    reviewer: {} as unknown as ReviewerService,
  });
}

const frame = (bytes: number): LoadedFrame =>
  ({
    photometric: 'MONOCHROME2',
    sampleType: 'uint8',
    bytes: new Uint8Array(bytes),
  }) as unknown as LoadedFrame;

describe('image:cancel handler', () => {
  it('aborts the signal passed to ImageService.load, and the load answers cancelled, not an error', async () => {
    const { images, calls } = fakeImages();
    const handlers = handlersWith(images);
    const loading = dispatch(
      handlers,
      'image:load',
      { path: '/s/IM7', frame: 0, requestId: 7 },
      'electron:1',
    );
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal?.aborted).toBe(false);
    expect(await dispatch(handlers, 'image:cancel', { requestId: 7 }, 'electron:1')).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(await loading).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('does not let one window cancel the loads of another', async () => {
    const { images, calls } = fakeImages();
    const handlers = handlersWith(images);
    const loading = handlers['image:load']({ path: '/s/IM3', frame: 0, requestId: 3 }, 'electron:1');
    expect(await handlers['image:cancel']({ requestId: 3 }, 'electron:2')).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    expect(calls[0]?.signal?.aborted).toBe(false);
    calls[0]?.finish({ ok: true, value: frame(4) });
    const answer = await loading;
    expect(answer.ok && 'bytes' in answer.value && answer.value.bytes.byteLength).toBe(4);
  });

  it('answers false, harmlessly, for an unknown id and for a load that has already answered', async () => {
    const { images, calls } = fakeImages();
    const handlers = handlersWith(images);
    expect(await handlers['image:cancel']({ requestId: 99 }, 'browser')).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    const loading = handlers['image:load']({ path: '/s/IM1', frame: 0, requestId: 1 }, 'browser');
    calls[0]?.finish({ ok: false, error: '/s/IM1: frame 1 could not be decoded: truncated.' });
    // A real failure stays a failure: it was not cancelled.
    expect(await loading).toEqual({ ok: false, error: '/s/IM1: frame 1 could not be decoded: truncated.' });
    expect(await handlers['image:cancel']({ requestId: 1 }, 'browser')).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    expect(calls[0]?.signal?.aborted).toBe(false);
  });

  it('passes no signal for a load without a request id (nothing can cancel it)', async () => {
    const { images, calls } = fakeImages();
    const handlers = handlersWith(images);
    const loading = handlers['image:load']({ path: '/s/IM2', frame: 0 }, 'browser');
    expect(calls[0]?.signal).toBeUndefined();
    calls[0]?.finish({ ok: true, value: frame(2) });
    expect((await loading).ok).toBe(true);
  });
});
