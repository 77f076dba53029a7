/**
 * Starting, as a newcomer does (issue 25, point 9): the build says what it is doing while it works, and
 * browser mode on a machine with no display says that no browser could be opened and prints the URL again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli-harness';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('starting the app', () => {
  it('the build says what it builds and how long it took', () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', '--node-only'],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe("Building the command line and the app's Node parts into dist/ ...");
    expect(lines.at(-1)).toMatch(/^Built in \d+\.\d s\.$/);
  }, 120_000);

  it('browser mode without a display says no browser could be opened, then prints the URL again', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: path.join(work, 'data') };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    const child = spawn(
      process.execPath,
      ['bin/dicom-ink.cjs', 'app', path.join(REPO, 'assets/sample/abdomen-ct'), '--browser', '--port', '0'],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    children.push(child);
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (/Open http:\S+ in a browser on this machine\.\n/.test(text)) resolve(text);
      });
      child.once('exit', (code) => reject(new Error(`the app exited (${code}): ${text}`)));
    });
    const url = /DICOM Ink is running at (\S+)/.exec(output)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const lines = output.trim().split('\n');
    expect(lines.slice(-2)).toEqual([
      'No browser could be opened: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).',
      `Open ${url} in a browser on this machine.`,
    ]);
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await ended;
  }, 60_000);
});
