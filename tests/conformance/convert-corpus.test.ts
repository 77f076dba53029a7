/**
 * The whole corpus through the real CLI: every image (any transfer syntax, photometric, bit depth,
 * frame count) becomes a self-verified RGB Secondary Capture with all its frames; the only skips are
 * the non-images (with their reasons); the corpus stays byte-identical.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, hashTree, readReport, runCli } from '../helpers/cli-harness';
import type { CliResult, ReportDocument } from '../helpers/cli-harness';

const CORPUS = join(REPO, 'tests', 'fixtures', 'corpus');

interface ManifestRow {
  file: string;
  sopClass: string;
  frames: number;
}

function manifest(): ManifestRow[] {
  const [head = '', ...lines] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = head.split('\t');
  const at = (cells: string[], name: string): string => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      file: at(cells, 'file'),
      sopClass: at(cells, 'sop_class'),
      frames: Number(at(cells, 'frames')),
    };
  });
}

let dir: string;
let run: CliResult;
let report: ReportDocument;
let before: Map<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-corpus-'));
  before = hashTree(CORPUS);
  run = runCli([
    'convert',
    CORPUS,
    '--out',
    join(dir, 'out'),
    '--report',
    join(dir, 'report.json'),
    '--quiet',
  ]);
  report = readReport(join(dir, 'report.json'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the whole corpus through dicom-ink convert', () => {
  it('converts every image with all its frames and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const byName = new Map(report.outcomes.map((o) => [o.input.slice(CORPUS.length + 1), o]));
    // Float and double float Pixel Data (Parametric Maps) cannot be windowed to RGB: they are skipped, below.
    const notImages = new Set(['Enhanced SR Storage', 'Parametric Map Storage']);
    const images = manifest().filter((row) => !notImages.has(row.sopClass));
    expect(images.length).toBeGreaterThan(80);
    for (const row of images) {
      expect(byName.get(row.file), row.file).toMatchObject({ status: 'converted', frames: row.frames });
    }
  });

  it('skips only the SR, the float parametric maps and the text files, each with its reason', () => {
    const skipped = report.outcomes.filter((o) => o.status === 'skipped');
    expect(skipped.map((o) => o.input.slice(CORPUS.length + 1)).sort()).toEqual([
      'MANIFEST.tsv',
      'README.md',
      'dp_report_dfl',
      'parametric_map_double_float.dcm',
      'parametric_map_float.dcm',
    ]);
    expect(skipped.find((o) => o.input.endsWith('parametric_map_float.dcm'))?.reason).toMatch(
      /Float Pixel Data is not supported/,
    );
    expect(skipped.find((o) => o.input.endsWith('README.md'))?.reason).toMatch(/not a DICOM file/);
    expect(report.totals.failed).toBe(0);
  });

  it('leaves the corpus byte-identical', () => {
    expect(hashTree(CORPUS)).toEqual(before);
  });
});
