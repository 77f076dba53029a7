/// <reference lib="dom" />
/**
 * The app at scale (part of `npm run bench`; alone: `node dist/bench-app.cjs`): browser mode driven by
 * Playwright in Debian's Chromium, as a user would, with figures printed against the targets and
 * never asserted:
 *   - first image of a 1,000-slice 512x512 series, from the click on "Open folder" (target < 1 s);
 *   - slice change while scrolling with the wheel, from the wheel event to the new frame on the canvas,
 *     measured inside the page (target: 95th percentile < 16 ms);
 *   - a 1,000-slice export: the longest gap between two progress updates of its bar's value (target <=
 *     250 ms), and between two progress events shown at all (the bar's text: count, rate, time left);
 *   - the app's main process (the Node process serving browser mode, its worker threads included) with
 *     10,000 files open: resident memory once the scan is done, and its peak (target < 400 MB).
 * Options: `--slices N` (default 1,000), `--files N` (default 10,000), `--quick` (a fifth of both),
 * `--cpu-throttle N` (Chromium runs the page's main thread N times slower: a busy machine for the window,
 * reproducible, without loading the machine others share; the app's processes are not slowed).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { launchApp, type RunningApp } from '../tests/e2e/support/launch-app';
import { generateInputs } from './bench-inputs';
import { intOption } from './int-option';

const CANVAS = 'canvas.image-canvas';
const WHEEL_STEPS = 120;
/** A wheel notch every 33 ms: about 30 slices a second, a fast scroll; prefetching gets that long. */
const WHEEL_INTERVAL_MS = 33;
const TIMEOUT_MS = 600_000;

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function openFolder(page: Page, folder: string, images: number): Promise<number> {
  await page.getByRole('textbox', { name: 'Folder path' }).fill(folder);
  const before = Number(
    (await page
      .locator(CANVAS)
      .getAttribute('data-draw-count')
      .catch(() => '0')) ?? 0,
  );
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Open folder' }).click();
  await page.waitForFunction(
    ([selector, count]) =>
      Number(document.querySelector<HTMLElement>(selector as string)?.dataset['drawCount'] ?? 0) >
      (count as number),
    [CANVAS, before],
    { timeout: TIMEOUT_MS, polling: 'raf' },
  );
  const firstImageMs = Date.now() - clicked;
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: new RegExp(`${images} images`) })
    .waitFor({ timeout: TIMEOUT_MS });
  return firstImageMs;
}

/** Wheel notches on the image, each timed from the event to the next frame drawn (inside the page). */
async function wheelSliceChanges(page: Page): Promise<number[]> {
  return page.evaluate(
    async ({ selector, steps, interval }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector);
      const stage = document.querySelector<HTMLElement>('.stage');
      if (!canvas || !stage) throw new Error('no image on the page');
      const box = stage.getBoundingClientRect();
      const changes: number[] = [];
      for (let i = 0; i < steps; i++) {
        const drawn = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(performance.now());
          });
          observer.observe(canvas, { attributes: true, attributeFilter: ['data-draw-count'] });
        });
        const started = performance.now();
        const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
        stage.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, ...at }));
        changes.push((await drawn) - started);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
      return changes;
    },
    { selector: CANVAS, steps: WHEEL_STEPS, interval: WHEEL_INTERVAL_MS },
  );
}

/** When (ms from the click) the export's progress bar moved (its value) and when any progress event was shown. */
interface ProgressTimes {
  /** the bar's value (files done) changed */
  value: number[];
  /** its text (count, rate, time left) changed: every progress event the window received and showed */
  text: number[];
}

/** Exports the shown series; the times at which its progress bar changed. */
async function exportProgressTimes(page: Page, slices: number, out: string): Promise<ProgressTimes> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const scope = dialog.getByRole('radio', { name: `This series (${slices} files)` });
  await scope.waitFor({ timeout: TIMEOUT_MS });
  await scope.check();
  await dialog.getByLabel('Output folder').fill(out);
  await page.evaluate(() => {
    const times = { value: [] as number[], text: [] as number[] };
    const started = performance.now();
    (window as unknown as { progressTimes: typeof times }).progressTimes = times;
    new MutationObserver((records) => {
      const now = performance.now() - started;
      const changed = (name: string): boolean =>
        records.some(
          (r) =>
            r.attributeName === name &&
            r.target instanceof HTMLElement &&
            r.target.getAttribute('role') === 'progressbar',
        );
      if (changed('aria-valuenow')) times.value.push(now);
      if (changed('aria-valuetext')) times.text.push(now);
    }).observe(document.body, {
      attributes: true,
      subtree: true,
      attributeFilter: ['aria-valuenow', 'aria-valuetext'],
    });
  });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.locator('.export-summary').waitFor({ timeout: TIMEOUT_MS });
  return page.evaluate(() => (window as unknown as { progressTimes: ProgressTimes }).progressTimes);
}

/** The longest gap between two successive times, and the time it started at (to find the stall). */
function longestGap(times: readonly number[]): { ms: number; from: number } {
  return times
    .slice(1)
    .reduce(
      (most, t, i) =>
        t - (times[i] ?? t) > most.ms ? { ms: t - (times[i] ?? t), from: times[i] ?? 0 } : most,
      {
        ms: 0,
        from: 0,
      },
    );
}

const gapText = (gap: { ms: number; from: number }): string =>
  `${gap.ms.toFixed(0)} ms (from ${gap.from.toFixed(0)} ms)`;

/** Chromium (Debian's, through Playwright) on a page of a freshly started app, closed again after `use`. */
async function withAppPage<T>(use: (page: Page, app: RunningApp) => Promise<T>, cpuThrottle = 1): Promise<T> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const empty = mkdtempSync(join(tmpdir(), 'dicom-ink-bench-empty-'));
  const app = await launchApp([empty], 60_000);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (cpuThrottle > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    await page.goto(app.url);
    return await use(page, app);
  } finally {
    await app.stop();
    await browser.close();
    rmSync(empty, { recursive: true, force: true });
  }
}

async function seriesFigures(dir: string, slices: number, cpuThrottle: number): Promise<void> {
  const inputs = generateInputs(join(dir, 'large'), slices, 512);
  await withAppPage(async (page) => {
    const firstImageMs = await openFolder(page, inputs.folder, slices);
    await page.locator('.stage').focus();
    const changes = await wheelSliceChanges(page);
    const { value: times, text } = await exportProgressTimes(page, slices, join(dir, 'export'));
    const p95 = percentile(changes, 0.95);
    console.log(`  ${slices} slices of 512x512 (${(inputs.bytes / 1e6).toFixed(0)} MB):`);
    console.log(`    first image after "Open folder": ${firstImageMs} ms (target < 1000 ms)`);
    console.log(
      `    slice change by wheel (${changes.length} notches, every ${WHEEL_INTERVAL_MS} ms): median ${percentile(changes, 0.5).toFixed(1)} ms, ` +
        `95th percentile ${p95.toFixed(1)} ms (target < 16 ms), max ${Math.max(...changes).toFixed(1)} ms`,
    );
    console.log(
      `    export of ${slices} slices: ${times.length} progress updates, first after ${(times[0] ?? NaN).toFixed(0)} ms, ` +
        `longest gap ${gapText(longestGap(times))} (target <= 250 ms), last at ${(times.at(-1) ?? NaN).toFixed(0)} ms; ` +
        `${text.length} progress events shown, longest gap ${gapText(longestGap(text))}`,
    );
  }, cpuThrottle);
}

async function memoryFigures(dir: string, files: number): Promise<void> {
  const inputs = generateInputs(join(dir, 'many'), files, 64);
  await withAppPage(async (page, app) => {
    const firstImageMs = await openFolder(page, inputs.folder, files);
    const { rssMb, peakMb } = memoryOf(app.pid);
    console.log(
      `  ${files} files of 64x64 open: app main process RSS ${rssMb.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB ` +
        `(target < 400 MB); first image after ${firstImageMs} ms`,
    );
  });
}

async function main(args: readonly string[]): Promise<void> {
  const quick = args.includes('--quick');
  const slices = intOption(args, '--slices') ?? (quick ? 200 : 1_000);
  const files = intOption(args, '--files') ?? (quick ? 2_000 : 10_000);
  const cpuThrottle = intOption(args, '--cpu-throttle') ?? 1;
  console.log(
    `\nthe app in browser mode, Chromium through Playwright (load average ${(loadavg()[0] ?? 0).toFixed(2)}; other work slows the figures)` +
      (cpuThrottle > 1 ? `, the page's CPU throttled ${cpuThrottle}x` : ''),
  );
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-bench-app-'));
  try {
    await seriesFigures(dir, slices, cpuThrottle);
    await memoryFigures(dir, files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
