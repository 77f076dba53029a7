/** Throw-away study folders built from the real corpus files (copied, never edited in place). */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CORPUS = path.resolve('tests/fixtures/corpus');

export interface TempFolder {
  root: string;
  remove(): void;
}

/** A folder with `files` (name inside the folder -> corpus file or literal bytes). */
export function makeFolder(
  prefix: string,
  files: Record<string, { corpus: string; truncateTo?: number } | { text: string }>,
): TempFolder {
  const root = mkdtempSync(path.join(tmpdir(), `dicom-ink-${prefix}-`));
  for (const [name, source] of Object.entries(files)) {
    const target = path.join(root, name);
    mkdirSync(path.dirname(target), { recursive: true });
    if ('text' in source) writeFileSync(target, source.text);
    else if (source.truncateTo !== undefined) {
      writeFileSync(target, readFileSync(path.join(CORPUS, source.corpus)).subarray(0, source.truncateTo));
    } else copyFileSync(path.join(CORPUS, source.corpus), target);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
