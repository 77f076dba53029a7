/** Runs the built CLI without blocking this process, so a fake server in the test can answer it. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './cli-harness';

export interface AsyncCliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCliAsync(
  args: readonly string[],
  options: { env?: Record<string, string>; killAfterMs?: number } = {},
): Promise<AsyncCliResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO, 'bin', 'dicom-ink.cjs'), ...args], {
    cwd: REPO,
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A command that hangs is killed, so the assertion on its duration fails instead of the whole file.
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
