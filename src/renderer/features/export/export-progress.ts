/** Words for a running export: count, rate and time left (pure, unit-tested). */
import type { ExportProgress } from '../../../shared/ipc/export';

type Running = Extract<ExportProgress, { state: 'running' }>;

export function rateOf(progress: Running): number | undefined {
  return progress.elapsedMs > 0 && progress.done > 0
    ? progress.done / (progress.elapsedMs / 1000)
    : undefined;
}

/** Seconds left at the current rate, once the total is known. */
export function secondsLeft(progress: Running): number | undefined {
  const rate = rateOf(progress);
  if (rate === undefined || progress.total === undefined) return undefined;
  return Math.max(0, (progress.total - progress.done) / rate);
}

export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

export function progressText(progress: Running): string {
  const count =
    progress.total === undefined ? `${progress.done} images` : `${progress.done} of ${progress.total} images`;
  const rate = rateOf(progress);
  const left = secondsLeft(progress);
  const parts = [count];
  if (rate !== undefined) parts.push(`${rate.toFixed(1)} images/s`);
  if (left !== undefined) parts.push(`${formatDuration(left)} left`);
  return parts.join(' · ');
}
