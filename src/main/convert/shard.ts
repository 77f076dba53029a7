import { createHash } from 'node:crypto';

/** This process's share of the inputs: the `index`-th (1-based) of `count` shares. */
export interface Shard {
  index: number;
  count: number;
}

export type ShardResult = { ok: true; shard?: Shard } | { ok: false; reason: string };

/**
 * True when the input whose output-relative path is `key` belongs to `shard`. The share is decided by
 * a hash of that path alone (SHA-256, first 4 bytes, modulo the count), so it never depends on what
 * else is in the archive: a file keeps its shard as folders grow, and n shards cover every input
 * exactly once.
 */
export function inShard(key: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  const word = createHash('sha256').update(key).digest().readUInt32BE(0);
  return word % shard.count === shard.index - 1;
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

function checked(index: number, count: number, source: string): ShardResult {
  if (count < 1) return { ok: false, reason: `${source}: the number of shards must be at least 1` };
  if (index < 1 || index > count) {
    return { ok: false, reason: `${source}: shard ${index} is outside 1..${count}` };
  }
  return { ok: true, shard: { index, count } };
}

/** `--shard i/n`, e.g. `--shard 2/8` (i from 1 to n). */
export function parseShard(text: string): ShardResult {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return { ok: false, reason: `--shard needs i/n with 1 <= i <= n (e.g. 2/8), got "${text}"` };
  return checked(Number(match[1]), Number(match[2]), `--shard ${text}`);
}

/**
 * The 0-based task index a scheduler gives this process: a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX, or a Slurm job array's SLURM_ARRAY_TASK_ID (counted from
 * SLURM_ARRAY_TASK_MIN, so `--array=1-8` works as well as `--array=0-7`).
 */
function schedulerIndex(env: NodeJS.ProcessEnv): { index: number; source: string } | undefined {
  const k8s = wholeNumber(env.JOB_COMPLETION_INDEX);
  if (k8s !== undefined) return { index: k8s, source: 'JOB_COMPLETION_INDEX' };
  const slurm = wholeNumber(env.SLURM_ARRAY_TASK_ID);
  if (slurm !== undefined) {
    return { index: slurm - (wholeNumber(env.SLURM_ARRAY_TASK_MIN) ?? 0), source: 'SLURM_ARRAY_TASK_ID' };
  }
  return undefined;
}

/**
 * The shard from the command line and the environment:
 * - `--shard i/n` names it;
 * - `--shards n` takes the index from the scheduler (JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID);
 * - `--shard auto` takes both from a Slurm array (SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT).
 */
export function resolveShard(
  options: { shard?: string; shards?: string },
  env: NodeJS.ProcessEnv = process.env,
): ShardResult {
  if (options.shard !== undefined && options.shards !== undefined) {
    return { ok: false, reason: '--shard and --shards cannot be combined; use one of them' };
  }
  if (options.shards !== undefined) {
    const count = wholeNumber(options.shards);
    if (count === undefined || count < 1) {
      return { ok: false, reason: `--shards needs a whole number of at least 1, got "${options.shards}"` };
    }
    const task = schedulerIndex(env);
    if (!task) {
      return {
        ok: false,
        reason:
          '--shards needs the task index from the scheduler: JOB_COMPLETION_INDEX (Kubernetes Indexed Job) ' +
          'or SLURM_ARRAY_TASK_ID (Slurm job array) is not set; use --shard i/n outside a scheduler',
      };
    }
    return checked(task.index + 1, count, `--shards ${count} with ${task.source}=${task.index}`);
  }
  if (options.shard === undefined) return { ok: true };
  if (options.shard.trim().toLowerCase() !== 'auto') return parseShard(options.shard);
  const count = wholeNumber(env.SLURM_ARRAY_TASK_COUNT);
  const task = schedulerIndex(env);
  if (count === undefined || !task) {
    return {
      ok: false,
      reason:
        '--shard auto reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (a Slurm job array), which are not ' +
        'set; in a Kubernetes Indexed Job use --shards n, elsewhere --shard i/n',
    };
  }
  return checked(task.index + 1, count, `--shard auto (${task.source}=${task.index}, ${count} tasks)`);
}
