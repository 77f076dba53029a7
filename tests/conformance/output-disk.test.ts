/**
 * A full and a read-only output file system (a small tmpfs, mounted for the test; CI runs as root):
 * the run stops with one message and a non-zero exit, every file under an output name is complete,
 * no temporary is left, and once there is room the same command finishes the job.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, readReport, runCli } from '../helpers/cli-harness';
import { writePhantomFolder } from '../helpers/phantom-folder';

const FILES = 300;
let dir: string;
let input: string;
let mount: string;
/** every tmpfs this file mounted, unmounted in afterAll whatever happened (innermost first) */
const mounted: string[] = [];
let clean: Map<string, string>;

function mountTmpfs(at: string, options: string): void {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `this test mounts a small tmpfs and needs root (CI runs as root): mount failed: ${String(error)}`,
    );
  }
  mounted.push(at);
}

function remount(options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, mount], { stdio: 'pipe' });
}

function args(out: string, report: string): string[] {
  return ['convert', input, '--out', out, '--window', 'abdomen', '--jobs', '2', '--report', report];
}

/** The lines of stderr other than the periodic `progress:` count (stderr is a pipe here). */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('progress: '));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-disk-'));
  input = join(dir, 'in');
  writePhantomFolder(input, { slices: FILES, size: 64, folders: 2 });
  const run = runCli(['convert', input, '--out', join(dir, 'clean'), '--window', 'abdomen', '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  clean = hashTree(join(dir, 'clean'));
  mount = join(dir, 'small-disk');
  mkdirSync(mount);
  // About a quarter of the outputs fit (each is ~13 KB).
  mountTmpfs(mount, 'size=1m,mode=0755');
});

afterAll(() => {
  const failures: string[] = [];
  for (const at of mounted.reverse()) {
    try {
      execFileSync('umount', [at], { stdio: 'pipe' });
    } catch (error) {
      failures.push(`${at}: ${String(error)}`);
    }
  }
  // Never delete through a mount that is still there (it could be read-only, or hold someone's files).
  if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
  else throw new Error(`could not unmount: ${failures.join('; ')}`);
});

describe('an output disk that fills up', () => {
  it('stops with one message and a non-zero exit, leaving only complete outputs, then resumes', () => {
    const out = join(mount, 'out');
    const full = runCli(args(out, join(dir, 'full.jsonl')));
    expect(full.code).not.toBe(0);
    expect(full.code).not.toBeNull();
    const said = messages(full.stderr);
    expect(said, full.stderr).toHaveLength(1);
    expect(said[0]).toMatch(
      /^dicom-ink: stopped after \d+ file\(s\): .+: could not write the output: the disk is full/,
    );
    expect(said[0]).toContain('run the same command again');
    const written = hashTree(out);
    expect(written.size).toBeGreaterThan(0);
    expect(written.size).toBeLessThan(FILES);
    for (const [name, hash] of written) expect(hash, `${name} is complete`).toBe(clean.get(name));
    const report = readReport(join(dir, 'full.jsonl'));
    expect(report.status).toBe('stopped');

    remount('size=16m');
    const resumed = runCli(args(out, join(dir, 'resumed.jsonl')));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(hashTree(out)).toEqual(clean);
  });
});

describe('a read-only output file system', () => {
  it('as --out: said in one line before anything starts, exit 2, nothing written', () => {
    remount('ro');
    try {
      const out = join(mount, 'elsewhere');
      const run = runCli(args(out, join(dir, 'ro.jsonl')));
      expect(run.code).toBe(2);
      const said = messages(run.stderr);
      expect(said, run.stderr).toHaveLength(1);
      expect(said[0]).toBe(
        `dicom-ink: cannot write to the output folder ${out} (read-only file system); nothing was converted. Choose another --out or make it writable`,
      );
      // the earlier run's outputs and its version registry (.dicom-ink-versions.json), nothing more
      expect(hashTree(mount).size).toBe(FILES + 1);
      expect(readReport(join(dir, 'ro.jsonl')).status).toBe('failed');
    } finally {
      remount('rw');
    }
  });

  it('below a writable --out: the run stops at the first file it meets, with one message', () => {
    const out = join(dir, 'part-ro');
    // The outputs of series-2 go to a read-only file system; those of series-1 can be written.
    const readOnly = join(out, 'in', 'series-2');
    mkdirSync(readOnly, { recursive: true });
    mountTmpfs(readOnly, 'size=64k,ro');
    const run = runCli(args(out, join(dir, 'part-ro.jsonl')));
    expect(run.code).toBe(1);
    const said = messages(run.stderr);
    expect(said, run.stderr).toHaveLength(1);
    expect(said[0]).toMatch(
      /^dicom-ink: stopped after \d+ file\(s\): .+series-2.+: could not write the output: the file system is read-only/,
    );
    const written = hashTree(out);
    expect(written.size).toBeLessThan(FILES);
    for (const [name, hash] of written) expect(hash, `${name} is complete`).toBe(clean.get(name));
    const report = readReport(join(dir, 'part-ro.jsonl'));
    expect(report.status).toBe('stopped');
    for (const o of report.outcomes.filter((outcome) => outcome.status === 'converted'))
      expect(written.has(relative(out, o.output ?? '')), o.output).toBe(true);
  });
});
