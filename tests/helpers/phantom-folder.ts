/** Writes a phantom CT series as a folder of small files, for the CLI's resume, disk and shard tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatePhantomSeries } from '../../src/main/sample/phantom';

/**
 * `slices` files of `size` x `size` under `root`, spread over `folders` sub-folders
 * (`series-1/IM0001`, `series-2/IM0002`, ...). Returns their relative paths.
 */
export function writePhantomFolder(
  root: string,
  options: { slices: number; size: number; folders?: number },
): string[] {
  const folders = options.folders ?? 1;
  const written: string[] = [];
  for (const slice of generatePhantomSeries({ slices: options.slices, size: options.size, seed: 3 })) {
    const name = `series-${((slice.instanceNumber - 1) % folders) + 1}/IM${String(slice.instanceNumber).padStart(5, '0')}`;
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, slice.bytes);
    written.push(name);
  }
  return written;
}
