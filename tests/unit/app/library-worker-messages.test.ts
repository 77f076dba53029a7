import { describe, expect, it } from 'vitest';
import { parseFromWorker, parseToWorker } from '../../../src/main/app/services/library-worker-messages';

const header = { pixel: { rows: 2, columns: 2 } };

describe('library worker messages are narrowed at the boundary', () => {
  it('accepts each well-formed message from the worker as it is', () => {
    const frame = {
      type: 'frame',
      id: 3,
      read: {
        ok: true,
        frame: { header, photometric: 'MONOCHROME2', sampleType: 'uint16', bytes: new Uint8Array(8) },
      },
    };
    expect(parseFromWorker(frame)).toEqual(frame);
    expect(parseFromWorker({ type: 'frame', id: 4, read: { ok: false, reason: 'corrupt' } })).toEqual({
      type: 'frame',
      id: 4,
      read: { ok: false, reason: 'corrupt' },
    });
    const file = {
      type: 'scan-file',
      scanId: 1,
      path: '/a',
      read: { ok: false, kind: 'not-dicom', reason: 'no' },
    };
    expect(parseFromWorker(file)).toEqual(file);
    expect(parseFromWorker({ type: 'scan-end', scanId: 1, error: 'disk gone' })).toEqual({
      type: 'scan-end',
      scanId: 1,
      error: 'disk gone',
    });
  });

  it('drops malformed messages from the worker instead of passing them on', () => {
    const bad: unknown[] = [
      null,
      'frame',
      { type: 'exit' },
      { type: 'frame', id: -1, read: { ok: false, reason: 'x' } },
      {
        type: 'frame',
        id: 1,
        read: { ok: true, frame: { header, photometric: 'M', sampleType: 'int8', bytes: new Uint8Array(1) } },
      },
      {
        type: 'frame',
        id: 1,
        read: { ok: true, frame: { header, photometric: 'M', sampleType: 'uint8', bytes: [1, 2] } },
      },
      { type: 'scan-file', scanId: 1, path: '/a', read: { ok: false, kind: 'weird', reason: 'no' } },
      { type: 'scan-end', scanId: 1.5 },
      { type: 'scan-end', scanId: 1, error: 42 },
    ];
    for (const message of bad) expect(parseFromWorker(message)).toBeUndefined();
  });

  it('accepts the main process requests and drops anything else', () => {
    expect(parseToWorker({ type: 'scan', scanId: 2, root: '/data' })).toEqual({
      type: 'scan',
      scanId: 2,
      root: '/data',
    });
    expect(parseToWorker({ type: 'frame', id: 7, path: '/data/a', frame: 0 })).toEqual({
      type: 'frame',
      id: 7,
      path: '/data/a',
      frame: 0,
    });
    expect(parseToWorker({ type: 'frame-cancel', id: 7 })).toEqual({ type: 'frame-cancel', id: 7 });
    expect(parseToWorker({ type: 'prepare', decoding: true })).toEqual({ type: 'prepare', decoding: true });
    expect(parseToWorker({ type: 'prepare', decoding: 'yes' })).toBeUndefined();
    expect(parseToWorker({ type: 'scan-cancel', scanId: 2 })).toEqual({ type: 'scan-cancel', scanId: 2 });
    expect(parseToWorker({ type: 'frame', id: 7, path: '/data/a', frame: -1 })).toBeUndefined();
    expect(parseToWorker({ type: 'scan', scanId: 2 })).toBeUndefined();
    expect(parseToWorker({ type: 'eval', code: 'x' })).toBeUndefined();
  });
});
