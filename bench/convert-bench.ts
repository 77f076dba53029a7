/**
 * `npm run bench`: the engine against its two honest baselines, measured in one run, alternating:
 *   1. `dicom-ink convert` at its defaults (verification on), abdomen window, one box per slice;
 *   2. the I/O floor (bench/io-floor.ts): the reads, writes and read-back of outputs of the engine's
 *      size with no DICOM work, one thread;
 *   3. `cp -r` of the same inputs (the copy the issue compares with);
 *   4. bench/pydicom_convert.py, the single-process pydicom + numpy + Pillow way, when Debian's
 *      python3-pydicom, python3-numpy and python3-pil are installed.
 * on 600 slices of 512x512 and on 10,000 files of 64x64, with `sync` before each command. Prints
 * files/s, MB/s, peak RSS, CPU ms per file and the ratios (engine / copy time, floor / copy, engine / floor, pydicom / engine
 * time). Figures only, no assertions.
 *
 * Options (after `npm run bench --`): `--rounds N` (default 2; medians are printed), `--case large|small`
 * (one set only), `--quick` (sets a fifth of the size, one round), `--jobs N` (engine worker threads),
 * `--scale N` (instead: the engine alone on N tiny files, without findings, then with a box row per file
 * as CSV and as JSON, with --report: how its memory grows with the file count; target 300 MB at
 * 100,000 files).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generateInputs, generateLinkedInputs } from './bench-inputs';
import type { BenchInputs } from './bench-inputs';
import { filesUnder, ioFloor } from './io-floor';
import { gnuTimeAvailable, measure } from './measure';
import { intOption } from './int-option';
import type { Measurement } from './measure';

/**
 * What a command leaves for the next one matters on a virtual machine (both measured on this project's
 * 2-core VM, an ext4 without a journal):
 * - 'delete': a command's outputs are deleted before the next command runs. Hundreds of megabytes of
 *   outputs kept make the page cache grow into memory the VM's host has taken back; writing 470 MB then
 *   took 1.5 s of kernel time against 0.25 s into pages just freed, for the same program.
 * - 'keep': every command writes into a new folder and all are deleted at the end. Deleting 10,000 files
 *   made every file created in the next minutes slower (the file system looks at each recently deleted
 *   inode before it reuses one): up to 1 ms of kernel time per created file, ten times the whole I/O floor
 *   of a 64x64 file.
 * The large slices are few files and many bytes, the small ones many files and few bytes.
 */
type BetweenCommands = 'delete' | 'keep';

interface BenchCase {
  id: 'large' | 'small';
  label: string;
  slices: number;
  size: number;
  outputs: BetweenCommands;
}

const CASES: BenchCase[] = [
  { id: 'large', label: '600 slices of 512x512', slices: 600, size: 512, outputs: 'delete' },
  { id: 'small', label: '10,000 files of 64x64', slices: 10_000, size: 64, outputs: 'keep' },
];

/** `--quick`: the same sets at a fifth of the size (start-up weighs more in their figures). */
const QUICK_CASES: BenchCase[] = [
  { id: 'large', label: '120 slices of 512x512 (--quick)', slices: 120, size: 512, outputs: 'delete' },
  { id: 'small', label: '2,000 files of 64x64 (--quick)', slices: 2_000, size: 64, outputs: 'keep' },
];

/** The issue's memory target for --scale 100000. */
const PEAK_RSS_TARGET_MB = 300;
/** Files --scale writes; the rest are hard links to them (writing 100,000 files takes minutes). */
const SCALE_DISTINCT_FILES = 2_000;

type Contender = 'engine' | 'floor' | 'copy' | 'pydicom';

/** The abdomen preset (W400/L50), given to the pydicom script as numbers. */
const ABDOMEN = { center: 50, width: 400 };
const PYTHON = '/usr/bin/python3';

/** The repository root: dist/bench.cjs runs from dist/, the source from bench/. */
const ROOT = resolve(__dirname, '..');

function pydicomAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import pydicom, numpy, PIL'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function countFiles(dir: string): number {
  return outputFiles(dir).length;
}

/**
 * The images written under `dir`: hidden files are not among them (the engine's version registry,
 * `.dicom-ink-versions.json`, which made the count one more than the inputs and stopped the bench).
 */
function outputFiles(dir: string): string[] {
  return existsSync(dir) ? filesUnder(dir).filter((file) => !basename(file).startsWith('.')) : [];
}

/** The mean size of the engine's outputs: what the I/O floor writes per file. */
function meanFileBytes(dir: string): number {
  const files = outputFiles(dir);
  const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return files.length === 0 ? 0 : Math.round(total / files.length);
}

function engineArgs(
  inputs: BenchInputs,
  out: string,
  jobs: number | undefined,
  extra: { boxes: boolean; report?: string } = { boxes: true },
): string[] {
  const args = [join(ROOT, 'bin', 'dicom-ink.cjs'), 'convert', inputs.folder, '--out', out, '--quiet'];
  args.push('--window', 'abdomen');
  if (extra.boxes) args.push('--boxes', inputs.boxes);
  if (extra.report !== undefined) args.push('--report', extra.report);
  if (jobs !== undefined) args.push('--jobs', String(jobs));
  return args;
}

function run(
  contender: Contender,
  inputs: BenchInputs,
  out: string,
  jobs: number | undefined,
  outputBytes: number,
): Measurement {
  switch (contender) {
    case 'engine':
      return measure(process.execPath, engineArgs(inputs, out, jobs));
    case 'floor':
      return measure(process.execPath, [__filename, '--io-floor', inputs.folder, out, String(outputBytes)]);
    case 'copy':
      return measure('cp', ['-r', inputs.folder, out]);
    case 'pydicom': {
      const script = join(ROOT, 'bench', 'pydicom_convert.py');
      const { center, width } = ABDOMEN;
      return measure(PYTHON, [script, inputs.folder, out, inputs.boxes, String(center), String(width)]);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Summary {
  seconds: number;
  rounds: number[];
  cpuSeconds?: number;
  systemSeconds?: number;
  peakRssMb?: number;
}

function known(values: (number | undefined)[]): number[] {
  return values.filter((v): v is number => v !== undefined);
}

function summarise(ms: Measurement[]): Summary {
  const cpu = known(ms.map((m) => m.cpuSeconds));
  const system = known(ms.map((m) => m.systemSeconds));
  const rss = known(ms.map((m) => m.peakRssMb));
  return {
    seconds: median(ms.map((m) => m.seconds)),
    rounds: ms.map((m) => m.seconds),
    cpuSeconds: cpu.length ? median(cpu) : undefined,
    systemSeconds: system.length ? median(system) : undefined,
    peakRssMb: rss.length ? Math.max(...rss) : undefined,
  };
}

/** Each round's ratio of two commands' times, e.g. '4.10x, 5.23x': how far one round's figure moves. */
function roundRatios(a: Summary, b: Summary): string {
  return a.rounds.map((seconds, i) => `${(seconds / (b.rounds[i] ?? Number.NaN)).toFixed(2)}x`).join(', ');
}

/** '2.31 ms/file (system 0.80)': CPU per file, and how much of it the kernel spent. */
function cpuPerFile(s: Summary, files: number): string {
  if (s.cpuSeconds === undefined) return 'n/a';
  const perFile = (seconds: number): string => ((seconds * 1000) / files).toFixed(2);
  const system = s.systemSeconds === undefined ? '' : ` (system ${perFile(s.systemSeconds)})`;
  return `${perFile(s.cpuSeconds)} ms/file${system}`;
}

function line(name: string, s: Summary, inputs: BenchInputs): string {
  const mb = inputs.bytes / 1e6;
  const parts = [
    `${name.padEnd(8)} ${(inputs.files / s.seconds).toFixed(0).padStart(6)} files/s`,
    `${(mb / s.seconds).toFixed(0).padStart(4)} MB/s`,
    `peak RSS ${s.peakRssMb === undefined ? 'n/a' : `${s.peakRssMb.toFixed(0)} MB`}`,
    `CPU ${cpuPerFile(s, inputs.files)}`,
    `(${s.seconds.toFixed(2)} s; rounds ${s.rounds.map((r) => r.toFixed(2)).join(', ')})`,
  ];
  return parts.join(', ');
}

/** Whether every round's outputs fit on the disk at once (outputs are 1.5x the inputs; a quarter spare). */
function roomForAllRounds(dir: string, inputBytes: number, writers: number): boolean {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize > inputBytes * 1.5 * writers * 1.25;
}

function benchCase(c: BenchCase, contenders: Contender[], rounds: number, jobs: number | undefined): void {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-bench-'));
  try {
    const inputs = generateInputs(dir, c.slices, c.size);
    console.log(`\n${c.label}: ${inputs.files} files, ${(inputs.bytes / 1e6).toFixed(1)} MB in`);
    const keep = c.outputs === 'keep' && roomForAllRounds(dir, inputs.bytes, rounds * contenders.length);
    if (c.outputs === 'keep' && !keep) console.log("  (too little disk space to keep every round's outputs)");
    const results = new Map<Contender, Measurement[]>(contenders.map((k) => [k, []]));
    // The engine runs first in every round; the floor writes outputs of the size it wrote. Each command
    // writes into a new folder, deleted after it or at the end (BetweenCommands).
    let outputBytes = 0;
    for (let round = 0; round < rounds; round++) {
      for (const contender of contenders) {
        const out = join(dir, `out-${contender}-${round + 1}`);
        const m = run(contender, inputs, out, jobs, outputBytes);
        const made = countFiles(out);
        if (m.exitCode !== 0 || made !== inputs.files) {
          const why = m.stderr.trim().split('\n').slice(-3).join(' | ');
          throw new Error(`${contender} exited ${m.exitCode} with ${made}/${inputs.files} outputs: ${why}`);
        }
        if (contender === 'engine') outputBytes = meanFileBytes(out);
        results.get(contender)?.push(m);
        if (!keep) rmSync(out, { recursive: true, force: true });
      }
    }
    const summaries = new Map([...results].map(([k, ms]) => [k, summarise(ms)]));
    for (const [k, s] of summaries) console.log(`  ${line(k, s, inputs)}`);
    const engine = summaries.get('engine');
    const floor = summaries.get('floor');
    const copy = summaries.get('copy');
    const pydicom = summaries.get('pydicom');
    if (engine && copy)
      console.log(`  engine time / copy time:    ${(engine.seconds / copy.seconds).toFixed(2)}x`);
    if (floor && copy)
      console.log(
        `  I/O floor time / copy time: ${(floor.seconds / copy.seconds).toFixed(2)}x (no DICOM work: read, write ${(outputBytes / 1e3).toFixed(0)} kB per file through a temporary, read back, link)`,
      );
    if (engine && floor)
      console.log(
        `  engine time / I/O floor:    ${(engine.seconds / floor.seconds).toFixed(2)}x (round by round: ${roundRatios(engine, floor)})`,
      );
    if (engine && pydicom)
      console.log(
        `  pydicom time / engine time: ${(pydicom.seconds / engine.seconds).toFixed(2)}x (engine speed-up)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The engine alone on `files` tiny (16x16) files, with --report, first without findings, then with a
 * box row per file: how peak RSS grows with the file count (the input list, outcomes and report are
 * streamed; box rows are packed once, as they are read, into shared memory that every thread reads).
 */
/** The same box rows as a JSON box file (an array of objects with the CSV's keys), beside the CSV. */
function boxTableAsJson(csv: string): string {
  const [header = '', ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
  const keys = header.split(',');
  const numeric = /^-?\d+(\.\d+)?$/;
  const objects = rows.map((row) => {
    const values = row.split(',');
    return Object.fromEntries(
      keys.map((key, i) => [key, numeric.test(values[i] ?? '') ? Number(values[i]) : values[i]]),
    );
  });
  const path = csv.replace(/\.csv$/, '.json');
  writeFileSync(path, JSON.stringify(objects));
  return path;
}

function scale(files: number, jobs: number | undefined): void {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-bench-'));
  try {
    const inputs = generateLinkedInputs(dir, files, 16, SCALE_DISTINCT_FILES);
    const json = { ...inputs, boxes: boxTableAsJson(inputs.boxes) };
    const modes = [
      { name: 'no findings', inputs, boxes: false },
      { name: 'one box row per file (CSV)', inputs, boxes: true },
      { name: 'one box row per file (JSON)', inputs: json, boxes: true },
    ];
    for (const mode of modes) {
      const out = join(dir, 'out');
      const report = join(dir, 'report.jsonl');
      const { boxes } = mode;
      const m = measure(process.execPath, engineArgs(mode.inputs, out, jobs, { boxes, report }));
      const made = countFiles(out);
      const rss = m.peakRssMb;
      const verdict =
        rss === undefined
          ? ''
          : ` (${rss <= PEAK_RSS_TARGET_MB ? 'within' : 'OVER'} the ${PEAK_RSS_TARGET_MB} MB target)`;
      console.log(
        `${inputs.files} files of 16x16, ${mode.name}: exit ${m.exitCode}, ` +
          `${made} outputs, ${m.seconds.toFixed(1)} s, ${(inputs.files / m.seconds).toFixed(0)} files/s, ` +
          `peak RSS ${rss?.toFixed(0) ?? 'n/a'} MB${verdict}`,
      );
      rmSync(out, { recursive: true, force: true });
      rmSync(report, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(args: readonly string[]): void {
  const quick = args.includes('--quick');
  const rounds = intOption(args, '--rounds') ?? (quick ? 1 : 2);
  const jobs = intOption(args, '--jobs');
  const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined;
  console.log(
    `machine: ${availableParallelism()} cores, load average ${(loadavg()[0] ?? 0).toFixed(2)} ` +
      `(other work slows the figures); engine: ${jobs ?? 'default'} worker threads, verification on`,
  );
  if (!gnuTimeAvailable()) console.log('(/usr/bin/time missing: install Debian `time` for CPU and peak RSS)');
  const scaleFiles = intOption(args, '--scale');
  if (scaleFiles !== undefined) {
    scale(scaleFiles, jobs);
    return;
  }
  const contenders: Contender[] = ['engine', 'floor', 'copy'];
  if (pydicomAvailable()) contenders.push('pydicom');
  else console.log('(pydicom baseline skipped: python3-pydicom, python3-numpy or python3-pil is missing)');
  for (const c of quick ? QUICK_CASES : CASES)
    if (only === undefined || only === c.id) benchCase(c, contenders, rounds, jobs);
}

const argv = process.argv.slice(2);
if (argv[0] === '--io-floor') {
  const [, inputs = '', outputs = '', bytes = ''] = argv;
  ioFloor(inputs, outputs, Number(bytes));
} else main(argv);
