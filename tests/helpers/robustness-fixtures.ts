/** Issue 8's reader fixtures, written by pydicom (tests/helpers/robustness_fixtures.py lists the kinds). */
import { join } from 'node:path';
import { runTool } from './dicom-tools';

export type RobustnessFixture =
  | 'no-ts-implicit'
  | 'no-ts-explicit'
  | 'no-ts-big'
  | 'cp246-explicit'
  | 'cp246-implicit'
  | 'cp246-big'
  | 'tiny-pixel'
  | 'meta-only';

/** Writes fixture `kind` as `<dir>/<kind>.dcm` and returns its path. */
export function makeRobustnessFixture(kind: RobustnessFixture, dir: string): string {
  const path = join(dir, `${kind}.dcm`);
  const run = runTool('/usr/bin/python3', [join(__dirname, 'robustness_fixtures.py'), kind, path]);
  if (run.status !== 0) throw new Error(`pydicom could not write ${kind}: ${run.stderr}`);
  return path;
}

/** The pixel values every robustness image holds: 4x4, pixel i = 100 * i. */
export const ROBUSTNESS_PIXELS = Array.from({ length: 16 }, (_, i) => i * 100);
