/**
 * `npm run bench`: first the single-frame benchmark (dist/bench.cjs, given the same arguments), then
 * multi-frame files, then the app at scale (dist/bench-app.cjs). Generates, frame by frame, a native multi-frame
 * phantom (400 frames of 512x512, 200 MB; then 2,000 frames of 256x256) and the same frames as
 * single-frame files, converts each with one worker thread in a child process, and prints the peak RSS
 * of the multi-frame conversion (target: at most 300 MB whatever the frame count) and the time per
 * frame against the single-frame files (target: within 20%). Figures only, no assertions.
 *
 * Options (after `npm run bench --`): those of bench/convert-bench.ts (`--rounds N`, `--case large|small`, `--quick`, `--jobs N`), and
 * `--frames N --size N` for one multi-frame case of your own; `--multiframe-only` skips the other parts;
 * `--app-only` runs only the app's figures, `--no-app` all but them;
 * `--quick` makes both parts smaller (100 frames of 512x512, 500 of 256x256 here).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConvertSettings } from '../src/main/convert/convert-settings';
import { startConversion } from '../src/main/export/start-conversion';
import {
  multiFrameDataset,
  phantomFrames,
  writeFramesFile,
  type MultiFrameOptions,
} from '../src/main/sample/multiframe';
import { intOption } from './int-option';

const PEAK_RSS_TARGET_MB = 300;

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  converted: number;
  frames: number;
  maxRssMb: number;
  firstFailure?: string;
}

/** Runs in the child: one conversion with one worker thread, then its own figures as JSON. */
async function child(input: string, out: string): Promise<void> {
  const before = process.cpuUsage();
  const started = performance.now();
  const summary = await startConversion({
    inputs: [input],
    outDir: out,
    jobs: 1,
    settings: { ...defaultConvertSettings(), window: { kind: 'preset', name: 'abdomen' } },
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  if (summary.status === 'failed') throw new Error(summary.reason);
  const failure = summary.outcomes.find((o) => o.status !== 'converted');
  const result: ChildResult = {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime - before.user - before.system) / 1e6,
    converted: summary.outcomes.filter((o) => o.status === 'converted').length,
    frames: summary.outcomes.reduce((sum, o) => sum + (o.status === 'converted' ? o.frames : 0), 0),
    maxRssMb: usage.maxRSS / 1024,
    firstFailure: failure && 'reason' in failure ? failure.reason : undefined,
  };
  process.stdout.write(JSON.stringify(result));
}

function runChild(input: string, out: string): ChildResult {
  const stdout = execFileSync(process.execPath, [__filename, '--child', input, out], { encoding: 'utf8' });
  return JSON.parse(stdout) as ChildResult;
}

/** The multi-frame file and, from the same frames, one single-frame file per frame. */
function generate(
  dir: string,
  options: MultiFrameOptions,
): { multiFrame: string; singles: string; mb: number } {
  const multiFrame = join(dir, 'multi-frame.dcm');
  const singles = join(dir, 'single-frames');
  mkdirSync(singles);
  const frameBytes = options.size * options.size * 2;
  let index = 0;
  const frames = (function* () {
    for (const frame of phantomFrames(options)) {
      index++;
      const name = join(singles, `IM${String(index).padStart(5, '0')}`);
      writeFramesFile(name, multiFrameDataset(options, 1, index), frameBytes, 1, [frame]);
      yield frame;
    }
  })();
  const bytes = writeFramesFile(
    multiFrame,
    multiFrameDataset(options, options.frames),
    frameBytes,
    options.frames,
    frames,
  );
  return { multiFrame, singles, mb: bytes / 1e6 };
}

function perFrame(r: ChildResult): string {
  return `${((r.seconds * 1000) / r.frames).toFixed(2)} ms/frame wall, ${((r.cpuSeconds * 1000) / r.frames).toFixed(2)} ms/frame CPU`;
}

function benchCase(options: MultiFrameOptions): void {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-bench-mf-'));
  try {
    const { multiFrame, singles, mb } = generate(dir, options);
    const label = `${options.frames} frames of ${options.size}x${options.size}`;
    const multi = runChild(multiFrame, join(dir, 'out-multi'));
    const single = runChild(singles, join(dir, 'out-single'));
    const verdict = multi.maxRssMb <= PEAK_RSS_TARGET_MB ? 'within' : 'OVER';
    console.log(
      `multi-frame, ${label} (${mb.toFixed(0)} MB, 1 worker): ${multi.frames} frames in ${multi.seconds.toFixed(2)} s, ` +
        `peak RSS ${multi.maxRssMb.toFixed(0)} MB (${verdict} the ${PEAK_RSS_TARGET_MB} MB target), ${perFrame(multi)}`,
    );
    console.log(
      `  the same frames as ${single.converted} single-frame files (1 worker): ${single.seconds.toFixed(2)} s, ` +
        `peak RSS ${single.maxRssMb.toFixed(0)} MB, ${perFrame(single)}; ` +
        `a multi-frame frame takes ${((multi.seconds / multi.frames / (single.seconds / single.frames)) * 100).toFixed(0)}% of a single-frame file's wall time, ` +
        `${((multi.cpuSeconds / multi.frames / (single.cpuSeconds / single.frames)) * 100).toFixed(0)}% of its CPU (target: at most 120%)`,
    );
    for (const r of [multi, single]) if (r.firstFailure) console.log(`  first failure: ${r.firstFailure}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(args: readonly string[]): void {
  const appOnly = args.includes('--app-only');
  if (!args.includes('--multiframe-only') && !appOnly) {
    // Unknown options are ignored there, so every argument can go to every part.
    execFileSync(process.execPath, [join(__dirname, 'bench.cjs'), ...args], { stdio: 'inherit' });
  }
  if (!appOnly) multiFrame(args);
  // The app at scale (bench/app-bench.ts): browser mode in Chromium, as a user drives it.
  if (!args.includes('--no-app') && !args.includes('--multiframe-only'))
    execFileSync(process.execPath, [join(__dirname, 'bench-app.cjs'), ...args], { stdio: 'inherit' });
}

function multiFrame(args: readonly string[]): void {
  console.log(
    `multi-frame files (load average ${(loadavg()[0] ?? 0).toFixed(2)}; other work slows the figures)`,
  );
  const frames = intOption(args, '--frames');
  const size = intOption(args, '--size');
  const cases: MultiFrameOptions[] =
    frames !== undefined || size !== undefined
      ? [{ frames: frames ?? 400, size: size ?? 512 }]
      : args.includes('--quick')
        ? [
            { frames: 100, size: 512 },
            { frames: 500, size: 256 },
          ]
        : [
            { frames: 400, size: 512 },
            { frames: 2000, size: 256 },
          ];
  for (const options of cases) benchCase(options);
}

const [flag, input, out] = process.argv.slice(2);
if (flag === '--child' && input && out) {
  child(input, out).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main(process.argv.slice(2));
}
