/**
 * Reference decodings by GDCM (`gdcmconv --raw`, Debian package libgdcm-tools): an independent
 * implementation of every codec GDCM 3 supports. Outputs are cached in the OS temp folder, keyed by
 * file name, size and modification time, so repeated test runs convert each fixture once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

const CACHE_DIR = join(tmpdir(), 'dicom-ink-gdcm-raw');

/** Path of GDCM's uncompressed version of `fixture` (converted on first use). */
export function gdcmRawPath(fixture: string): string {
  const stat = statSync(fixture);
  const out = join(CACHE_DIR, `${basename(fixture)}.${stat.size}.${Math.floor(stat.mtimeMs)}.raw.dcm`);
  if (!existsSync(out)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    execFileSync('gdcmconv', ['--raw', fixture, out], { stdio: 'pipe' });
  }
  return out;
}

export function corpusFile(name: string): string {
  return join(CORPUS_DIR, name);
}

export function corpusBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusFile(name)));
}

/** One row of tests/fixtures/corpus/MANIFEST.tsv, keyed by column name. */
export type ManifestRow = Record<string, string> & { file: string; gdcm_decodes: string };

export function readManifest(): ManifestRow[] {
  const [head, ...lines] = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = (head ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) as ManifestRow;
  });
}

/** Every corpus file name, to check that the manifest covers the folder. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f !== 'MANIFEST.tsv' && f !== 'README.md')
    .sort();
}
