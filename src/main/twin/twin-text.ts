import type { TwinOutcome } from './write-twins';

/** What each twin is called in the CLI summary and the app's export result. */
export const TWIN_NAMES = {
  gsps: 'presentation state',
  sr: 'structured report',
  seg: 'segmentation',
  kos: 'key object selection',
} as const;

/** One line per twin for the summary: what it is, where it went, or why it was not written. */
export function twinLines(twins: readonly TwinOutcome[]): string[] {
  return twins.map((twin) => {
    const what = TWIN_NAMES[twin.kind];
    switch (twin.status) {
      case 'written': {
        const findings = twin.findings === 1 ? '1 finding' : `${twin.findings} findings`;
        return `Wrote ${what} ${twin.output} (${findings}, ${twin.images} images)`;
      }
      case 'skipped':
        return `Kept ${what} ${twin.output}: ${twin.reason}`;
      case 'failed':
        return `Failed ${what} ${twin.output}: ${twin.reason}`;
    }
  });
}

/** True when a twin asked for could not be written (the run then ends with exit code 1). */
export function anyTwinFailed(twins: readonly TwinOutcome[] | undefined): boolean {
  return (twins ?? []).some((t) => t.status === 'failed');
}
