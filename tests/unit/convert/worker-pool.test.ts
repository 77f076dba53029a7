import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvertInput } from '../../../src/main/convert/convert-settings';
import { defaultConvertSettings } from '../../../src/main/convert/convert-settings';
import type { FileOutcome } from '../../../src/main/convert/outcome';
import { runPool } from '../../../src/main/export/worker-pool';
import { packBoxes } from '../../../src/shared/boxes/packed-boxes';
import type { PoolOptions } from '../../../src/main/export/worker-pool';

// A stand-in worker speaking the pool's protocol, in order like the real one: it hangs, throws or exits on
// inputs named so; a 'stuck:<fifo>' input blocks its thread inside open(2) of a FIFO with no writer, where
// terminate() cannot reach it (as a read from a stalled network share would); a 'slow' input takes 3 s but reports progress every 0.5 s, as a long multi-frame file does.
const FAKE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.boxes?.count === 1) { parentPort.postMessage({ type: 'init-failed', reason: 'no codecs' }); return; }
let previous = Promise.resolve();
parentPort.on('message', (m) => {
  previous = previous.then(() => new Promise((done) => {
    const name = m.input.path;
    if (name.includes('hang')) return;
    if (name.startsWith('stuck:')) { require('node:fs').openSync(name.slice(6), 'r'); return; }
    if (name.includes('throw')) { setImmediate(() => { throw new Error('boom'); }); return; }
    if (name.includes('exit')) { setImmediate(() => process.exit(3)); return; }
    const outcome = { status: 'converted', input: name, output: m.input.outputPath, frames: 1, boxesDrawn: 0, matchedBoxOrigins: [] };
    if (name.includes('slow')) {
      let beats = 0;
      const timer = setInterval(() => {
        parentPort.postMessage({ type: 'progress', id: m.id });
        if (++beats < 6) return;
        clearInterval(timer);
        parentPort.postMessage({ type: 'outcome', id: m.id, outcome });
        done();
      }, 500);
      return;
    }
    setTimeout(() => { parentPort.postMessage({ type: 'outcome', id: m.id, outcome }); done(); }, 5);
  }));
});
parentPort.postMessage({ type: 'ready' });
`;

// The same, leaving its outcomes in the shared channel as the real worker does and posting when the
// pool asked to hear, except after 'quiet' files; 'die' exits.
const CHANNEL_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { channelWriter } = require('./channel.cjs');
const channel = channelWriter(workerData.channel);
let previous = Promise.resolve();
parentPort.on('message', (m) => {
  previous = previous.then(() => new Promise((done) => {
    const name = m.input.path;
    if (name.includes('die')) { setImmediate(() => process.exit(3)); return; }
    setTimeout(() => {
      channel.write({ id: m.id, outcome: { status: 'converted', input: name, output: m.input.outputPath, frames: 1, boxesDrawn: 0, matchedBoxOrigins: [] } });
      if (channel.finished() && !name.includes('quiet')) parentPort.postMessage({ type: 'outcomes' });
      done();
    }, 5);
  }));
});
parentPort.postMessage({ type: 'ready' });
`;

let dir: string;
let workerPath: string;
let channelWorkerPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-pool-'));
  workerPath = join(dir, 'fake.worker.cjs');
  writeFileSync(workerPath, FAKE_WORKER);
  channelWorkerPath = join(dir, 'channel.worker.cjs');
  writeFileSync(channelWorkerPath, CHANNEL_WORKER);
  buildSync({
    entryPoints: ['src/main/export/outcome-channel.ts'],
    outfile: join(dir, 'channel.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A FIFO nobody writes to: a worker opening it blocks in open(2) until `release` opens its other end. */
function stuckFifo(name: string): { path: string; release(): void } {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return {
    path,
    // O_RDWR never blocks on Linux and counts as a writer, so the blocked open returns and the thread ends.
    release: () => closeSync(openSync(path, constants.O_RDWR | constants.O_NONBLOCK)),
  };
}

async function* inputs(names: string[]): AsyncGenerator<ConvertInput> {
  for (const name of names) yield { path: name, relativePath: name, outputPath: `/out/${name}` };
}

function options(overrides: Partial<PoolOptions>, outcomes: FileOutcome[]): PoolOptions {
  return {
    workerPath,
    init: { settings: defaultConvertSettings(), outputRoot: '/out' },
    size: 2,
    // Long enough that a good file on a loaded CI machine is never taken for a hung one.
    fileTimeoutMs: 2000,
    graceMs: 200,
    onOutcome: (o) => outcomes.push(o),
    ...overrides,
  };
}

describe('runPool', () => {
  it('gives every input an outcome and survives a hang, a throw and an exit in its workers', async () => {
    const names = ['a', 'hang-1', 'b', 'throw-1', 'c', 'exit-1', 'd', 'e'];
    const outcomes: FileOutcome[] = [];
    const end = await runPool(inputs(names)[Symbol.asyncIterator](), options({}, outcomes));
    expect(end).toEqual({ kind: 'drained' });
    const byInput = new Map(outcomes.map((o) => [o.input, o]));
    expect([...byInput.keys()].sort()).toEqual([...names].sort());
    for (const ok of ['a', 'b', 'c', 'd', 'e']) expect(byInput.get(ok)?.status).toBe('converted');
    expect(byInput.get('hang-1')).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('made no progress for 2 s'),
    });
    expect(byInput.get('throw-1')).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('boom'),
    });
    expect(byInput.get('exit-1')).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('code 3'),
    });
  });

  it('lets a file run past the timeout while it keeps reporting progress (frames being made)', async () => {
    const outcomes: FileOutcome[] = [];
    const end = await runPool(inputs(['slow-1', 'a'])[Symbol.asyncIterator](), options({}, outcomes));
    expect(end).toEqual({ kind: 'drained' });
    expect(new Map(outcomes.map((o) => [o.input, o.status]))).toEqual(
      new Map([
        ['slow-1', 'converted'],
        ['a', 'converted'],
      ]),
    );
  });

  it('stops handing out files on cancel and ends busy workers after the grace period', async () => {
    const controller = new AbortController();
    const outcomes: FileOutcome[] = [];
    const names = ['hang-1', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const end = await runPool(
      inputs(names)[Symbol.asyncIterator](),
      options(
        {
          size: 2,
          fileTimeoutMs: 10_000,
          signal: controller.signal,
          onOutcome: (o) => {
            outcomes.push(o);
            if (o.input === 'b') controller.abort();
          },
        },
        outcomes,
      ),
    );
    expect(end).toEqual({ kind: 'cancelled' });
    expect(outcomes.length).toBeLessThan(names.length);
    expect(outcomes.find((o) => o.input === 'hang-1')).toMatchObject({
      status: 'skipped',
      reason: 'cancelled before it finished',
    });
  });

  it('names the file whose thread could not be stopped after a cancel (blocked in a system call)', async () => {
    const fifo = stuckFifo('cancel.fifo');
    const controller = new AbortController();
    const outcomes: FileOutcome[] = [];
    const names = [`stuck:${fifo.path}`, 'a', 'b', 'c', 'd', 'e'];
    try {
      const end = await runPool(
        inputs(names)[Symbol.asyncIterator](),
        options(
          {
            size: 2,
            fileTimeoutMs: 10_000,
            stopWaitMs: 1000,
            signal: controller.signal,
            onOutcome: (o) => {
              outcomes.push(o);
              if (o.input === 'b') controller.abort();
            },
          },
          outcomes,
        ),
      );
      expect(end.kind).toBe('cancelled');
      expect(end.unstoppable).toEqual([{ file: `stuck:${fifo.path}`, threadId: expect.any(Number) }]);
      expect(end.unstoppable?.[0]?.threadId).toBeGreaterThan(0);
    } finally {
      fifo.release();
    }
  });

  it('names a timed-out file whose thread could not be stopped, and converts the rest on a new worker', async () => {
    const fifo = stuckFifo('timeout.fifo');
    const outcomes: FileOutcome[] = [];
    const names = [`stuck:${fifo.path}`, 'a', 'b', 'c'];
    try {
      const end = await runPool(
        inputs(names)[Symbol.asyncIterator](),
        options({ size: 1, fileTimeoutMs: 1000, stopWaitMs: 500 }, outcomes),
      );
      expect(end).toEqual({
        kind: 'drained',
        unstoppable: [{ file: `stuck:${fifo.path}`, threadId: expect.any(Number) }],
      });
      const byInput = new Map(outcomes.map((o) => [o.input, o.status]));
      expect(byInput.get(`stuck:${fifo.path}`)).toBe('failed');
      for (const ok of ['a', 'b', 'c']) expect(byInput.get(ok)).toBe('converted');
    } finally {
      fifo.release();
    }
  });

  it('reports no thread when every ended worker stopped', async () => {
    const outcomes: FileOutcome[] = [];
    const end = await runPool(inputs(['hang-1', 'a'])[Symbol.asyncIterator](), options({}, outcomes));
    expect(end).toEqual({ kind: 'drained' });
  });

  it('reads the outcomes a worker left in the shared channel before it died, and blames only the file it was on', async () => {
    const outcomes: FileOutcome[] = [];
    // The pool sends two files at first: 'a-quiet' ends without a message, then 'die-1' kills the worker.
    const names = ['a-quiet', 'die-1', 'c', 'd'];
    const end = await runPool(
      inputs(names)[Symbol.asyncIterator](),
      options({ workerPath: channelWorkerPath, size: 1 }, outcomes),
    );
    expect(end).toEqual({ kind: 'drained' });
    expect(new Map(outcomes.map((o) => [o.input, o.status]))).toEqual(
      new Map([
        ['a-quiet', 'converted'],
        ['die-1', 'failed'],
        ['c', 'converted'],
        ['d', 'converted'],
      ]),
    );
    expect(outcomes).toHaveLength(names.length);
    expect(outcomes.find((o) => o.input === 'die-1')).toMatchObject({
      reason: expect.stringContaining('code 3'),
    });
  });

  it('reads finished outcomes from the channel on its own timer, although the worker never posts', async () => {
    const outcomes: FileOutcome[] = [];
    const names = Array.from({ length: 12 }, (_, i) => `quiet-${i}`);
    const end = await runPool(
      inputs(names)[Symbol.asyncIterator](),
      options({ workerPath: channelWorkerPath, size: 1 }, outcomes),
    );
    // Without the pool's poll the worker, holding no file after its first two, would wait forever.
    expect(end).toEqual({ kind: 'drained' });
    expect(outcomes.map((o) => o.input)).toEqual(names);
    expect(outcomes.every((o) => o.status === 'converted')).toBe(true);
  });

  it('fails the job with the worker reason when workers cannot start', async () => {
    const outcomes: FileOutcome[] = [];
    const boxes = [
      { target: { kind: 'file' as const, file: 'x' }, frame: 1, x1: 0, y1: 0, x2: 1, y2: 1, origin: 'b:2' },
    ];
    const end = await runPool(
      inputs(['a'])[Symbol.asyncIterator](),
      options(
        { init: { settings: defaultConvertSettings(), boxes: packBoxes(boxes), outputRoot: '/out' } },
        outcomes,
      ),
    );
    expect(end).toEqual({ kind: 'failed', reason: 'no codecs' });
  });
});
