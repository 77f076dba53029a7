/**
 * A worker stuck on one file (issue 15) is terminated and replaced, and that file is reported: the
 * app's decoder (per request), its scanner (per header read inside the worker, and a watchdog when the
 * worker falls silent). Stand-in workers speak the real protocol and get stuck on paths named "hang".
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { HeaderRead, ScannedFile } from '../../../src/main/app/services/library-service';
import { scanWith } from '../../../src/main/app/services/dicom-adapters';
import { createWorkerFrames } from '../../../src/main/app/services/worker-frames';
import { createWorkerScanner } from '../../../src/main/app/services/worker-scanner';

/** Answers frame requests at once, except for a path containing "hang": then it spins for ever. */
const FAKE_DECODER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type !== 'frame') return;
  if (m.path.includes('hang')) for (;;) {}
  parentPort.postMessage({ type: 'frame', id: m.id, read: { ok: false, reason: 'answered ' + m.path } });
});
`;

/** Takes a scan and never says anything again. */
const SILENT_SCANNER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => {});
`;

const ended: { terminate(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(ended.map((e) => e.terminate()));
});

function counting(code: string): { spawn: () => Worker; started: () => number } {
  let started = 0;
  return {
    spawn: () => {
      started++;
      return new Worker(code, { eval: true });
    },
    started: () => started,
  };
}

describe('the decoder worker', () => {
  it('fails a request that keeps it busy past the timeout, replaces it, and serves the requests behind it', async () => {
    const fake = counting(FAKE_DECODER);
    const frames = createWorkerFrames(fake.spawn, { timeoutMs: 2000 });
    ended.push(frames);
    const stuck = frames.loadFrame('/study/hang', 0);
    const behind = frames.loadFrame('/study/IM2', 0);
    expect(await stuck).toEqual({
      ok: false,
      reason:
        'reading it took longer than 2 s, so the image decoder was stopped and restarted; the file may be on a stalled drive or network share.',
    });
    expect(await behind).toEqual({ ok: false, reason: 'answered /study/IM2' });
    expect(await frames.loadFrame('/study/IM3', 0)).toEqual({ ok: false, reason: 'answered /study/IM3' });
    expect(fake.started()).toBe(2);
  });

  it('a cancelled request that keeps the worker busy is still timed, so later requests are not stuck behind it', async () => {
    const fake = counting(FAKE_DECODER);
    const frames = createWorkerFrames(fake.spawn, { timeoutMs: 2000 });
    ended.push(frames);
    const abort = new AbortController();
    const stuck = frames.loadFrame('/study/hang', 0, abort.signal);
    const next = frames.loadFrame('/study/IM4', 0);
    abort.abort();
    expect((await stuck).ok).toBe(false);
    expect(await next).toEqual({ ok: false, reason: 'answered /study/IM4' });
    expect(fake.started()).toBe(2);
  });
});

describe('the scanner', () => {
  it('reports a header read that does not end in time and goes on with the next file', async () => {
    async function* list(): AsyncGenerator<{ path: string }> {
      yield* [{ path: '/s/a' }, { path: '/s/hang' }, { path: '/s/b' }];
    }
    const read = (path: string): Promise<HeaderRead> =>
      path.includes('hang')
        ? new Promise<HeaderRead>(() => undefined)
        : Promise.resolve({ ok: false, kind: 'not-dicom', reason: `read ${path}` });
    const scan = scanWith(list, read, { headerTimeoutMs: 1000 });
    const seen: ScannedFile[] = [];
    for await (const file of scan('/s', new AbortController().signal)) seen.push(file);
    expect(seen.map((f) => [f.path, f.read.ok ? '' : f.read.reason])).toEqual([
      ['/s/a', 'read /s/a'],
      [
        '/s/hang',
        'reading it took longer than 1 s, so it was skipped; the file may be on a stalled drive or network share',
      ],
      ['/s/b', 'read /s/b'],
    ]);
  });

  it('ends a scan whose worker falls silent with a reason, and replaces the worker', async () => {
    const fake = counting(SILENT_SCANNER);
    const scanner = createWorkerScanner(fake.spawn, { timeoutMs: 500 });
    ended.push(scanner);
    const files: ScannedFile[] = [];
    const scanning = (async () => {
      for await (const file of scanner.scanFiles('/study', new AbortController().signal)) files.push(file);
    })();
    await expect(scanning).rejects.toThrow(
      'the background scanner stopped responding for 1 s, so it was restarted; open the folder again to rescan it',
    );
    expect(files).toEqual([]);
    // The next scan starts a fresh worker.
    const again = scanner.scanFiles('/study', new AbortController().signal)[Symbol.asyncIterator]();
    await expect(again.next()).rejects.toThrow(/stopped responding/);
    expect(fake.started()).toBe(2);
  });
});
