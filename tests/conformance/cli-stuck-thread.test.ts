/**
 * A converter thread blocked inside a system call cannot be terminated. After Ctrl-C the real CLI names
 * the file whose thread could not be stopped and ends (by SIGINT, as 130), instead of ending "cancelled"
 * without a word and then hanging at exit waiting for that thread.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, copyCorpus } from '../helpers/cli-harness';
import { createStuckWorker, type StuckWorker } from '../helpers/stuck-worker';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
let dir: string;
let stuck: StuckWorker;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-cli-stuck-'));
  stuck = createStuckWorker(dir, 'stuck.dcm');
});
afterAll(() => {
  stuck.release();
  rmSync(dir, { recursive: true, force: true });
});

describe('a converter thread stuck in a system call', () => {
  it('is named with its file after Ctrl-C, and the CLI still ends', async () => {
    const study = join(dir, 'study');
    copyCorpus(CT, join(study, 'a.dcm'));
    const stuckFile = copyCorpus(CT, join(study, 'stuck.dcm'));
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin', 'dicom-ink.cjs'), 'convert', study, '--out', join(dir, 'out'), '--jobs', '1'],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...stuck.env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const started = Date.now();
    while (!stuck.entered() && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    expect(stuck.entered()).toBe(true);
    child.kill('SIGINT');
    // Bounded: before the fix the process never ended (it waited at exit for the blocked thread).
    const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const end = await exited;
    clearTimeout(timeout);
    expect(end, `stdout: ${stdout}\nstderr: ${stderr}`).toEqual({ code: null, signal: 'SIGINT' });
    expect(stdout).toMatch(/^Cancelled: /);
    expect(stdout).toContain('Converter threads that could not be stopped (1):');
    expect(stdout).toMatch(
      new RegExp(
        `\\n  ${stuckFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: its converter thread \\(thread \\d+\\) is blocked inside a system call`,
      ),
    );
    expect(stderr).toContain('dicom-ink: ending by SIGINT: a converter thread could not be stopped');
  }, 90_000);
});
