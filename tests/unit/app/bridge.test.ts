import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/main/app/app-core';
import { startBridge, type Bridge } from '../../../src/main/app/bridge/bridge-server';
import { BRIDGE_CSP } from '../../../src/main/app/csp';
import { decodeWire } from '../../../src/shared/ipc/wire';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-bridge-'));
const study = path.join(work, 'study');
const web = path.join(work, 'renderer');
mkdirSync(study);
mkdirSync(web);
copyFileSync(path.resolve('tests/fixtures/corpus/693_UNCI.dcm'), path.join(study, 'IM1'));
writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(path.join(work, 'outside.txt'), 'secret');

let core: AppCore;
let bridge: Bridge;

interface Reply {
  status: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-DicomInk-Token': bridge.token, ...headers },
    body: JSON.stringify(body),
  });

const answer = (reply: Reply) => decodeWire(new Uint8Array(reply.body).buffer);

beforeAll(async () => {
  core = createAppCore({ transport: 'browser', version: '0.0.0-test', dataDir: path.join(work, 'data') });
  bridge = await startBridge({ handlers: core.handlers, subscribe: core.subscribe, staticRoot: web });
  await core.library.open(study);
  await core.library.idle();
});
afterAll(async () => {
  core.dispose();
  await bridge.close();
  rmSync(work, { recursive: true, force: true });
});

describe('browser-mode bridge', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  });

  it('answers a request with the token, from its own origin', async () => {
    const reply = await invoke('library:snapshot', {}, { Origin: `http://127.0.0.1:${bridge.port}` });
    expect(reply.status).toBe(200);
    const result = answer(reply) as { ok: boolean; value: { scans: { images: number }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.scans[0]?.images).toBe(1);
  });

  it('refuses an API request without the token, or with a wrong one (401)', async () => {
    const none = await send('/api/invoke/library:snapshot', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(none.body.toString()).toMatch(/no valid token/);
    const wrong = await invoke('library:snapshot', {}, { 'X-DicomInk-Token': 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    const events = await send('/api/events');
    expect(events.status).toBe(401);
  });

  it('tells an event stream that connects after a scan ended where the scan stands (no lost end)', async () => {
    // The scan of `study` ended before any stream was open: its events went to no page. A page whose
    // EventSource opens only now (after its first snapshot request) must still learn that it is done.
    const first = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, path: `/api/events?token=${bridge.token}` },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: scan:progress')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const data = /event: scan:progress\ndata: (.*)\n/.exec(first)?.[1];
    expect(JSON.parse(data ?? '{}')).toMatchObject({ state: 'done', filesSeen: 1, images: 1 });
  });

  it('refuses a request from another Origin even with the token (403)', async () => {
    const reply = await invoke('library:snapshot', {}, { Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body.toString()).toMatch(/Requests from https:\/\/evil\.example are refused/);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const reply = await invoke('library:snapshot', {}, { Host: `attacker.example:${bridge.port}` });
    expect(reply.status).toBe(403);
  });

  it('refuses to read files outside the opened folders, however the path is written', async () => {
    for (const target of [path.join(study, '..', 'outside.txt'), '../../etc/passwd', '/etc/passwd']) {
      const reply = await invoke('image:load', { path: target, frame: 0 });
      expect(answer(reply)).toEqual({
        ok: false,
        error: `Refused to read ${target}: it is outside the folders you opened. Open its folder first.`,
      });
    }
    const inside = answer(await invoke('image:load', { path: path.join(study, 'IM1'), frame: 0 })) as {
      ok: boolean;
      value: { bytes: Uint8Array };
    };
    expect(inside.value.bytes.byteLength).toBe(512 * 512 * 2);
  });

  it('validates request bodies against the contract', async () => {
    const reply = await invoke('image:load', { path: path.join(study, 'IM1'), frame: 'first' });
    const result = answer(reply) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/The image:load request is malformed/);
    const unknown = await invoke('shell:exec', {});
    expect(answer(unknown)).toEqual({ ok: false, error: 'Unknown channel "shell:exec".' });
  });

  it('serves the renderer with the CSP header and never a file outside its folder', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(BRIDGE_CSP);
    expect((await send('/../outside.txt')).status).toBe(404);
    expect((await send('/%2e%2e/outside.txt')).status).toBe(404);
  });
});
