/**
 * Runs one benchmarked command as a child process and measures it the same way whatever it is (the
 * engine's CLI, `cp -r`, the pydicom script): wall time, CPU (user + system, all threads) and peak RSS.
 * CPU and RSS come from GNU time (`/usr/bin/time`, Debian package `time`), which reads them from
 * wait4(); without it only the wall time is known.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  seconds: number;
  /** user + system CPU seconds of the command and every thread and child it waited for */
  cpuSeconds?: number;
  /** the system (kernel) part of cpuSeconds */
  systemSeconds?: number;
  peakRssMb?: number;
  exitCode: number;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function gnuTimeAvailable(): boolean {
  return existsSync(GNU_TIME);
}

/** Flushes dirty pages, so a command never pays for the previous one's writes (the issue's `sync` rule). */
export function syncDisks(): void {
  execFileSync('sync');
}

/** `sync`, then runs `command args` and measures it. */
export function measure(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Measurement {
  syncDisks();
  const scratch = mkdtempSync(join(tmpdir(), 'dicom-ink-measure-'));
  const timeFile = join(scratch, 'time.txt');
  try {
    const useTime = gnuTimeAvailable();
    const [file, argv] = useTime
      ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]]
      : [command, [...args]];
    const started = performance.now();
    const result = spawnSync(file, argv, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 64 << 20 });
    const wall = (performance.now() - started) / 1000;
    const base = { exitCode: result.status ?? 1, stderr: result.stderr ?? '' };
    if (!useTime || !existsSync(timeFile)) return { seconds: wall, ...base };
    // GNU time appends "Command exited with non-zero status N" before the format line on failure.
    const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [, user, system, rssKb] = line.split(' ').map(Number);
    return {
      seconds: wall,
      cpuSeconds: (user ?? 0) + (system ?? 0),
      systemSeconds: system ?? 0,
      peakRssMb: (rssKb ?? 0) / 1024,
      ...base,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
