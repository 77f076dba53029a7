/**
 * Starts `node bin/dicom-ink.cjs app FOLDER... --browser --port 0 --no-open` and waits for the line with
 * the URL it prints (an event the app emits, never a sleep).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  /** the app's main process */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;

export function launchApp(
  folders: readonly string[],
  timeoutMs = 30_000,
  // Sessions go to a fresh data directory unless the caller chooses one: a test never reads another run's.
  env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: mkdtempSync(path.join(tmpdir(), 'dicom-ink-data-')),
  },
): Promise<RunningApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/dicom-ink.cjs', 'app', ...folders, '--browser', '--port', '0', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    },
  );
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`dicom-ink app printed no URL within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = URL_PATTERN.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = new URL(match[1]);
      resolve({
        url: match[1],
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        pid: child.pid ?? 0,
        output: () => output,
        stop,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dicom-ink app exited with code ${code} before printing a URL. Output:\n${output}`));
    });
  });
}
