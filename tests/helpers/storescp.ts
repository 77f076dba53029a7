/**
 * DCMTK's storescp as a throw-away Storage SCP on a loopback port: every received instance is written as a
 * file in a temp folder, so a test can compare what arrived with what was sent.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './orthanc';

export interface StoreScp {
  port: number;
  aeTitle: string;
  /** folder storescp writes the received files to */
  dir: string;
  files(): string[];
  log(): string;
  stop(): Promise<void>;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `extraArgs` go before the port, e.g. ['+xi'] to accept Implicit VR Little Endian only. */
export async function startStoreScp(extraArgs: readonly string[] = []): Promise<StoreScp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-storescp-'));
  const aeTitle = 'STORESCP';
  const child: ChildProcess = spawn('storescp', ['-aet', aeTitle, '-od', dir, ...extraArgs, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  for (let i = 0; i < 100 && child.exitCode === null && !(await listening(port)); i++) await delay(50);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (child.exitCode !== null) {
    await stop();
    throw new Error(`storescp did not start (is DCMTK installed?):\n${log}`);
  }
  return {
    port,
    aeTitle,
    dir,
    files: () =>
      readdirSync(dir)
        .sort()
        .map((n) => join(dir, n)),
    log: () => log,
    stop,
  };
}
