/**
 * A one-node Slurm cluster for one test file (Debian `slurm-wlm` + `munge`): its own munged (key from
 * `mungekey -c`, socket, pid and log in a temporary folder), slurmctld and slurmd on free loopback ports
 * with state and spool in that folder, run as root. Process tracking and task plugins that need no
 * cgroups (`proctrack/linuxproc`, `task/none`), so it starts in a container or a CI machine in about a
 * second. Stopped by the pid files the daemons write.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './orthanc';

/** Where Debian puts the daemons; root's PATH in CI may not hold /usr/sbin. */
const SEARCH_PATH = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const POLL_MS = 50;
const READY_TIMEOUT_MS = 30_000;

export interface ArrayTask {
  taskId: number;
  state: string;
  exitCode: string;
}

export interface SlurmCluster {
  /** the environment the Slurm commands need (SLURM_CONF pointing at this cluster's configuration) */
  env: NodeJS.ProcessEnv;
  /** runs a Slurm client command (sbatch, scontrol, scancel, ...) against this cluster; throws on failure */
  run(command: string, args: readonly string[], cwd?: string): string;
  /** waits until every task of a job array has ended; their states by task id */
  waitForArray(jobId: string, timeoutMs?: number): Promise<ArrayTask[]>;
  /** the end of the daemons' logs, for a failing test's message */
  logs(): string;
  stop(): Promise<void>;
}

function tool(name: string): string {
  const found = SEARCH_PATH.map((dir) => join(dir, name)).find((path) => existsSync(path));
  if (!found) throw new Error(`${name} is missing: install Debian's slurm-wlm and munge (see .ci/run)`);
  return found;
}

function runTool(name: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): string {
  const result = spawnSync(tool(name), args, { encoding: 'utf8', env, cwd, timeout: 30_000 });
  if (result.status !== 0) {
    const why = `${result.stderr || result.stdout || result.error?.message || ''}`.trim();
    throw new Error(`${name} ${args.join(' ')} exited ${result.status}: ${why}`);
  }
  return result.stdout;
}

interface Paths {
  dir: string;
  socket: string;
  conf: string;
  pids: { munged: string; slurmctld: string; slurmd: string };
}

function startMunge(paths: Paths): void {
  const key = join(paths.dir, 'munge.key');
  runTool('mungekey', ['-c', '-k', key], process.env);
  runTool(
    'munged',
    [
      `--socket=${paths.socket}`,
      `--key-file=${key}`,
      `--pid-file=${paths.pids.munged}`,
      `--log-file=${join(paths.dir, 'munged.log')}`,
      `--seed-file=${join(paths.dir, 'munged.seed')}`,
    ],
    process.env,
  );
}

/** slurm.conf: one node of 4 CPUs (more than the machine may have: config_overrides) and 4 GB. */
function configuration(paths: Paths, node: string, ports: { ctld: number; slurmd: number }): string {
  const { dir } = paths;
  return [
    'ClusterName=dicomink',
    `SlurmctldHost=${node}(127.0.0.1)`,
    'SlurmUser=root',
    'SlurmdUser=root',
    `SlurmctldPort=${ports.ctld}`,
    `SlurmdPort=${ports.slurmd}`,
    'AuthType=auth/munge',
    `AuthInfo=socket=${paths.socket}`,
    'CredType=cred/munge',
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${paths.pids.slurmctld}`,
    `SlurmdPidFile=${paths.pids.slurmd}`,
    `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'SchedulerType=sched/builtin',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'MpiDefault=none',
    'ReturnToService=2',
    'KillWait=2',
    'SlurmdParameters=config_overrides',
    `NodeName=${node} NodeAddr=127.0.0.1 CPUs=4 RealMemory=4096 State=UNKNOWN`,
    `PartitionName=ink Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n');
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(POLL_MS);
  }
}

/** `scontrol -o show job` lines: one per array task once split (a pending rest shows a range). */
function parseJobs(text: string): { taskId: string; state: string; exitCode: string }[] {
  return text
    .split('\n')
    .filter((line) => line.includes('JobState='))
    .map((line) => {
      const field = (name: string): string => new RegExp(`(?:^| )${name}=(\\S*)`).exec(line)?.[1] ?? '';
      return { taskId: field('ArrayTaskId'), state: field('JobState'), exitCode: field('ExitCode') };
    });
}

const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY']);

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopByPidFile(file: string): Promise<void> {
  const pid = readPid(file);
  if (pid === undefined || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  await until(`pid ${pid} (${file}) to end`, () => (alive(pid) ? undefined : true), 15_000);
}

function tail(file: string): string {
  if (!existsSync(file)) return `${file}: none`;
  return `${file}:\n${readFileSync(file, 'utf8').trim().split('\n').slice(-15).join('\n')}`;
}

/** Starts the cluster in a temporary folder of its own, removed again by `stop()`. */
export async function startSlurmCluster(): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-slurm-cluster-'));
  // munged refuses a socket in a folder that others cannot search.
  chmodSync(dir, 0o755);
  for (const sub of ['state', 'spool']) mkdirSync(join(dir, sub));
  const paths: Paths = {
    dir,
    socket: join(dir, 'munge.socket'),
    conf: join(dir, 'slurm.conf'),
    pids: ['munged', 'slurmctld', 'slurmd'].reduce(
      (all, name) => ({ ...all, [name]: join(dir, `${name}.pid`) }),
      {} as Paths['pids'],
    ),
  };
  const node = hostname().split('.')[0] ?? 'localhost';
  const ports = { ctld: await freePort(), slurmd: await freePort() };
  writeFileSync(paths.conf, configuration(paths, node, ports));
  const env = { ...process.env, SLURM_CONF: paths.conf };
  const logs = (): string =>
    ['slurmctld.log', 'slurmd.log', 'munged.log'].map((log) => tail(join(dir, log))).join('\n');
  const stop = async (): Promise<void> => {
    for (const pid of [paths.pids.slurmd, paths.pids.slurmctld, paths.pids.munged]) await stopByPidFile(pid);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    startMunge(paths);
    runTool('slurmctld', ['-i'], env);
    runTool('slurmd', [], env);
    await until(
      'the node to be idle',
      () => (runTool('sinfo', ['-h', '-o', '%T'], env).trim() === 'idle' ? true : undefined),
      READY_TIMEOUT_MS,
    );
  } catch (error) {
    await stop();
    throw new Error(`the Slurm cluster did not start: ${(error as Error).message}\n${logs()}`);
  }
  return {
    env,
    run: (command, args, cwd) => runTool(command, args, env, cwd),
    waitForArray: async (jobId, timeoutMs = 120_000) =>
      until(
        `job array ${jobId} to end`,
        () => {
          const tasks = parseJobs(runTool('scontrol', ['-o', 'show', 'job', jobId], env));
          if (tasks.some((t) => !ENDED.has(t.state) || !/^\d+$/.test(t.taskId))) return undefined;
          return tasks.map((t) => ({ ...t, taskId: Number(t.taskId) })).sort((a, b) => a.taskId - b.taskId);
        },
        timeoutMs,
      ),
    logs,
    stop,
  };
}
