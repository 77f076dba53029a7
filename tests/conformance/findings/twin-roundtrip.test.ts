/**
 * Our own twins read back: the bundled sample converted with its boxes, labels and scores and
 * `--twin both`; the presentation state and the report it wrote, given back as --boxes, reproduce the
 * burned-in pixels of that export byte for byte (the boxes' pixels, labels, scores and colours survive).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-harness';
import { differingRgbPixels } from '../../helpers/pixel-data';

const SAMPLE = join(__dirname, '..', '..', '..', 'assets', 'sample');
const STUDY = join(SAMPLE, 'abdomen-ct');
const COMMON = ['--window', 'abdomen', '--labels', '--jobs', '1', '--quiet'];

let dir: string;
let first: string;
let twins: { gsps: string; sr: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-twin-roundtrip-'));
  first = join(dir, 'first');
  const run = runCli([
    'convert',
    STUDY,
    '--out',
    first,
    '--boxes',
    join(SAMPLE, 'boxes.csv'),
    '--twin',
    'both',
    ...COMMON,
  ]);
  expect(run.code).toBe(0);
  const series = join(first, 'abdomen-ct', 'series-1');
  const names = readdirSync(series);
  const find = (prefix: string): string => {
    const name = names.find((n) => n.startsWith(prefix));
    if (!name) throw new Error(`no ${prefix}* among ${names.join(', ')}`);
    return join(series, name);
  };
  twins = { gsps: find('presentation-state-'), sr: find('report-') };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('our twins -> --boxes -> export reproduces the first export byte for byte', () => {
  for (const kind of ['sr', 'gsps'] as const) {
    it(`our ${kind === 'sr' ? 'TID 1500 report' : 'presentation state'}: the 24 slices equal the first export's pixels`, () => {
      const again = join(dir, `again-${kind}`);
      const run = runCli(['convert', STUDY, '--out', again, '--boxes', twins[kind], ...COMMON]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('6 box(es) placed, 0 graphic(s) not placed');
      const slices = readdirSync(join(first, 'abdomen-ct', 'series-1')).filter((n) => n.startsWith('IM'));
      expect(slices).toHaveLength(24);
      const differing = slices.map((n) =>
        differingRgbPixels(
          join(first, 'abdomen-ct', 'series-1', n),
          join(again, 'abdomen-ct', 'series-1', n),
        ),
      );
      expect(differing).toEqual(slices.map(() => 0));
    });
  }
});
