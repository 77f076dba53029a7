import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/main/app/app-core';
import { startBridge, type Bridge } from '../../../src/main/app/bridge/bridge-server';
import { decodeWire } from '../../../src/shared/ipc/wire';

const corpus = path.resolve('tests/fixtures/corpus');
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-cancel-'));
const study = path.join(work, 'study');
mkdirSync(study);
// Four slices of a 1760x1760 JPEG 2000 lossless image: each takes hundreds of ms to decode.
const BIG = [1, 2, 3, 4].map((n) => path.join(study, `J2K${n}`));
for (const file of BIG) copyFileSync(path.join(corpus, 'RG3_J2KR.dcm'), file);
const SMALL = path.join(study, 'CT1');
copyFileSync(path.join(corpus, '693_UNCI.dcm'), SMALL);

let core: AppCore;
let bridge: Bridge;

async function invoke(channel: string, body: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${bridge.port}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-DicomInk-Token': bridge.token },
    body: JSON.stringify(body),
  });
  return decodeWire(await response.arrayBuffer());
}

/** Sends image:cancel until main has the load registered (the two requests travel on separate connections). */
async function cancelOnceRegistered(requestId: number, load: Promise<unknown>): Promise<unknown> {
  let settled = false;
  void load.then(() => (settled = true));
  for (;;) {
    const reply = (await invoke('image:cancel', { requestId })) as { value: { cancelled: boolean } };
    if (reply.value.cancelled || settled) return reply;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  core = createAppCore({ transport: 'browser', version: '0.0.0-test', dataDir: path.join(work, 'data') });
  bridge = await startBridge({ handlers: core.handlers, subscribe: core.subscribe, staticRoot: work });
  await core.library.open(study);
  await core.library.idle();
});
afterAll(async () => {
  await core.shutdown();
  await bridge.close();
  rmSync(work, { recursive: true, force: true });
});

describe('cancelling image loads over the browser bridge', () => {
  it('answers cancelled slices at once, never decodes them, and the next slice does not wait for them', async () => {
    await invoke('image:load', { path: SMALL, frame: 0 });
    let started = performance.now();
    const first = (await invoke('image:load', { path: BIG[0], frame: 0, requestId: 1 })) as { ok: boolean };
    const decodeMs = performance.now() - started;
    expect(first.ok).toBe(true);

    // The user scrolls over three big slices: one is decoding, two wait behind it and go stale.
    const current = invoke('image:load', { path: BIG[1], frame: 0, requestId: 2 });
    const stale = [3, 4].map((id) => invoke('image:load', { path: BIG[id - 1], frame: 0, requestId: id }));
    for (const [i, id] of [3, 4].entries()) {
      const load = stale[i] ?? Promise.resolve();
      expect(await cancelOnceRegistered(id, load)).toEqual({ ok: true, value: { cancelled: true } });
    }
    for (const answer of await Promise.all(stale))
      expect(answer).toEqual({ ok: true, value: { cancelled: true } });
    const decoded = (await current) as { ok: boolean; value: { bytes: Uint8Array } };
    expect(decoded.value.bytes.byteLength).toBe(1760 * 1760 * 2);

    started = performance.now();
    const next = (await invoke('image:load', { path: SMALL, frame: 0, requestId: 5 })) as { ok: boolean };
    const nextMs = performance.now() - started;
    expect(next.ok).toBe(true);
    expect(nextMs).toBeLessThan(decodeMs);
    console.log(
      `[cancel] big decode ${decodeMs.toFixed(0)} ms; next slice after 2 cancels ${nextMs.toFixed(0)} ms`,
    );
    // Cancelling a load that has answered is harmless.
    expect(await invoke('image:cancel', { requestId: 2 })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
