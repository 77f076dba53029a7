/**
 * Browser mode, as a user runs it (`dicom-ink app FOLDER --browser`), on a folder holding a FIFO
 * (issue 15): image:load of the FIFO answers at once with the reason instead of blocking the decoder,
 * the next image still loads, and SIGTERM then ends the process by that signal within seconds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWire } from '../../src/shared/ipc/wire';
import { REPO, copyCorpus } from '../helpers/cli-harness';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-app-fifo-'));
const study = path.join(work, 'study');
const image = copyCorpus('dp_CT1_UNC.explicit_little_endian.dcm', path.join(study, 'IM1'));
const fifo = path.join(study, 'pipe');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function startApp(): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(
    process.execPath,
    ['bin/dicom-ink.cjs', 'app', study, '--browser', '--port', '0', '--no-open'],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_DATA_HOME: path.join(work, 'data') },
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) resolve({ child, url: new URL(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before its URL: ${output}`)));
  });
}

async function invoke(url: URL, channel: string, body: unknown): Promise<unknown> {
  const response = await fetch(new URL(`/api/invoke/${channel}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dicomink-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return decodeWire(await response.arrayBuffer());
}

describe('browser mode with a FIFO in the opened folder', () => {
  it('answers image:load of the FIFO with the reason, keeps decoding, and ends on SIGTERM', async () => {
    if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error('mkfifo failed');
    const { child, url } = await startApp();
    const fromFifo = (await invoke(url, 'image:load', { path: fifo, frame: 0 })) as {
      ok: boolean;
      error?: string;
    };
    expect(fromFifo.ok).toBe(false);
    expect(fromFifo.error).toMatch(/named pipe \(FIFO\), not a regular file/);
    const next = (await invoke(url, 'image:load', { path: image, frame: 0 })) as { ok: boolean };
    expect(next.ok).toBe(true);

    const started = Date.now();
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);
});
