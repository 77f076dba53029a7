/**
 * Resumable runs: the real CLI is killed (SIGKILL) at random points of a 2,000-file run, several times;
 * after each kill every file under an output name is complete (identical to a clean run's), and a rerun
 * of the same command finishes the job, removes the temporaries the killed runs left and ends with a
 * folder byte-identical to one clean run's. The report is written line by line as the run goes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, hashTree, readReport, runCli } from '../helpers/cli-harness';
import { writePhantomFolder } from '../helpers/phantom-folder';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const FILES = 2000;
const KILLS = 4;
let dir: string;
let input: string;
let clean: Map<string, string>;
let cleanSeconds: number;

function convertArgs(out: string, report?: string): string[] {
  const args = ['convert', input, '--out', out, '--window', 'abdomen', '--quiet', '--jobs', '2'];
  return report === undefined ? args : [...args, '--report', report];
}

/** Starts the CLI and SIGKILLs it after `ms` (or lets it end first); resolves when it is gone. */
function runAndKill(args: string[], ms: number): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'dicom-ink.cjs'), ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-resume-'));
  input = join(dir, 'in');
  writePhantomFolder(input, { slices: FILES, size: 16, folders: 3 });
  const started = performance.now();
  const run = runCli(convertArgs(join(dir, 'clean')));
  cleanSeconds = (performance.now() - started) / 1000;
  expect(run.code, run.stderr).toBe(0);
  clean = hashTree(join(dir, 'clean'));
  // the outputs and the folder's version registry (.dicom-ink-versions.json, the same for every shard)
  expect(clean.size).toBe(FILES + 1);
  expect(clean.has(VERSIONS_FILE_NAME)).toBe(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a run killed with SIGKILL at random points', () => {
  it(
    'never leaves a partial file under an output name, and a rerun completes it byte for byte',
    { timeout: 300_000 },
    async () => {
      const out = join(dir, 'killed');
      const report = join(dir, 'killed.jsonl');
      let kills = 0;
      for (let attempt = 0; attempt < KILLS; attempt++) {
        // Anywhere from start-up to near the end of a clean run's duration.
        const ms = Math.round((0.15 + 0.8 * Math.random()) * cleanSeconds * 1000);
        const { killed } = await runAndKill(convertArgs(out, report), ms);
        if (killed) kills++;
        // A kill during start-up can come before --out exists.
        const now = existsSync(out) ? hashTree(out) : new Map<string, string>();
        for (const [name, hash] of now) {
          const hidden = name.split('/').some((part) => part.startsWith('.'));
          const ours = /\.partial$|^\.dicom-ink-write-check-[^/]+$|^\.dicom-ink-versions\.json$/;
          if (hidden)
            expect(name, 'only our temporaries, write probes and the version registry may be hidden').toMatch(
              ours,
            );
          else expect(hash, `${name} after a kill at ${ms} ms`).toBe(clean.get(name));
        }
        // The report holds one complete line per input that ended before the kill.
        const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
        const lines = text.split('\n').slice(0, -1);
        for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
      }
      expect(kills, 'at least one kill landed while the run was going').toBeGreaterThan(0);

      // A temporary exactly like one a killed run leaves between writing and renaming.
      mkdirSync(join(out, 'in', 'series-1'), { recursive: true });
      const leftover = join(out, 'in', 'series-1', '.IM00001.4242-1-0a1b2c3d.partial');
      writeFileSync(leftover, 'half a file');
      // The write probe a run killed between creating and removing it leaves in --out.
      const probe = join(out, '.dicom-ink-write-check-4242-0a1b2c3d4e5f');
      writeFileSync(probe, '');

      const rerun = runCli(convertArgs(out, report));
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(existsSync(leftover)).toBe(false);
      expect(existsSync(probe)).toBe(false);
      expect(hashTree(out)).toEqual(clean);
      const document = readReport(report);
      expect(document.status).toBe('completed');
      expect(document.outcomes).toHaveLength(FILES);
      const { converted, skipped, failed } = document.totals;
      expect(converted + skipped).toBe(FILES);
      expect(failed).toBe(0);
      const skips = document.outcomes.filter((o) => o.status === 'skipped');
      for (const skip of skips) expect(skip.reason).toBe('already converted: the existing output matches');
    },
  );

  it(
    'skips an existing output that differs from what the run would write, and says how to replace it',
    { timeout: 120_000 },
    () => {
      const small = join(dir, 'small');
      writePhantomFolder(small, { slices: 6, size: 16, folders: 2 });
      const out = join(dir, 'differs');
      const args = ['convert', small, '--out', out, '--window', 'abdomen', '--quiet'];
      expect(runCli(args).code).toBe(0);
      writeFileSync(join(out, 'small', 'series-2', 'IM00002'), 'something else');
      const again = runCli([...args, '--report', join(dir, 'differs.jsonl')]);
      const document = readReport(join(dir, 'differs.jsonl'));
      expect(again.code).toBe(0);
      expect(document.totals).toEqual({ converted: 0, skipped: 6, failed: 0 });
      const changed = document.outcomes.find((o) => o.input === join(small, 'series-2', 'IM00002'));
      expect(changed?.reason).toBe('the output file already exists; pass --overwrite to replace it');
      expect(readFileSync(join(out, 'small', 'series-2', 'IM00002'), 'utf8')).toBe('something else');
    },
  );
});
