import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatePhantomSeries } from '../src/main/sample/phantom';

export interface BenchInputs {
  /** folder holding the series */
  folder: string;
  files: number;
  bytes: number;
  /** CSV with one box per slice (the `file` column), read by the engine and by the pydicom script */
  boxes: string;
}

/**
 * Writes a phantom CT series of `slices` files of `size` x `size` under `dir`/in and a box file
 * with one box per slice, placed at the same relative spot whatever the size.
 */
export function generateInputs(dir: string, slices: number, size: number): BenchInputs {
  const folder = join(dir, 'in');
  const rows = ['file,x1,y1,x2,y2,label,score'];
  const at = (fraction: number): number => Math.round(fraction * (size - 1));
  let bytes = 0;
  let files = 0;
  const made = new Set<string>();
  for (const slice of generatePhantomSeries({ slices, size, seed: 7 })) {
    const path = join(folder, slice.relativePath);
    if (!made.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
    made.add(dirname(path));
    writeFileSync(path, slice.bytes);
    bytes += slice.bytes.length;
    files++;
    rows.push(`${slice.relativePath},${at(0.39)},${at(0.43)},${at(0.51)},${at(0.57)},lesion,0.9`);
  }
  const boxes = join(dir, 'boxes.csv');
  writeFileSync(boxes, `${rows.join('\n')}\n`);
  return { folder, files, bytes, boxes };
}

/**
 * `files` inputs made from `distinct` generated ones by hard links (`IM0001-2` is a second name of
 * `IM0001`): enough to measure how memory grows with the file count, in seconds rather than the
 * minutes writing 100,000 files takes. Every name gets its own box row.
 */
export function generateLinkedInputs(
  dir: string,
  files: number,
  size: number,
  distinct: number,
): BenchInputs {
  const base = generateInputs(dir, Math.min(files, distinct), size);
  if (files <= distinct) return base;
  const [header = '', ...rows] = readRows(base.boxes);
  const all = [header, ...rows];
  let made = rows.length;
  for (let copy = 1; made < files; copy++) {
    for (const row of rows) {
      if (made >= files) break;
      const comma = row.indexOf(',');
      const name = row.slice(0, comma);
      linkSync(join(base.folder, name), join(base.folder, `${name}-${copy}`));
      all.push(`${name}-${copy}${row.slice(comma)}`);
      made++;
    }
  }
  writeFileSync(base.boxes, `${all.join('\n')}\n`);
  return { ...base, files: made, bytes: Math.round((base.bytes / base.files) * made) };
}

function readRows(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/**
 * A phantom series of `slices` 512x512 files (as `generateInputs`) converted by the CLI at its defaults
 * into `dir`/out: the outputs' paths, for the delivery and media benchmarks.
 */
export function convertedSeries(dir: string, slices: number): string[] {
  const inputs = generateInputs(dir, slices, 512);
  execFileSync(process.execPath, [
    'bin/dicom-ink.cjs',
    'convert',
    inputs.folder,
    '--out',
    join(dir, 'out'),
    '--quiet',
  ]);
  return readdirSync(join(dir, 'out'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^IM\d+$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
