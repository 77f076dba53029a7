/**
 * Issue 24: `--notice auto` writes one short line on each image with a finding, in one corner, and
 * nowhere else: every other pixel of the run equals a `--notice none` run's, and images without findings
 * are byte for byte the same. A finding placed where the notice went pushes it to another corner.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { pydicomRead } from '../helpers/dicom-tools';
import { changedBounds, type Bounds } from '../helpers/changed-bounds';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const SAMPLE_BOXES = join(REPO, 'assets', 'sample', 'boxes.csv');
const SERIES = '2.25.111600668640973016802625042172064724545';

let dir: string;

/** A run on the sample; `boxes` undefined: no findings; `notice` undefined: the default. */
const run = (out: string, boxes: string | undefined, notice: string | undefined): void => {
  const args = ['convert', SAMPLE, '--out', join(dir, out), '--window', 'abdomen'];
  const result = runCli([
    ...args,
    ...(boxes === undefined ? [] : ['--boxes', boxes]),
    '--labels',
    '--quiet',
    '--algorithm',
    'KidneyNet',
    '--algorithm-version',
    '2.1',
    ...(notice === undefined ? [] : ['--notice', notice]),
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
};

/** The images of a run by file name: their RGB Pixel Data, the last rows x columns x 3 bytes of each file. */
function pixelsOf(out: string, bytes: number): Map<string, Buffer> {
  const folder = join(dir, out, 'abdomen-ct', 'series-1');
  return new Map(
    readdirSync(folder)
      .filter((name) => name.startsWith('IM'))
      .map((name) => {
        const file = readFileSync(join(folder, name));
        return [name, file.subarray(file.length - bytes)];
      }),
  );
}

/** Which corner a changed region hugs (within 8 pixels of two edges, at most 40 rows tall), if any. */
function cornerOf(b: Bounds, rows: number, columns: number): string | undefined {
  if (b.y2 - b.y1 >= 40) return undefined;
  const vertical = b.y1 <= 8 ? 'top' : b.y2 >= rows - 9 ? 'bottom' : undefined;
  const horizontal = b.x1 <= 8 ? 'left' : b.x2 >= columns - 9 ? 'right' : undefined;
  return vertical && horizontal ? `${vertical}-${horizontal}` : undefined;
}

let rows = 0;
let columns = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-notice-'));
  run('none', SAMPLE_BOXES, 'none');
  run('auto', SAMPLE_BOXES, 'auto');
  run('default', SAMPLE_BOXES, undefined);
  const first = pydicomRead(join(dir, 'none', 'abdomen-ct', 'series-1', 'IM0001'));
  [rows, columns] = first.shape as [number, number];
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every file a run wrote (the version registry too), by its path under the run's folder. */
function filesOf(out: string): Map<string, Buffer> {
  const root = join(dir, out);
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );
}

describe('the default notice', () => {
  it('is auto: a run without --notice writes the same pixels as --notice auto', () => {
    const bytes = rows * columns * 3;
    const auto = pixelsOf('auto', bytes);
    const fallback = pixelsOf('default', bytes);
    expect(fallback.size).toBe(24);
    for (const [name, pixels] of fallback) expect(pixels.equals(auto.get(name) as Buffer), name).toBe(true);
  });

  it('changes nothing in a run without findings: every file byte for byte as with --notice none', () => {
    run('plain-none', undefined, 'none');
    run('plain-default', undefined, undefined);
    const none = filesOf('plain-none');
    const fallback = filesOf('plain-default');
    expect(fallback.size).toBeGreaterThanOrEqual(24);
    expect([...fallback.keys()].sort()).toEqual([...none.keys()].sort());
    for (const [name, bytes] of fallback) expect(bytes.equals(none.get(name) as Buffer), name).toBe(true);
  }, 300_000);
});

describe('findings the reader drew', () => {
  it("carry no notice: an image whose boxes are all the reader's (finder column) is as with --notice none", () => {
    // The sample's box file with a finder column: slice 11's box drawn by the reader, the rest the algorithm's.
    const [header, ...rows_] = readFileSync(SAMPLE_BOXES, 'utf8').trim().split('\n');
    const marked = rows_.map((row) => `${row},${row.split(',')[1] === '11' ? 'reader' : ''}`);
    const boxes = join(dir, 'finder.csv');
    writeFileSync(boxes, `${header},finder\n${marked.join('\n')}\n`);
    run('finder-none', boxes, 'none');
    run('finder-auto', boxes, 'auto');
    const bytes = rows * columns * 3;
    const none = pixelsOf('finder-none', bytes);
    const auto = pixelsOf('finder-auto', bytes);
    expect(
      changedBounds(none.get('IM0011') as Buffer, auto.get('IM0011') as Buffer, columns, 3),
    ).toBeUndefined();
    for (const name of ['IM0012', 'IM0013', 'IM0014', 'IM0015', 'IM0016'])
      expect(
        changedBounds(none.get(name) as Buffer, auto.get(name) as Buffer, columns, 3),
        name,
      ).toBeDefined();
  }, 300_000);
});

describe('--notice auto', () => {
  it('changes only images with findings, each in one corner strip; every other pixel equals --notice none', () => {
    const bytes = rows * columns * 3;
    const none = pixelsOf('none', bytes);
    const auto = pixelsOf('auto', bytes);
    expect(auto.size).toBe(24);
    const withFindings = new Set(['IM0011', 'IM0012', 'IM0013', 'IM0014', 'IM0015', 'IM0016']);
    for (const [name, pixels] of auto) {
      const bounds = changedBounds(none.get(name) as Buffer, pixels, columns, 3);
      if (!withFindings.has(name)) {
        expect(bounds, name).toBeUndefined();
        continue;
      }
      expect(bounds, name).toBeDefined();
      expect(cornerOf(bounds as Bounds, rows, columns), `${name} ${JSON.stringify(bounds)}`).toBeDefined();
    }
  });

  it('moves away from a finding placed in the corner it took', () => {
    const bytes = rows * columns * 3;
    const slice = 'IM0013';
    const before = changedBounds(
      pixelsOf('none', bytes).get(slice) as Buffer,
      pixelsOf('auto', bytes).get(slice) as Buffer,
      columns,
      3,
    ) as Bounds;
    const corner = cornerOf(before, rows, columns);
    // A finding over the notice's place on slice 13, both runs drawing it.
    const row = `${SERIES},13,1,${before.x1},${before.y1},${before.x2},${before.y2},corner finding,0.5`;
    const boxes = join(dir, 'corner-boxes.csv');
    writeFileSync(boxes, `${readFileSync(SAMPLE_BOXES, 'utf8').trimEnd()}\n${row}\n`);
    run('none-corner', boxes, 'none');
    run('auto-corner', boxes, 'auto');
    const after = changedBounds(
      pixelsOf('none-corner', bytes).get(slice) as Buffer,
      pixelsOf('auto-corner', bytes).get(slice) as Buffer,
      columns,
      3,
    ) as Bounds;
    expect(after).toBeDefined();
    const moved = cornerOf(after, rows, columns);
    expect(moved).toBeDefined();
    expect(moved).not.toBe(corner);
  }, 300_000);
});
