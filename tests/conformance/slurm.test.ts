/**
 * The archive path on a real scheduler: a one-node Slurm cluster (tests/helpers/slurm-cluster.ts) runs
 * deploy/slurm/convert-array.sbatch, unchanged, as a job array of 4 tasks, the way the README's Slurm
 * section says. The union of the tasks' outputs is byte-identical to one plain run and every task's JSON
 * Lines report is complete; a task killed mid-run is resumed by submitting the same script again, which
 * leaves the same bytes and no temporaries.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, hashTree } from '../helpers/cli-harness';
import { writePhantomFolder } from '../helpers/phantom-folder';
import { startSlurmCluster, type SlurmCluster } from '../helpers/slurm-cluster';
import { temporaryOwner } from '../../src/main/convert/prepare-output';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const TASKS = 4;
/** About 100 files a task, so that a task is still running well after its first output. */
const FILES = 400;
const SCRIPT = join(REPO, 'deploy', 'slurm', 'convert-array.sbatch');
const CLI = join(REPO, 'bin', 'dicom-ink.cjs');

let dir: string;
let input: string;
let cluster: SlurmCluster;
let plain: Map<string, string>;

/**
 * A test aid loaded into the CLI with `node --require` (through the script's own DICOM_INK setting): in
 * the array task named by DICOM_INK_TEST_FREEZE_TASK only, the CLI stops itself (SIGSTOP) right after it
 * writes its first outcome to its report, so that task is certainly mid-run when the test cancels it,
 * however fast the machine. Every other task runs as usual.
 */
const FREEZE_AFTER_FIRST_OUTCOME = `
if (process.env.SLURM_ARRAY_TASK_ID === process.env.DICOM_INK_TEST_FREEZE_TASK) {
  const fs = require('node:fs');
  const write = fs.writeSync;
  let frozen = false;
  fs.writeSync = function (fd, data, ...rest) {
    const written = write.call(this, fd, data, ...rest);
    if (!frozen && typeof data === 'string' && data.includes('"type":"outcome"')) {
      frozen = true;
      process.kill(process.pid, 'SIGSTOP');
    }
    return written;
  };
}
`;

/**
 * The README's command: the script as it is, 4 tasks of 1 CPU, the CLI of this checkout; `freeze` names
 * a task that stops itself after its first outcome (FREEZE_AFTER_FIRST_OUTCOME).
 */
function submit(out: string, freeze?: number): string {
  const cli = freeze === undefined ? `node ${CLI}` : `node --require ${join(dir, 'freeze.cjs')} ${CLI}`;
  const frozen = freeze === undefined ? '' : `,DICOM_INK_TEST_FREEZE_TASK=${freeze}`;
  if (freeze !== undefined) writeFileSync(join(dir, 'freeze.cjs'), FREEZE_AFTER_FIRST_OUTCOME);
  const args = [
    '--parsable',
    '--array=0-3',
    '--cpus-per-task=1',
    `--export=ALL,IN=${input},OUT=${out},DICOM_INK=${cli}${frozen}`,
    SCRIPT,
  ];
  return cluster.run('sbatch', args, dir).trim();
}

/** What differs between one plain run's files and the tasks' union: missing, changed and extra files. */
function treeDifferences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const missing = [...expected.keys()].filter((name) => !actual.has(name)).map((name) => `missing ${name}`);
  const changed = [...expected]
    .filter(([name, hash]) => actual.has(name) && actual.get(name) !== hash)
    .map(([name]) => `differs ${name}`);
  const extra = [...actual.keys()].filter((name) => !expected.has(name)).map((name) => `extra ${name}`);
  return [...missing, ...changed, ...extra];
}

interface TaskReport {
  start: boolean;
  end?: { status: string; totals: { converted: number; skipped: number; failed: number } };
  outcomes: { input: string; status: string }[];
}

function readTaskReport(path: string): TaskReport {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });
  return {
    start: lines[0]?.type === 'start',
    end: lines.find((line) => line.type === 'end') as TaskReport['end'],
    outcomes: lines.filter((line) => line.type === 'outcome') as unknown as TaskReport['outcomes'],
  };
}

/** Every task's report: a start line, an end line saying `completed` with totals matching its lines. */
function expectCompleteReports(out: string): TaskReport[] {
  const reports = Array.from({ length: TASKS }, (_, task) => {
    const path = join(out, 'reports', `shard-${task}.jsonl`);
    expect(existsSync(path), `task ${task} wrote ${path}`).toBe(true);
    const report = readTaskReport(path);
    expect(report.start, `task ${task}: a start line first`).toBe(true);
    expect(report.end?.status, `task ${task}: its end line`).toBe('completed');
    const { converted = 0, skipped = 0, failed = 0 } = report.end?.totals ?? {};
    expect(failed, `task ${task}: failures`).toBe(0);
    expect(converted + skipped, `task ${task}: totals against outcome lines`).toBe(report.outcomes.length);
    return report;
  });
  const inputs = reports.flatMap((r) => r.outcomes.map((o) => o.input)).sort();
  expect(inputs.length, 'every input in exactly one task report').toBe(FILES);
  expect(new Set(inputs).size).toBe(FILES);
  return reports;
}

function expectAllEnded(tasks: { taskId: number; state: string; exitCode: string }[], jobId: string): void {
  const summary = tasks.map((t) => `${t.taskId}:${t.state}:${t.exitCode}`).join(' ');
  const logs = (): string =>
    tasks.map((t) => `${readLog(jobId, t.taskId)}`).join('\n') + `\n${cluster.logs()}`;
  expect(
    tasks.map((t) => t.taskId),
    `the array's tasks (${summary})\n${logs()}`,
  ).toEqual([0, 1, 2, 3]);
  for (const t of tasks)
    expect(`${t.state} ${t.exitCode}`, `task ${t.taskId}\n${logs()}`).toBe('COMPLETED 0:0');
}

function readLog(jobId: string, task: number): string {
  const path = join(dir, `dicom-ink-${jobId}_${task}.log`);
  return existsSync(path) ? `${path}: ${readFileSync(path, 'utf8').trim()}` : `${path}: none`;
}

/** Resolves once `file` holds a line containing `text` (watched, so it is seen as soon as it is written). */
function whenFileHas(file: string, text: string, timeoutMs = 60_000): Promise<void> {
  const folder = join(file, '..');
  return new Promise((resolve, reject) => {
    const has = (): boolean => existsSync(file) && readFileSync(file, 'utf8').includes(text);
    const watcher = watch(folder, () => {
      if (has()) finish();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file} held no "${text}" after ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (has()) finish();
  });
}

/** Whether a difference is `extra <folder>/.<name>.<tag>.partial`: a temporary of a file in `missing`. */
function isTemporaryOf(line: string, missing: Set<string>): boolean {
  if (!line.startsWith('extra ')) return false;
  const path = line.slice('extra '.length);
  const owner = temporaryOwner(basename(path));
  return owner !== undefined && missing.has(join(dirname(path), owner));
}

/** Hidden temporaries (`.name.partial`) under a folder, by relative path (not the version registry). */
function temporaries(out: string): string[] {
  return [...hashTree(out).keys()].filter((name) =>
    name.split('/').some((part) => part.startsWith('.') && part !== VERSIONS_FILE_NAME),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-slurm-'));
  input = join(dir, 'in');
  writePhantomFolder(input, { slices: FILES, size: 256, folders: 4 });
  // One plain run with the script's settings: what the tasks together must make.
  const one = join(dir, 'plain');
  const run = spawnSync(
    process.execPath,
    [CLI, 'convert', input, '--out', one, '--window', 'abdomen', '--quiet', '--jobs', '1'],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  plain = hashTree(one);
  // the outputs and the folder's version registry (the same file whichever tasks write it)
  expect(plain.size).toBe(FILES + 1);
  expect(plain.has(VERSIONS_FILE_NAME)).toBe(true);
  cluster = await startSlurmCluster();
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('deploy/slurm/convert-array.sbatch on a one-node Slurm cluster', () => {
  it(
    'a job array of 4 tasks makes exactly the files of one plain run, each task reporting its share',
    { timeout: 180_000 },
    async () => {
      const out = join(dir, 'array');
      const jobId = submit(out);
      expectAllEnded(await cluster.waitForArray(jobId), jobId);
      expect(treeDifferences(plain, hashTree(join(out, 'converted')))).toEqual([]);
      const reports = expectCompleteReports(out);
      for (const report of reports) expect(report.outcomes.every((o) => o.status === 'converted')).toBe(true);
    },
  );

  it(
    'a task killed mid-run is resumed by submitting the same script: the same bytes, no temporaries',
    { timeout: 180_000 },
    async () => {
      const out = join(dir, 'killed');
      const victim = 1;
      // The script makes it too (mkdir -p); made here first so that it can be watched from the start.
      mkdirSync(join(out, 'reports'), { recursive: true });
      const jobId = submit(out, victim);
      const report = join(out, 'reports', `shard-${victim}.jsonl`);
      // The task stops itself once it has written its first output (so it is certainly mid-run); the
      // scheduler is told to suspend it too, then it is killed.
      await whenFileHas(report, '"type":"outcome"');
      cluster.run('scontrol', ['suspend', `${jobId}_${victim}`]);
      const frozen = readTaskReport(report);
      expect(frozen.end, 'the task was still running when frozen').toBeUndefined();
      cluster.run('scancel', ['--full', '--signal=KILL', `${jobId}_${victim}`]);
      cluster.run('scancel', [`${jobId}_${victim}`]);
      const tasks = await cluster.waitForArray(jobId);
      expect(tasks.find((t) => t.taskId === victim)?.state).toBe('CANCELLED');
      const share = readTaskReport(join(dir, 'array', 'reports', `shard-${victim}.jsonl`)).outcomes.length;
      expect(
        readTaskReport(report).outcomes.length,
        'the killed task had done part of its share',
      ).toBeLessThan(share);
      // What the kill left under output names is complete: only files of the killed share are missing.
      // A file the task was writing when killed stays a hidden temporary (`.NAME.<tag>.partial`) of one
      // of those missing names, never a file under an output name; the resubmission removes it.
      const killed = treeDifferences(plain, hashTree(join(out, 'converted')));
      const left = killed.filter((line) => line.startsWith('missing '));
      expect(left.length).toBeGreaterThan(0);
      const missing = new Set(left.map((line) => line.slice('missing '.length)));
      const others = killed.filter((line) => !line.startsWith('missing ') && !isTemporaryOf(line, missing));
      expect(others).toEqual([]);

      const again = submit(out);
      expectAllEnded(await cluster.waitForArray(again), again);
      expect(treeDifferences(plain, hashTree(join(out, 'converted')))).toEqual([]);
      expect(temporaries(out)).toEqual([]);
      const reports = expectCompleteReports(out);
      const converted = reports.reduce((sum, r) => sum + (r.end?.totals.converted ?? 0), 0);
      expect(converted, 'the resubmission converted only what the killed task had not').toBe(left.length);
    },
  );

  it('the comparison bites: a missing or changed output of a task is named', () => {
    const out = join(dir, 'array', 'converted');
    const [first, second] = [...plain.keys()];
    if (first === undefined || second === undefined) throw new Error('the plain run made no files');
    unlinkSync(join(out, first));
    writeFileSync(join(out, second), 'not the plain run');
    expect(treeDifferences(plain, hashTree(out))).toEqual([`missing ${first}`, `differs ${second}`]);
  });
});
