import type { ConversionProgress } from '../export/job';
import { terminalSafe } from '../../shared/text/terminal-safe';

export interface ProgressDisplay {
  update(progress: ConversionProgress): void;
  /** clears the bar before the summary is printed */
  end(): void;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 2000;

function rate(progress: ConversionProgress): string {
  const seconds = progress.elapsedMs / 1000;
  return seconds > 0 ? `${(progress.done / seconds).toFixed(0)} files/s` : '';
}

/** The bar line: `[#####.....] 120/200 files  350 files/s  3 failed`. */
export function progressLine(progress: ConversionProgress): string {
  const total = progress.total;
  const fraction = total ? Math.min(1, progress.done / total) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = total ? `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ` : '';
  const count = total ? `${progress.done}/${total}` : `${progress.done}`;
  const failed = progress.failed > 0 ? `  ${progress.failed} failed` : '';
  return `${bar}${count} files  ${rate(progress)}${failed}`;
}

/** A redrawn bar on a terminal; on a pipe or file, failures as they happen and a count line every 2 s. */
export function createProgressDisplay(stream: NodeJS.WriteStream, quiet: boolean): ProgressDisplay {
  let lastDraw = 0;
  let drawn = false;
  if (quiet) return { update: () => undefined, end: () => undefined };
  if (stream.isTTY) {
    return {
      update(progress) {
        const now = Date.now();
        if (now - lastDraw < REDRAW_MS && progress.done !== progress.total) return;
        lastDraw = now;
        drawn = true;
        stream.write(
          `\r${progressLine(progress)
            .padEnd((stream.columns || 80) - 1)
            .slice(0, (stream.columns || 80) - 1)}`,
        );
      },
      end() {
        if (drawn) stream.write('\r\x1b[K');
      },
    };
  }
  lastDraw = Date.now();
  return {
    update(progress) {
      // A full or read-only disk stops the run with one message of its own, not one line per file.
      if (progress.last?.status === 'failed' && progress.last.stop === undefined)
        stream.write(terminalSafe(`failed: ${progress.last.input}: ${progress.last.reason}\n`));
      const now = Date.now();
      if (now - lastDraw < PLAIN_EVERY_MS) return;
      lastDraw = now;
      stream.write(`progress: ${progressLine(progress)}\n`);
    },
    end: () => undefined,
  };
}
