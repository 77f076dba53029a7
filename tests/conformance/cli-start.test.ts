/**
 * Starting, as a newcomer does (issue 25, points 9-10): the build says what it is doing while it works,
 * browser mode on a machine with no display says that no browser could be opened and prints the URL again,
 * and the README's way of running the CLI (`node bin/dicom-ink.cjs`) is fast and prints nothing but its own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('starting the app', () => {
  it('the build says what it builds and how long it took, and puts each bundle in place whole', () => {
    const cli = path.join(REPO, 'dist', 'cli.cjs');
    const before = statSync(cli).ino;
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
    // Renamed over the old one (a new file), not rewritten in place: a CLI started by another test or
    // terminal during the build reads a whole bundle, old or new. No temporary is left beside it.
    expect(statSync(cli).ino).not.toBe(before);
    expect(readdirSync(path.dirname(cli)).filter((name) => name.endsWith('.building'))).toEqual([]);
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

describe('the command line from a checkout', () => {
  it('node bin/dicom-ink.cjs answers at once with nothing but its own output; the README uses it, not npx', () => {
    const started = Date.now();
    const run = runCli(['--version']);
    const elapsed = Date.now() - started;
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.stderr).toBe('');
    expect(elapsed).toBeLessThan(2000);
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).not.toContain('npx dicom-ink ');
    expect(readme).toContain('node bin/dicom-ink.cjs convert assets/sample/abdomen-ct');
  });
});

describe("the README's Python helper", () => {
  it('says what to install when its Python cannot import pydicom', () => {
    // -S leaves out site-packages, where Debian's python3-pydicom lives: a Python without pydicom.
    const run = spawnSync(
      '/usr/bin/python3',
      ['-S', 'tests/helpers/annotation_objects.py', 'sr', 'in', 'out.dcm'],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('annotation_objects.py needs pydicom and numpy');
    expect(run.stderr).toContain(
      'sudo apt-get install python3-pydicom python3-numpy, then run it with /usr/bin/python3',
    );
    expect(run.stderr).toContain('-m pip install pydicom numpy');
  });
});
