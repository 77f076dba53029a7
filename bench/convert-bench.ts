/**
 * `npm run bench`: generates a 200-slice 512x512 CT series with one box per slice, converts it with the
 * worker pool (default --jobs), and prints files/s, input MB/s, peak RSS and the ratio to a plain copy
 * of the same files. Figures only, no assertions. The conversion runs in a child process (this same
 * bundle with --child) so its peak RSS (getrusage maxrss, which covers the worker threads) is its own.
 *
 * Options (after `npm run bench --`): `--jobs N` worker threads (default: cores), `--slices N` series
 * length (default 200). On a shared machine, CPU ms per file is steadier than files/s; `--jobs 1` and
 * a longer series separate per-file work from the fixed start-up of the process and its workers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConvertSettings } from '../src/main/convert/convert-settings';
import { generatePhantomSeries } from '../src/main/sample/phantom';
import { startConversion } from '../src/main/export/start-conversion';

const SIZE = 512;

interface BenchOptions {
  slices: number;
  /** worker threads; undefined = the converter's default (cores) */
  jobs?: number;
}

/** `--name N` as a positive integer, or `fallback` when absent. */
function intOption(args: readonly string[], name: string, fallback: number | undefined): number | undefined {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

interface ChildResult {
  seconds: number;
  /** user + system CPU of every thread, from the start of the conversion (workers' start-up included) */
  cpuSeconds: number;
  /** CPU the child spent before that: Node's own start and loading this bundle, which a longer series does not amortise away */
  startCpuSeconds: number;
  converted: number;
  failed: number;
  maxRssMb: number;
  firstFailure?: string;
}

async function child(
  input: string,
  out: string,
  boxes: string,
  verify: boolean,
  jobs: number | undefined,
): Promise<void> {
  const before = process.cpuUsage();
  const started = performance.now();
  const summary = await startConversion({
    inputs: [input],
    outDir: out,
    boxFile: boxes,
    jobs,
    settings: { ...defaultConvertSettings(), window: { kind: 'preset', name: 'abdomen' }, verify },
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  if (summary.status === 'failed') throw new Error(summary.reason);
  const failures = summary.outcomes.filter((o) => o.status === 'failed');
  const result: ChildResult = {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime - before.user - before.system) / 1e6,
    startCpuSeconds: (before.user + before.system) / 1e6,
    converted: summary.outcomes.filter((o) => o.status === 'converted').length,
    failed: failures.length,
    maxRssMb: usage.maxRSS / 1024,
    firstFailure: failures[0]?.status === 'failed' ? failures[0].reason : undefined,
  };
  process.stdout.write(JSON.stringify(result));
}

function generate(dir: string, slices: number): { files: string[]; bytes: number; boxes: string } {
  const input = join(dir, 'in');
  const files: string[] = [];
  const rows = ['file,x1,y1,x2,y2,label,score'];
  let bytes = 0;
  for (const slice of generatePhantomSeries({ slices, size: SIZE, seed: 7 })) {
    const path = join(input, slice.relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, slice.bytes);
    files.push(slice.relativePath);
    bytes += slice.bytes.length;
    rows.push(`${slice.relativePath},200,220,260,290,lesion,0.9`);
  }
  const boxes = join(dir, 'boxes.csv');
  writeFileSync(boxes, `${rows.join('\n')}\n`);
  return { files, bytes, boxes };
}

function plainCopySeconds(dir: string, files: string[]): number {
  const started = performance.now();
  for (const file of files) {
    const target = join(dir, 'copy', file);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(dir, 'in', file), target);
  }
  return (performance.now() - started) / 1000;
}

function runChild(dir: string, out: string, boxes: string, verify: boolean, jobs?: number): ChildResult {
  const stdout = execFileSync(
    process.execPath,
    [__filename, '--child', join(dir, 'in'), out, boxes, verify ? 'verify' : 'no-verify', String(jobs ?? 0)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as ChildResult;
}

function outputMb(dir: string): number {
  let total = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else total += statSync(p).size;
    }
  };
  walk(dir);
  return total / 1e6;
}

function main(options: BenchOptions): void {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-bench-'));
  try {
    const { files, bytes, boxes } = generate(dir, options.slices);
    const mb = bytes / 1e6;
    const copySeconds = plainCopySeconds(dir, files);
    const load = loadavg()[0] ?? 0;
    console.log(
      `machine: ${availableParallelism()} cores, load average ${load.toFixed(2)} (other work slows the figures below)`,
    );
    console.log(
      `input: ${files.length} CT slices ${SIZE}x${SIZE}, ${mb.toFixed(1)} MB, one box per slice; ` +
        `${options.jobs ?? `${availableParallelism()} (default)`} worker thread(s)`,
    );
    console.log(
      `plain copy (fs.copyFile): ${(files.length / copySeconds).toFixed(0)} files/s, ${(mb / copySeconds).toFixed(0)} MB/s`,
    );
    for (const verify of [true, false]) {
      const out = join(dir, verify ? 'out-verify' : 'out-no-verify');
      const r = runChild(dir, out, boxes, verify, options.jobs);
      const filesPerSecond = r.converted / r.seconds;
      console.log(
        `convert (${verify ? 'verify on, the default' : '--no-verify'}): ${r.converted} converted, ${r.failed} failed in ${r.seconds.toFixed(2)} s: ` +
          `${filesPerSecond.toFixed(0)} files/s, ${(mb / r.seconds).toFixed(0)} MB/s in, ${(outputMb(out) / r.seconds).toFixed(0)} MB/s out, ` +
          `peak RSS ${r.maxRssMb.toFixed(0)} MB, ${(r.seconds / copySeconds).toFixed(1)}x the copy time, ` +
          `CPU ${((r.cpuSeconds * 1000) / Math.max(1, r.converted)).toFixed(1)} ms per file (all threads; ` +
          `process start-up before it: ${(r.startCpuSeconds * 1000).toFixed(0)} ms)`,
      );
      if (r.firstFailure) console.log(`  first failure: ${r.firstFailure}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const [flag, input, out, boxes, verify, jobs] = args;
if (flag === '--child' && input && out && boxes) {
  child(input, out, boxes, verify === 'verify', Number(jobs) || undefined).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main({ slices: intOption(args, '--slices', 200) ?? 200, jobs: intOption(args, '--jobs', undefined) });
}
